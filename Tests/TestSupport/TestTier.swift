import Foundation
import Testing

/// The two tiers of the test suite.
///
/// - **Default** (`swift test`): every correctness test, at sizes that keep the whole suite under
///   8 minutes on 2 cores in a debug build.
/// - **Heavy** (`scripts/test-heavy.sh`: `SPARSE_SCALING_HEAVY_TESTS=1 swift test` on every suite with a heavy variant; the README and
///   `.ci/run` run it): the 2000-seed agreement tests, the memory peaks, the Slurm cluster, the 40 kill-and-resume
///   trials, the paper-sized end-to-end checks, calibration coverage on 100 simulated tables, the label-noise
///   law against 300 seeds and the one-pass SGD law at 4000 runs.
///
/// A test that exists only in the heavy tier carries the `.heavy` trait. A test that runs in both tiers
/// at different sizes reads `TestTier.isHeavy` (through `TestTier.size(default:heavy:)`), and its
/// comment says what the default size can still detect.
public enum TestTier {
    /// The environment variable that enables the heavy tier (value "1").
    public static let variable = "SPARSE_SCALING_HEAVY_TESTS"

    /// Whether this run includes the heavy tier.
    public static var isHeavy: Bool { ProcessInfo.processInfo.environment[variable] == "1" }

    /// `heavy` in the heavy tier, `default` otherwise: a seed count, a trial count, a size.
    public static func size<T>(default light: T, heavy: T) -> T { isHeavy ? heavy : light }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test or suite only in the heavy tier (SPARSE_SCALING_HEAVY_TESTS=1).
    public static var heavy: Self {
        .enabled(if: TestTier.isHeavy, "heavy tier: runs with \(TestTier.variable)=1")
    }
}
