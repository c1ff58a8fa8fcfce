import ArgumentParser

/// How a command prints its result, one set of values for every command: `text` (for reading), `json`
/// (one pretty-printed object, snake_case keys) or `csv` (a header row and data rows, for pandas). A
/// command that cannot print one of them refuses it with a usage error naming --format.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// A human-readable table or summary.
    case text
    /// One JSON object.
    case json
    /// A header row and one row per record.
    case csv

    /// A usage error when `self` is not among the formats `command` can print.
    func require(_ supported: Set<OutputFormat>, in command: String, because reason: String) throws {
        guard !supported.contains(self) else { return }
        throw ValidationError("invalid value '\(rawValue)' for --format: \(command) prints \(Self.allCases.filter(supported.contains).map(\.rawValue).joined(separator: " or ")) (\(reason))")
    }
}
