import Testing

/// One command line that must be refused: its arguments, a fragment its one `error:` line must contain,
/// and its exit status (2 usage, 1 runtime).
struct RefusalCase: CustomTestStringConvertible, Sendable {
    let arguments: [String]
    let fragment: String
    let status: Int32
    var testDescription: String { arguments.joined(separator: " ") }
}
