import Foundation
import ScalingAnalysis

/// Every closed-form prediction of docs/theory.md §4 for one parameter set and, optionally, one (N, D).
/// Encodes to JSON with snake_case keys; quantities that need N or D are null when absent.
public struct TheoryReport: Hashable, Sendable, Codable {
    /// Amplitude exponent α.
    public let alpha: Double
    /// Activation exponent β.
    public let beta: Double
    /// Input dimension M; nil for M = ∞ (written "inf" in JSON, as in CSV).
    @InfiniteWhenAbsent public private(set) var m: Int?
    /// Model size N, if given.
    @NullWhenAbsent public private(set) var n: Double?
    /// Data size D, if given.
    @NullWhenAbsent public private(set) var d: Double?
    /// α_N = α + β.
    public let alphaN: Double
    /// α_D (α + β for β ≤ 1, (α + β)/β for β > 1).
    public let alphaD: Double
    /// α_N/α_D.
    public let asymmetryRatio: Double
    /// One- or two-exponent law.
    public let law: ScalingLaw
    /// E[K(D)] = Σ [1 − (1 − p_i)^D] (needs D).
    @NullWhenAbsent public private(set) var observedCoordinatesExact: Double?
    /// Γ(1 − 1/β)·D^(1/β) (needs D and β > 1); also nil when it exceeds the Double range while E[K(D)]
    /// does not (finite M with D ≫ M^β, outside its range of validity).
    @NullWhenAbsent public private(set) var observedCoordinatesAsymptotic: Double?
    /// Σ λ_i (1 − p_i)^D (needs D).
    @NullWhenAbsent public private(set) var modelRichLossExact: Double?
    /// (1/β)·Γ((α+β)/β)·D^(−(α+β)/β) (needs D and β > 1); also nil when it exceeds the Double range,
    /// which happens only far outside its range of validity (large (α+β)/β, small D; the exact loss is ≤ Σ λ_i).
    @NullWhenAbsent public private(set) var modelRichLossAsymptotic: Double?
    /// Σ λ_i.
    public let totalVariance: Double
    /// min(E[K(D)], D) (needs D).
    @NullWhenAbsent public private(set) var interpolationThreshold: Double?
    /// Regime of (N, D) (needs both).
    @NullWhenAbsent public private(set) var regime: Regime?
    /// Collapse abscissa N/D^(1/β) (needs both).
    @NullWhenAbsent public private(set) var collapseX: Double?
    /// Compute-optimal allocation exponents.
    public let computeOptimal: ComputeOptimalExponents
    /// Solver cost comparison (Table 3).
    public let solverCosts: SolverCostAnalysis
    /// Whether gradient descent can spike (α < −1).
    public let gdSpikesPossible: Bool
    /// Exponent of P(GD failure) ∝ D^exponent; nil when spikes are impossible.
    @NullWhenAbsent public private(set) var gdFailureExponent: Double?
    /// The law in words (`ScalingLaw.explanation`).
    public let lawExplanation: String
    /// c_K in E[K(D)] ≈ c_K·D^(1/β): Γ(1 − 1/β) for β > 1 (M = ∞ or D ≪ M^β); nil for β ≤ 1, where K grows
    /// linearly, and when it leaves the Double range.
    @NullWhenAbsent public private(set) var observedCoordinatesPrefactor: Double?
    /// c_L in the model-rich loss L(D) ≈ c_L·D^(−(α+β)/β): (1/β)·Γ((α+β)/β) for β > 1; nil for β ≤ 1 and
    /// when it leaves the Double range.
    @NullWhenAbsent public private(set) var modelRichLossPrefactor: Double?
    /// Label-noise σ, if given (`--noise`).
    @NullWhenAbsent public private(set) var noise: Double?
    /// OUR predicted quantiles of the excess loss with label noise σ (needs σ, N and D; model-rich ridgeless,
    /// the law of `LabelNoiseLossLaw`, shared samples fitted jointly).
    @NullWhenAbsent public private(set) var lossQuantiles: LossQuantiles?
    /// The same quantiles of the test loss, excess + σ².
    @NullWhenAbsent public private(set) var testLossQuantiles: LossQuantiles?
    /// The Monte Carlo 95% intervals of `lossQuantiles` (order statistics over the law's draws).
    @NullWhenAbsent public private(set) var lossQuantileIntervals: [ConfidenceInterval?]?
    /// How many Monte Carlo draws the label-noise law used.
    @NullWhenAbsent public private(set) var lawDraws: Int?
    /// s(D) = (Σ √p_i·D p_i(1 − p_i)^(D−1))², the scale of the stable-½ singleton law (needs D and σ).
    @NullWhenAbsent public private(set) var singletonScale: Double?
    /// Fraction of the law's draws with K ≥ N − 1, where the model-rich law does not hold (needs σ, N, D).
    @NullWhenAbsent public private(set) var outsideModelRichFraction: Double?

    enum CodingKeys: String, CodingKey {
        case alpha, beta, m, n, d
        case alphaN = "alpha_n", alphaD = "alpha_d", asymmetryRatio = "asymmetry_ratio", law
        case observedCoordinatesExact = "observed_coordinates_exact"
        case observedCoordinatesAsymptotic = "observed_coordinates_asymptotic"
        case modelRichLossExact = "model_rich_loss_exact"
        case modelRichLossAsymptotic = "model_rich_loss_asymptotic"
        case totalVariance = "total_variance"
        case interpolationThreshold = "interpolation_threshold"
        case regime
        case collapseX = "collapse_x"
        case computeOptimal = "compute_optimal"
        case solverCosts = "solver_costs"
        case gdSpikesPossible = "gd_spikes_possible"
        case gdFailureExponent = "gd_failure_exponent"
        case lawExplanation = "law_explanation"
        case observedCoordinatesPrefactor = "observed_coordinates_prefactor"
        case modelRichLossPrefactor = "model_rich_loss_prefactor"
        case noise
        case lossQuantiles = "loss_quantiles"
        case testLossQuantiles = "test_loss_quantiles"
        case lossQuantileIntervals = "loss_quantiles_monte_carlo_ci"
        case lawDraws = "law_draws"
        case singletonScale = "singleton_scale"
        case outsideModelRichFraction = "outside_model_rich_fraction"
    }

    /// Assembles the report. N and D, when given, must be finite and ≥ 1; the compute proxy is
    /// C = N^a·D^b with a, b > 0 (default: the direct-solve proxy, a = 2, b = 1). Throws `ParameterError`,
    /// also when a reported value would be beyond the range of a Double (`checkRange`).
    public init(parameters: DataParameters, featureCount: Double? = nil, sampleCount: Double? = nil,
                computeA: Double = 2, computeB: Double = 1, noise: Double? = nil) throws {
        if let n = featureCount, !(n.isFinite && n >= 1) {
            throw ParameterError.invalid(parameter: .featureCount, value: "\(n)", allowed: "a finite number ≥ 1")
        }
        if let d = sampleCount, !(d.isFinite && d >= 1) {
            throw ParameterError.invalid(parameter: .sampleCount, value: "\(d)", allowed: "a finite number ≥ 1")
        }
        alpha = parameters.alpha
        beta = parameters.beta
        m = parameters.inputDimension.finiteValue
        n = featureCount
        d = sampleCount
        let exponents = parameters.exponents
        alphaN = exponents.alphaN
        alphaD = exponents.alphaD
        asymmetryRatio = exponents.asymmetryRatio
        law = exponents.law
        let k = sampleCount.map { parameters.expectedObservedCoordinates(sampleCount: $0) }
        observedCoordinatesExact = k
        observedCoordinatesAsymptotic = sampleCount.flatMap { parameters.observedCoordinatesAsymptote(sampleCount: $0) }
            .flatMap { $0.isFinite || !(k?.isFinite ?? false) ? $0 : nil }
        modelRichLossExact = sampleCount.map { parameters.modelRichLoss(sampleCount: $0) }
        modelRichLossAsymptotic = sampleCount.flatMap { parameters.modelRichLossAsymptote(sampleCount: $0) }.flatMap { $0.isFinite ? $0 : nil }
        totalVariance = parameters.totalVariance
        if let k, let d = sampleCount { interpolationThreshold = min(k, d) } else { interpolationThreshold = nil }
        if let n = featureCount, let d = sampleCount {
            regime = parameters.regime(featureCount: n, sampleCount: d)
            collapseX = n / pow(d, 1 / parameters.beta)
        } else {
            regime = nil
            collapseX = nil
        }
        computeOptimal = try ComputeOptimalExponents(parameters: parameters, computeA: computeA, computeB: computeB)
        solverCosts = SolverCostAnalysis(parameters: parameters, featureCount: featureCount, sampleCount: sampleCount)
        let stability = GradientDescentStability(parameters: parameters)
        gdSpikesPossible = stability.spikesPossible
        gdFailureExponent = stability.failureProbabilityExponent
        lawExplanation = law.explanation
        observedCoordinatesPrefactor = Self.observedCoordinatesPrefactor(beta: beta)
        modelRichLossPrefactor = Self.modelRichLossPrefactor(alpha: alpha, beta: beta)
        self.noise = noise
        if let sigma = noise, let d = sampleCount {
            guard d <= 1e12 else {
                throw ParameterError.invalid(parameter: .sampleCount, value: "\(d)", allowed: "at most 1e12 with a label noise σ")
            }
            let law = try LabelNoiseLossLaw(parameters: parameters, noise: sigma, featureCount: featureCount, sampleCount: Int(d.rounded()))
            singletonScale = law.singletonScale
            if featureCount != nil {
                lossQuantiles = LossQuantiles(law.excessQuantiles)
                testLossQuantiles = LossQuantiles(law.testQuantiles)
                lossQuantileIntervals = law.excessQuantileIntervals
                lawDraws = law.draws
                outsideModelRichFraction = law.outsideModelRichFraction
            }
        }
        try checkRange()
    }

    /// The report as pretty-printed JSON with sorted keys (non-finite numbers as "inf"/"-inf"/"nan").
    public func jsonString() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
