import ArgumentParser

/// How a command prints its result.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// A human-readable table.
    case text
    /// One JSON object.
    case json
}
