import Foundation
import Testing
@testable import ScalingTheory

@Suite("Exponents, compute-optimal allocation, solver costs, GD stability")
struct TheoryFormulaTests {
    @Test("Exponents: one law for β ≤ 1, two for β > 1")
    func exponents() throws {
        let two = try DataParameters(alpha: 0, beta: 2).exponents
        #expect(two.alphaN == 2 && two.alphaD == 1 && two.asymmetryRatio == 2 && two.law == .twoExponent)
        let negative = try DataParameters(alpha: -1.5, beta: 2).exponents
        #expect(negative.alphaN == 0.5 && negative.alphaD == 0.25 && negative.asymmetryRatio == 2)
        let one = try DataParameters(alpha: 0.3, beta: 0.5, inputDimension: .finite(100)).exponents
        #expect(one.alphaN == 0.8 && one.alphaD == 0.8 && one.asymmetryRatio == 1 && one.law == .oneExponent)
        let boundary = try DataParameters(alpha: 0, beta: 1, inputDimension: .finite(100)).exponents
        #expect(boundary.law == .oneExponent && boundary.alphaD == 1)
    }

    @Test("Compute-optimal exponents: direct proxy and general C = N^a·D^b")
    func computeOptimal() throws {
        let p = try DataParameters(alpha: 0, beta: 2)
        let direct = try ComputeOptimalExponents(parameters: p)
        #expect(direct.nExponent == 0.25 && direct.dExponent == 0.5 && direct.lossExponent == -0.5)
        let q = try DataParameters(alpha: 0.5, beta: 3)
        let general = try ComputeOptimalExponents(parameters: q, computeA: 1, computeB: 1)
        #expect(abs(general.nExponent - 1.0 / 4) < 1e-15)
        #expect(abs(general.dExponent - 3.0 / 4) < 1e-15)
        #expect(abs(general.lossExponent + 3.5 / 4) < 1e-15)
        // N*^a·D*^b = C: the exponents satisfy a·n + b·d = 1 and L* = D*^(−α_D).
        let g = try ComputeOptimalExponents(parameters: q, computeA: 1.7, computeB: 0.6)
        #expect(abs(1.7 * g.nExponent + 0.6 * g.dExponent - 1) < 1e-15)
        #expect(abs(g.lossExponent + q.exponents.alphaD * g.dExponent) < 1e-15)
        // β ≤ 1: balanced line N ≈ D, exponents 1/(a+b).
        let flat = try ComputeOptimalExponents(parameters: DataParameters(alpha: 0, beta: 0.5, inputDimension: .finite(10)))
        #expect(abs(flat.nExponent - 1.0 / 3) < 1e-15 && abs(flat.dExponent - 1.0 / 3) < 1e-15)
        #expect(abs(flat.lossExponent + 0.5 / 3) < 1e-15)
        for (a, b) in [(0.0, 1.0), (1.0, -1.0), (Double.nan, 1.0), (1.0, .infinity)] {
            #expect(throws: ParameterError.self) { try ComputeOptimalExponents(parameters: p, computeA: a, computeB: b) }
        }
    }

    @Test("Solver conditions: direct vs GD iff α > −1, vs accelerated iff β < 1+α (over), α+β > 1 (under)")
    func solverConditions() throws {
        let standard = SolverCostAnalysis(parameters: try DataParameters(alpha: 0, beta: 2))
        #expect(standard.directBeatsGradientDescentEverywhere)
        #expect(!standard.directBeatsAcceleratedOverparameterized)
        #expect(standard.directBeatsAcceleratedUnderparameterized)
        #expect(standard.cheapestUnderparameterized == .direct)
        #expect(standard.cheapestHeavilyOverparameterized == .nesterov)
        #expect(standard.intermediateCrossoverExponent == 0.75)
        #expect(standard.intermediateCrossoverFeatureCount == nil && standard.estimate == nil)
        let spiky = SolverCostAnalysis(parameters: try DataParameters(alpha: -1.5, beta: 2))
        #expect(!spiky.directBeatsGradientDescentEverywhere)
        #expect(spiky.cheapestUnderparameterized == .nesterov)
        let smooth = SolverCostAnalysis(parameters: try DataParameters(alpha: 2, beta: 1.5), sampleCount: 1e4)
        #expect(smooth.directBeatsAcceleratedOverparameterized)
        #expect(smooth.cheapestHeavilyOverparameterized == .direct)
        #expect(abs(smooth.intermediateCrossoverFeatureCount! - pow(1e4, 4.5 / 3)) < 1e-6)
    }

    @Test("Solver cost estimates at a point follow the table's formulas and the symbolic rules")
    func solverEstimates() throws {
        let p = try DataParameters(alpha: 0, beta: 2)
        let d = 1e6
        let k = p.expectedObservedCoordinates(sampleCount: d)
        // Underparameterized: κ = N^3, direct = N²D is cheapest.
        let under = SolverCostEstimate(parameters: p, featureCount: 100, sampleCount: d)
        #expect(under.regime == .underparameterized)
        #expect(abs(under.log10ConditionNumber - 6) < 1e-12)
        #expect(abs(under.log10GradientDescent - (2 + 6 + 6)) < 1e-12)
        #expect(abs(under.log10Accelerated - (2 + 6 + 3)) < 1e-12)
        #expect(abs(under.log10Direct - (2 + 6 + 2)) < 1e-12)
        #expect(under.cheapest == .direct)
        // Heavily overparameterized: κ = K^3 and β > 1 + α, so accelerated wins.
        let over = SolverCostEstimate(parameters: p, featureCount: 1e7, sampleCount: d)
        #expect(over.regime == .heavilyOverparameterized)
        #expect(abs(over.log10ConditionNumber - 3 * log10(k)) < 1e-12)
        #expect(over.cheapest == .nesterov)
        // Intermediate: direct below the crossover D^0.75 ≈ 31623, accelerated above.
        #expect(SolverCostEstimate(parameters: p, featureCount: 5_000, sampleCount: d).cheapest == .direct)
        #expect(SolverCostEstimate(parameters: p, featureCount: 200_000, sampleCount: d).cheapest == .nesterov)
    }

    @Test("GD spikes iff α < −1, failure exponent (α+β)/(1+α)")
    func gradientDescent() throws {
        let spiky = GradientDescentStability(parameters: try DataParameters(alpha: -1.5, beta: 2))
        #expect(spiky.spikesPossible && spiky.failureProbabilityExponent == -1)
        let other = GradientDescentStability(parameters: try DataParameters(alpha: -3, beta: 4))
        #expect(other.failureProbabilityExponent == -0.5)
        for alpha in [-1.0, -0.5, 0, 2] {
            let s = GradientDescentStability(parameters: try DataParameters(alpha: alpha, beta: 2))
            #expect(!s.spikesPossible && s.failureProbabilityExponent == nil)
        }
    }
}

@Suite("Regimes and the interpolation threshold")
struct RegimeTests {
    @Test("Boundaries: N < K(D) under, K(D) ≤ N < D intermediate, N ≥ D heavily over")
    func boundaries() throws {
        let p = try DataParameters(alpha: 0, beta: 2)
        let d = 1e6
        let k = p.interpolationThreshold(sampleCount: d)
        #expect(k == p.expectedObservedCoordinates(sampleCount: d))
        #expect(abs(k - 1771.9540724622612378) < 1e-9)
        #expect(p.regime(featureCount: 1771, sampleCount: d) == .underparameterized)
        #expect(p.regime(featureCount: k, sampleCount: d) == .intermediate)
        #expect(p.regime(featureCount: 1772, sampleCount: d) == .intermediate)
        #expect(p.regime(featureCount: d - 1, sampleCount: d) == .intermediate)
        #expect(p.regime(featureCount: d, sampleCount: d) == .heavilyOverparameterized)
        #expect(p.regime(featureCount: 1e9, sampleCount: d) == .heavilyOverparameterized)
    }

    @Test("The threshold is capped at D when more coordinates than samples are observed")
    func thresholdCap() throws {
        let dense = try DataParameters(alpha: 0.5, beta: 0, inputDimension: .finite(100))
        #expect(dense.interpolationThreshold(sampleCount: 10) == 10)
        #expect(dense.regime(featureCount: 9, sampleCount: 10) == .underparameterized)
        #expect(dense.regime(featureCount: 10, sampleCount: 10) == .heavilyOverparameterized)
        let p = try DataParameters(alpha: 0, beta: 2)
        #expect(p.interpolationThreshold(sampleCount: 1) == 1)  // K(1) = ζ(2) > 1
    }

    @Test("Collapse coordinates x = N/D^(1/β), y = L·D^(α_D)")
    func collapse() throws {
        let p = try DataParameters(alpha: 0, beta: 2)
        let c = p.collapseCoordinates(featureCount: 2000, sampleCount: 1e6, loss: 3e-7)
        #expect(abs(c.x - 2) < 1e-14 && abs(c.y - 0.3) < 1e-14)
        // The model-rich loss collapses to its asymptotic constant (1/β)Γ((α+β)/β) = 0.5.
        let y = p.collapseCoordinates(featureCount: 1, sampleCount: 1e12, loss: p.modelRichLoss(sampleCount: 1e12)).y
        #expect(abs(y - 0.5) < 1e-10)
    }
}

@Suite("Validation")
struct ValidationTests {
    @Test("Invalid α, β and M are refused")
    func invalidParameters() {
        let bad: [(Double, Double, InputDimension)] = [
            (.nan, 2, .infinite), (0, .nan, .infinite), (.infinity, 2, .infinite), (0, -.infinity, .infinite),
            (0, -0.5, .finite(10)), (-2, 2, .infinite), (-1, 1, .finite(10)), (0, 1, .infinite), (0.5, 0.5, .infinite),
        ]
        for (alpha, beta, m) in bad {
            #expect(throws: ParameterError.self, "α=\(alpha) β=\(beta) M=\(m)") {
                try DataParameters(alpha: alpha, beta: beta, inputDimension: m)
            }
        }
        #expect(InputDimension(parsing: "0") == nil)
        #expect(InputDimension(parsing: "-3") == nil)
        #expect(InputDimension(parsing: "abc") == nil)
        #expect(InputDimension(parsing: "1.5") == nil)
        #expect(InputDimension(parsing: "1e9") == .finite(1_000_000_000))
        #expect(InputDimension(parsing: "inf") == .infinite)
    }

    @Test("The report refuses N or D below 1, NaN or infinite")
    func invalidSizes() throws {
        let p = try DataParameters(alpha: 0, beta: 2)
        for bad in [0, -1, 0.5, .nan, .infinity] as [Double] {
            #expect(throws: ParameterError.self) { try TheoryReport(parameters: p, featureCount: bad, sampleCount: 100) }
            #expect(throws: ParameterError.self) { try TheoryReport(parameters: p, featureCount: 100, sampleCount: bad) }
        }
        #expect(throws: ParameterError.self) { try TheoryReport(parameters: p, computeA: 0) }
    }
}
