import Foundation

/// A progress bar with an ETA on standard error when it is a terminal (redrawn every second, so the clock
/// moves while a long point runs); otherwise (a log file, nohup, a batch job) a plain line every minute while a
/// task runs past its first minute, and one at its end; one-line notes on standard error; `quiet` silences all.
package final class ProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private let enabled: Bool
    private let logging: Bool
    private let logInterval: TimeInterval
    private let output: @Sendable (String) -> Void
    private var logged = false
    private let quiet: Bool
    private var timer: DispatchSourceTimer?
    private var label: String
    private var total = 0
    private var done = 0
    private var start = Date()
    private var lastDraw = Date.distantPast

    /// A reporter that draws only when standard error is a terminal (or when `force` is true); a `quiet`
    /// one draws nothing and prints no note.
    public convenience init(force: Bool = false, quiet: Bool = false) {
        self.init(terminal: force || isatty(2) == 1, quiet: quiet)
    }

    /// A reporter that draws a bar (`terminal`) or logs plain lines every `logInterval` seconds, writing to `output`.
    package init(terminal: Bool, quiet: Bool = false, logInterval: TimeInterval = 60,
                 output: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        enabled = !quiet && terminal
        logging = !quiet && !terminal
        self.logInterval = logInterval
        self.output = output
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
        output(prefix + text + "\n")
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
        logged = false
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
        if enabled, total > 0 { output("\n") }
        if logging, logged, total > 0 { output("\(label): \(done)/\(total) done in \(Self.clock(Date().timeIntervalSince(start)))\n") }
        total = 0
    }

    /// Redraws the bar once a second, or logs a line every `logInterval`, while a task runs (caller holds the lock).
    private func startTimer() {
        timer?.cancel()
        timer = nil
        guard enabled || logging, total > 0 else { return }
        let interval = enabled ? 1 : logInterval
        let source = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        source.schedule(deadline: .now() + interval, repeating: interval)
        source.setEventHandler { [weak self] in
            guard let self else { return }
            self.lock.lock()
            defer { self.lock.unlock() }
            if self.enabled { self.draw(force: true) } else { self.logLine() }
        }
        timer = source
        source.resume()
    }

    /// One plain line: label, steps, elapsed and ETA (caller holds the lock).
    private func logLine() {
        guard logging, total > 0 else { return }
        let elapsed = Date().timeIntervalSince(start)
        let eta = done > 0 ? elapsed / Double(done) * Double(total - done) : .nan
        output("\(label): \(done)/\(total)  elapsed \(Self.clock(elapsed))  ETA \(Self.clock(eta))\n")
        logged = true
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
        output("\r\(label) [\(bar)] \(done)/\(total)  elapsed \(Self.clock(elapsed))  ETA \(Self.clock(eta))\u{1B}[K")
    }

    /// Seconds as h:mm:ss (or m:ss), "--:--" when unknown.
    static func clock(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "--:--" }
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
