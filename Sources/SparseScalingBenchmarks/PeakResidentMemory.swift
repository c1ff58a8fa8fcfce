import Foundation
import SparseScaling

/// The peak resident set size of this process (Linux `VmHWM` in /proc/self/status).
package enum PeakResidentMemory {
    /// Peak RSS in mebibytes since the process started, or nil where /proc is not available.
    /// The high-water mark cannot be reset, so one measurement per process: the bench runs each
    /// measured job in a child process of its own.
    package static func megabytes() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.count >= 2, let kilobytes = Double(fields[1]) { return kilobytes / 1024 }
        }
        return nil
    }
}

/// CPU time (user + system) this process has used so far.
package enum ProcessCPUTime {
    /// Seconds of CPU time, all threads together (getrusage).
    package static func seconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func sec(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return sec(usage.ru_utime) + sec(usage.ru_stime)
    }
}
