import CLAPACK
import Foundation

/// Which of OpenBLAS's per-CPU kernel sets runs BLAS. OpenBLAS 0.3.21 picks them from the CPU model
/// and falls back to its SSE3 kernels ("Prescott") on models it does not know (e.g. Emerald Rapids),
/// about 4× slower in dgemm and dsyrk than the AVX2 or AVX-512 kernels such a CPU runs.
public enum BLASKernels {
    /// The name of the kernel set in use, e.g. "Haswell", "SkylakeX" or "Prescott".
    public static var name: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    /// The kernel set the CPU supports best among those this fallback can choose: "SkylakeX" with
    /// AVX-512 (F, CD, BW, DQ, VL), "Haswell" with AVX2 and FMA, nil otherwise (from the flags the
    /// kernel reports in /proc/cpuinfo, which it clears when the OS does not enable the registers).
    public static func supported(cpuFlags flags: Set<Substring>) -> String? {
        if ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"].allSatisfy(flags.contains) { return "SkylakeX" }
        if ["avx2", "fma"].allSatisfy(flags.contains) { return "Haswell" }
        return nil
    }

    /// Replaces the generic fallback kernels by the ones the CPU supports, unless the user chose a set
    /// through OPENBLAS_CORETYPE; a no-op on CPUs OpenBLAS knows. Call before the first BLAS call.
    /// Results differ from the fallback's only by rounding. Returns the kernel set in use.
    @discardableResult
    public static func replaceGenericFallback() -> String {
        guard name == "Prescott", ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == nil,
              let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
              let choice = supported(cpuFlags: Set(line.split(separator: " "))),
              let quit = symbol("gotoblas_dynamic_quit"), let initialize = symbol("gotoblas_dynamic_init")
        else { return name }
        // OpenBLAS reads OPENBLAS_CORETYPE when it (re)selects its kernels; child processes inherit it.
        setenv("OPENBLAS_CORETYPE", choice, 1)
        quit()
        initialize()
        return name
    }

    /// A `void f(void)` function exported by the loaded OpenBLAS, or nil.
    private static func symbol(_ name: String) -> (@convention(c) () -> Void)? {
        guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(address, to: (@convention(c) () -> Void).self)
    }
}
