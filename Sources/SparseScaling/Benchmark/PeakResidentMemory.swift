import Foundation

/// The peak resident set size of this process (Linux `VmHWM` in /proc/self/status).
public enum PeakResidentMemory {
    /// Peak RSS in mebibytes since the process started, or nil where /proc is not available.
    /// The high-water mark cannot be reset, so one measurement per process: the bench runs each
    /// measured job in a child process of its own.
    public static func megabytes() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.count >= 2, let kilobytes = Double(fields[1]) { return kilobytes / 1024 }
        }
        return nil
    }
}
