import Testing
@testable import LinearAlgebra

/// When the process asks OpenBLAS for other kernels than the ones it chose at load.
@Suite struct BLASKernelSelectionTests {
    let avx512: Set<String> = ["sse2", "avx2", "avx512f", "avx512dq", "avx512bw", "avx512vl"]

    @Test func onlyAPrescottFallbackOnAnAVX512ProcessorIsOverridden() {
        #expect(BLASKernelSelection.betterCore(current: "Prescott", processorFlags: avx512, environmentOverride: nil) == "SkylakeX")
        // Kernels OpenBLAS chose for a processor it knows are kept.
        #expect(BLASKernelSelection.betterCore(current: "Haswell", processorFlags: avx512, environmentOverride: nil) == nil)
        // No AVX-512 (or part of it missing): Prescott may be the right choice.
        #expect(BLASKernelSelection.betterCore(current: "Prescott", processorFlags: ["sse2", "avx2"], environmentOverride: nil) == nil)
        #expect(BLASKernelSelection.betterCore(
            current: "Prescott", processorFlags: avx512.subtracting(["avx512vl"]), environmentOverride: nil) == nil)
        // A user's own OPENBLAS_CORETYPE wins (and the re-executed process sees it set).
        #expect(BLASKernelSelection.betterCore(current: "Prescott", processorFlags: avx512, environmentOverride: "Haswell") == nil)
    }

    @Test func coreNameIsReported() {
        #expect(!BLASKernelSelection.coreName.isEmpty)
    }
}
