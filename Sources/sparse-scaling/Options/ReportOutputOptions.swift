import ArgumentParser
import Foundation

/// How a command that prints one result prints it: `--format text|json|csv`, `--out FILE`, `--quiet`.
struct ReportOutputOptions: ParsableArguments {
    /// Formats of a printed result (the one set every command takes).
    typealias Format = OutputFormat

    @Option(help: "Output format: text, json (pretty, with the whole configuration) or csv (one row per point).")
    var format: Format = .text

    @Option(help: "Write the result to this file instead of standard output (replaced atomically). Default: standard output.")
    var out: String?

    @Flag(help: "Print no progress bar and no notes on standard error (errors are still printed).")
    var quiet: Bool = false

    func validate() throws {
        if let out { try OutputFile.checkWritable(out, flag: "--out") }
    }

    /// Prints `text` (ending with one newline) to standard output, or writes it to `--out`.
    func emit(_ text: String) throws {
        let body = text.hasSuffix("\n") ? text : text + "\n"
        guard let out else {
            print(body, terminator: "")
            return
        }
        try OutputFile.write(body, to: out)
    }
}
