import Foundation

/// Solver costs at one point (N, D), as base-10 logarithms (the costs overflow Double easily).
public struct SolverCostEstimate: Hashable, Sendable, Codable {
    /// The regime of (N, D).
    public let regime: Regime
    /// log10 κ with κ ≈ min(N, E[K(D)])^(1+α+β).
    public let log10ConditionNumber: Double
    /// log10(N·D·κ).
    public let log10GradientDescent: Double
    /// log10(N·D·√κ).
    public let log10Accelerated: Double
    /// log10(N·D·min(N, D)).
    public let log10Direct: Double
    /// The solver with the smallest estimate (ties go to direct, then accelerated).
    /// (gd: plain gradient descent, N·D·κ; nesterov: accelerated, N·D·√κ; direct: the pseudoinverse, N·D·min(N, D).)
    public let cheapest: SolverKind

    enum CodingKeys: String, CodingKey {
        case regime, cheapest
        case log10ConditionNumber = "log10_condition_number"
        case log10GradientDescent = "log10_gradient_descent"
        case log10Accelerated = "log10_accelerated"
        case log10Direct = "log10_direct"
    }

    /// The estimates at model size N ≥ 1 and data size D ≥ 1.
    public init(parameters: DataParameters, featureCount n: Double, sampleCount d: Double) {
        let k = parameters.expectedObservedCoordinates(sampleCount: d)
        regime = parameters.regime(featureCount: n, sampleCount: d)
        log10ConditionNumber = parameters.varianceExponent * log10(min(n, k))
        let base = log10(n) + log10(d)
        log10GradientDescent = base + log10ConditionNumber
        log10Accelerated = base + 0.5 * log10ConditionNumber
        log10Direct = base + log10(min(n, d))
        if log10Direct <= log10Accelerated && log10Direct <= log10GradientDescent {
            cheapest = .direct
        } else if log10Accelerated <= log10GradientDescent {
            cheapest = .nesterov
        } else {
            cheapest = .gd
        }
    }
}

/// The paper's Table 3: which solver is cheapest in which regime, symbolically and, when N and D
/// are given, numerically (docs/theory.md §4).
public struct SolverCostAnalysis: Hashable, Sendable, Codable {
    /// Direct beats gradient descent in every regime iff α > −1.
    public let directBeatsGradientDescentEverywhere: Bool
    /// Direct beats accelerated GD in the heavily overparameterized regime iff β < 1 + α.
    public let directBeatsAcceleratedOverparameterized: Bool
    /// Direct beats accelerated GD in the underparameterized regime iff α + β > 1.
    public let directBeatsAcceleratedUnderparameterized: Bool
    /// The cheapest solver when underparameterized.
    public let cheapestUnderparameterized: SolverKind
    /// The cheapest solver when heavily overparameterized.
    public let cheapestHeavilyOverparameterized: SolverKind
    /// In the intermediate regime direct is cheaper than accelerated for N < D^exponent,
    /// exponent = (1+α+β)/(2β); nil when it is infinite (β = 0, or β so small that it overflows):
    /// then direct is cheaper at every N.
    @NullWhenAbsent public private(set) var intermediateCrossoverExponent: Double?
    /// D^intermediateCrossoverExponent when D is given and the power is below the Double range
    /// (above it, every representable N is below the crossover).
    @NullWhenAbsent public private(set) var intermediateCrossoverFeatureCount: Double?
    /// The estimates at (N, D) when both are given.
    @NullWhenAbsent public private(set) var estimate: SolverCostEstimate?
    /// The conditions above as sentences with their verdict for these parameters.
    public let conditions: [String]

    enum CodingKeys: String, CodingKey {
        case directBeatsGradientDescentEverywhere = "direct_beats_gd_everywhere"
        case directBeatsAcceleratedOverparameterized = "direct_beats_accelerated_overparameterized"
        case directBeatsAcceleratedUnderparameterized = "direct_beats_accelerated_underparameterized"
        case cheapestUnderparameterized = "cheapest_underparameterized"
        case cheapestHeavilyOverparameterized = "cheapest_heavily_overparameterized"
        case intermediateCrossoverExponent = "intermediate_crossover_exponent"
        case intermediateCrossoverFeatureCount = "intermediate_crossover_n"
        case estimate = "at_point"
        case conditions
    }

    /// The analysis for validated parameters; N and D (each ≥ 1) are optional.
    public init(parameters: DataParameters, featureCount n: Double? = nil, sampleCount d: Double? = nil) {
        let a = parameters.alpha, b = parameters.beta
        directBeatsGradientDescentEverywhere = a > -1
        directBeatsAcceleratedOverparameterized = b < 1 + a
        directBeatsAcceleratedUnderparameterized = a + b > 1
        cheapestUnderparameterized = directBeatsAcceleratedUnderparameterized ? .direct : .nesterov
        cheapestHeavilyOverparameterized = directBeatsAcceleratedOverparameterized ? .direct : .nesterov
        let crossover = (1 + a + b) / (2 * b)
        let crossoverExponent = crossover.isFinite ? crossover : nil
        intermediateCrossoverExponent = crossoverExponent
        intermediateCrossoverFeatureCount = d.flatMap { d in
            let size = pow(d, crossover)
            return size.isFinite ? size : nil
        }
        if let n, let d {
            estimate = SolverCostEstimate(parameters: parameters, featureCount: n, sampleCount: d)
        } else {
            estimate = nil
        }
        func verdict(_ holds: Bool) -> String { holds ? "holds" : "fails" }
        conditions = [
            "direct beats gradient descent everywhere iff α > −1 (\(verdict(directBeatsGradientDescentEverywhere)))",
            "direct beats accelerated when heavily overparameterized iff β < 1 + α (\(verdict(directBeatsAcceleratedOverparameterized)))",
            "direct beats accelerated when underparameterized iff α + β > 1 (\(verdict(directBeatsAcceleratedUnderparameterized)))",
            crossoverExponent.map {
                "intermediate regime: direct beats accelerated iff N < D^((1+α+β)/(2β)) = D^\(TheoryFormat.number($0))"
            } ?? "intermediate regime: direct beats accelerated at every N (D^((1+α+β)/(2β)) is infinite for β = \(b))",
        ]
    }
}
