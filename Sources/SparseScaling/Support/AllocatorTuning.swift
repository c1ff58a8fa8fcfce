#if canImport(Glibc)
import Glibc
#endif

/// Process-wide settings of the C allocator for long runs of many points.
package enum AllocatorTuning {
    /// Arrays up to this size (bytes) come from the heap rather than a fresh mmap each time.
    package static let mmapThreshold: Int32 = 64 << 20
    /// Freed heap memory up to this size (bytes) is kept for the next point rather than returned to the system.
    package static let trimThreshold: Int32 = 256 << 20

    /// Keeps freed matrices' memory in the process (glibc), so that each point's arrays reuse pages
    /// already mapped instead of page-faulting fresh ones in; a no-op elsewhere.
    package static func keepFreedMemory() {
        #if canImport(Glibc)
        // mallopt is not in Swift's Glibc module (no <malloc.h>): look it up in the C library instead.
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        _ = mallopt(-3, mmapThreshold)  // M_MMAP_THRESHOLD
        _ = mallopt(-1, trimThreshold)  // M_TRIM_THRESHOLD
        #endif
    }
}
