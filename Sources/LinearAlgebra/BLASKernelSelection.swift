import CLAPACK
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// OpenBLAS chooses its kernels once, when it is loaded, from the processor model. A release older than
/// the processor (Debian 12's 0.3.21 on an Emerald Rapids Xeon, family 6 model 207) does not know the
/// model and falls back to its Prescott (SSE3) kernels, several times slower in dgemm than its AVX-512
/// ones. The environment variable OPENBLAS_CORETYPE overrides the choice, but is read only at load.
public enum BLASKernelSelection {
    /// The kernel set OpenBLAS uses in this process (e.g. "Prescott", "SkylakeX").
    public static var coreName: String { openblas_get_corename().map { String(cString: $0) } ?? "unknown" }

    /// The kernel set to ask for instead: "SkylakeX" when OpenBLAS fell back to Prescott on a processor
    /// with the AVX-512 subsets those kernels use (F, DQ, BW, VL) and OPENBLAS_CORETYPE is unset; else nil.
    public static func betterCore(current: String, processorFlags: Set<String>, environmentOverride: String?) -> String? {
        guard environmentOverride == nil, current.lowercased() == "prescott",
              ["avx512f", "avx512dq", "avx512bw", "avx512vl"].allSatisfy(processorFlags.contains)
        else { return nil }
        return "SkylakeX"
    }

    /// The processor's feature flags (the first "flags" line of /proc/cpuinfo; empty where there is none).
    static func processorFlags() -> Set<String> {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
              let colon = line.firstIndex(of: ":")
        else { return [] }
        return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
    }

    /// Re-executes this process with the same arguments and OPENBLAS_CORETYPE set to `betterCore` when
    /// there is one (the new process then keeps its kernels); returns when there is none or exec fails.
    public static func reexecutingWithBetterCore() {
        #if os(Linux)
        guard let core = betterCore(
            current: coreName, processorFlags: processorFlags(),
            environmentOverride: ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"])
        else { return }
        setenv("OPENBLAS_CORETYPE", core, 1)
        _ = execv("/proc/self/exe", CommandLine.unsafeArgv)
        unsetenv("OPENBLAS_CORETYPE")  // exec failed: carry on with the kernels loaded
        #endif
    }
}
