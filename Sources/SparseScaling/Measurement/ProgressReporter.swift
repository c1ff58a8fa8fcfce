import Foundation

/// A progress bar with an ETA on standard error when it is a terminal (redrawn every second, so the clock
/// moves while a long point runs), and one-line notes on standard error; `quiet` silences both.
package final class ProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private let enabled: Bool
    private let quiet: Bool
    private var timer: DispatchSourceTimer?
    private var label: String
    private var total = 0
    private var done = 0
    private var start = Date()
    private var lastDraw = Date.distantPast

    /// A reporter that draws only when standard error is a terminal (or when `force` is true); a `quiet`
    /// one draws nothing and prints no note.
    public init(force: Bool = false, quiet: Bool = false) {
        enabled = !quiet && (force || isatty(2) == 1)
        self.quiet = quiet
        label = ""
    }

    /// Steps finished in the current task (0 when none runs).
    public var finishedSteps: Int {
        lock.lock()
        defer { lock.unlock() }
        return done
    }

    /// Prints `text` as one line on standard error (ending any bar line first), unless quiet.
    public func note(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        guard !quiet else { return }
        let prefix = enabled && total > 0 ? "\r\u{1B}[K" : ""
        FileHandle.standardError.write(Data((prefix + text + "\n").utf8))
        draw(force: true)
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
        startTimer()
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
        timer?.cancel()
        timer = nil
        if enabled, total > 0 { FileHandle.standardError.write(Data("\n".utf8)) }
        total = 0
    }

    /// Redraws the bar once a second while a task runs (caller holds the lock).
    private func startTimer() {
        timer?.cancel()
        timer = nil
        guard enabled, total > 0 else { return }
        let source = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        source.schedule(deadline: .now() + 1, repeating: 1)
        source.setEventHandler { [weak self] in
            guard let self else { return }
            self.lock.lock()
            defer { self.lock.unlock() }
            self.draw(force: true)
        }
        timer = source
        source.resume()
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
