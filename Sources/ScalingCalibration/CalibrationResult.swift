/// Everything one calibration found: the data, the settings, the additive fit with bootstrap intervals and
/// the verdict on β > 1, the joined fit, and the cross-validated comparison.
public struct CalibrationResult: Sendable, Codable, Hashable {
    /// The runs fitted and the columns they came from.
    public var table: RunTable
    /// The settings, with `compute` resolved.
    public var settings: CalibrationSettings
    /// The compute C of the compute-optimal point.
    public var compute: Double
    /// The additive fit to all runs (every grid start refined).
    public var additive: LawFit
    /// The joined fit to all runs.
    public var joined: LawFit
    /// The bootstrap intervals of every quantity (empty when B = 0).
    public var intervals: [BootstrapInterval]
    /// The additive laws of the resamples that could be fitted (for bands).
    public var resampledLaws: [AdditiveLaw]
    /// β > 1 at 95%, or not.
    public var verdict: AsymmetryVerdict
    /// The held-out comparison (nil when folds = 0).
    public var crossValidation: CrossValidationResult?
    /// Wall-clock seconds of the fit, the bootstrap and the cross-validation.
    public var seconds: Seconds

    /// Wall-clock time per stage.
    public struct Seconds: Sendable, Codable, Hashable {
        /// Both fits to all runs.
        public var fit: Double
        /// The bootstrap.
        public var bootstrap: Double
        /// The cross-validation.
        public var crossValidation: Double
    }

    /// The interval of `quantity` (nil without a bootstrap).
    public func interval(_ quantity: CalibratedQuantity) -> BootstrapInterval? { intervals.first { $0.quantity == quantity } }
}
