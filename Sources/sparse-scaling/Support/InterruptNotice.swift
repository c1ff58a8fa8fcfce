import Dispatch
import Foundation

/// On Ctrl-C (SIGINT), prints one line saying what is saved and the command that resumes, then exits 130.
///
/// Every finished (point, seed) is committed to the store in its own transaction, so what is saved is exactly
/// what the line reports; the interrupted points are recomputed by the resuming command.
enum InterruptNotice {
    nonisolated(unsafe) private static var source: DispatchSourceSignal?

    /// Installs the handler; `saved` describes, when the signal arrives, what is saved (e.g. "12 new rows in s.sqlite").
    static func install(saved: @escaping @Sendable () -> String) {
        signal(SIGINT, SIG_IGN)
        let handler = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global(qos: .userInteractive))
        handler.setEventHandler {
            let line = "\r\u{1B}[Kinterrupted: \(saved()); resume with: \(resumeCommand())\n"
            FileHandle.standardError.write(Data(line.utf8))
            exit(130)
        }
        handler.resume()
        source = handler
    }

    /// The command line of this process, shell-quoted where needed.
    static func resumeCommand(_ arguments: [String] = CommandLine.arguments) -> String {
        var words = arguments
        if let first = words.first { words[0] = URL(fileURLWithPath: first).lastPathComponent }
        return words.map(shellQuoted).joined(separator: " ")
    }

    /// `word` as is when it is safe in a POSIX shell, else in single quotes.
    static func shellQuoted(_ word: String) -> String {
        let safe = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%")
        if !word.isEmpty, word.unicodeScalars.allSatisfy(safe.contains) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
