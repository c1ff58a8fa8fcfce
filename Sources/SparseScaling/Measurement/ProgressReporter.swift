import Foundation

/// A progress bar with an ETA on standard error when it is a terminal; silent otherwise.
public final class ProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private let enabled: Bool
    private var label: String
    private var total = 0
    private var done = 0
    private var start = Date()
    private var lastDraw = Date.distantPast

    /// A reporter that draws only when standard error is a terminal (or when `force` is true).
    public init(force: Bool = false) {
        enabled = force || isatty(2) == 1
        label = ""
    }

    /// Starts a new task of `total` steps named `label`.
    public func begin(_ label: String, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        self.label = label
        self.total = total
        done = 0
        start = Date()
        lastDraw = .distantPast
        draw(force: true)
    }

    /// Records one finished step.
    public func advance() {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        draw(force: done == total)
    }

    /// Ends the current task's line.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        if enabled, total > 0 { FileHandle.standardError.write(Data("\n".utf8)) }
        total = 0
    }

    private func draw(force: Bool) {
        guard enabled, total > 0 else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) > 0.2 else { return }
        lastDraw = now
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let elapsed = now.timeIntervalSince(start)
        let eta = done > 0 ? elapsed / Double(done) * Double(total - done) : .nan
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let text = "\r\(label) [\(bar)] \(done)/\(total)  elapsed \(Self.clock(elapsed))  ETA \(Self.clock(eta))\u{1B}[K"
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Seconds as h:mm:ss (or m:ss), "--:--" when unknown.
    static func clock(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "--:--" }
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
