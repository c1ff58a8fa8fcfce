@testable import ScalingAnalysis
import Testing
@testable import SparseScaling

/// The one verdict rule (`IntervalDecision`) at its edges, and its two users: the report's
/// `ComparisonRow` and a sweep's `SweepPrediction`.
@Suite struct IntervalDecisionTests {
    @Test("Inside the interval: agree up to a half-width equal to the resolution, inconclusive beyond")
    func insideTheInterval() {
        #expect(IntervalDecision(predicted: 1, measured: 1.5, lower: 1, upper: 2, resolution: 0.5, tolerance: nil) == .agree)
        #expect(IntervalDecision(predicted: 2, measured: 1.5, lower: 1, upper: 2, resolution: 0.5, tolerance: 0.1) == .agree)
        #expect(IntervalDecision(predicted: 1.5, measured: 1.5, lower: 1, upper: 2, resolution: 0.4999, tolerance: 1) == .inconclusive)
        #expect(IntervalDecision(predicted: 1.5, measured: 1.5, lower: 1, upper: 2, resolution: nil, tolerance: nil) == .agree)
    }

    @Test("Outside the interval: within tolerance up to |measured − predicted| = tolerance, disagree beyond")
    func outsideTheInterval() {
        #expect(IntervalDecision(predicted: 0.75, measured: 1.5, lower: 1, upper: 2, resolution: 1, tolerance: 0.75) == .withinTolerance)
        #expect(IntervalDecision(predicted: 0.7499, measured: 1.5, lower: 1, upper: 2, resolution: 1, tolerance: 0.75) == .disagree)
        #expect(IntervalDecision(predicted: 0.99, measured: 1.5, lower: 1, upper: 2, resolution: 1, tolerance: nil) == .disagree)
    }

    @Test("Tolerance beyond noise: agree to tolerance + noise, inconclusive when the noise alone exceeds the tolerance")
    func toleranceBeyondNoise() {
        // Relative error 0.07 with noise 0.02 against 0.05: 0.07 ≤ 0.05 + 0.02 agrees.
        #expect(IntervalDecision(predicted: 0, measured: 0.07, margin: 0.02, tolerance: 0.05) == .withinTolerance)
        #expect(IntervalDecision(predicted: 0, measured: 0.0701, margin: 0.02, tolerance: 0.05) == .disagree)
        #expect(IntervalDecision(predicted: 0, measured: 0.01, margin: 0.02, tolerance: 0.05) == .agree)
        // Noise 0.06 > tolerance 0.05 and the error within it: the measurement cannot tell.
        #expect(IntervalDecision(predicted: 0, measured: 0.05, margin: 0.06, tolerance: 0.05) == .inconclusive)
        // A large error still fails, whatever the noise.
        #expect(IntervalDecision(predicted: 0, measured: 0.2, margin: 0.06, tolerance: 0.05) == .disagree)
    }

    @Test("ComparisonRow keeps its verdicts: the shared rule at the 1.96 SE edges")
    func comparisonRowEdges() {
        func verdict(_ predicted: Double, _ measured: Double, _ se: Double, _ tolerance: Double?) -> Verdict {
            ComparisonRow(quantity: "q", predicted: predicted, measured: measured, standardError: se, tolerance: tolerance).verdict
        }
        #expect(verdict(1, 1, 0.5, 0.98) == .agree)           // half-width 1.96 · 0.5 = tolerance
        #expect(verdict(1, 1, 0.5, 0.97) == .inconclusive)    // half-width above the tolerance
        #expect(verdict(1, 1.98, 0.5, 0.98) == .agree)        // on the CI's edge
        #expect(verdict(1, 2.5, 0.5, 1.5) == .agreeWithinTolerance)
        #expect(verdict(1, 2.5, 0.5, 1.49) == .disagree)
        #expect(verdict(1, 2.5, 0.5, nil) == .disagree)
        #expect(ComparisonRow(quantity: "q", predicted: 1, measured: nil, standardError: nil, tolerance: 1).verdict == .notMeasured)
        // The relative-error rows: error 0.2 ± 0.01 against 15% fails; 0.16 ± 0.01 passes (0.16 ≤ 0.15 + 0.0196).
        #expect(ComparisonRow(quantity: "e", predicted: 0, measured: 0.2, standardError: 0.01, toleranceBeyondNoise: 0.15).verdict == .disagree)
        #expect(ComparisonRow(quantity: "e", predicted: 0, measured: 0.16, standardError: 0.01, toleranceBeyondNoise: 0.15).verdict == .agreeWithinTolerance)
        #expect(ComparisonRow(quantity: "e", predicted: 0, measured: 0.1, standardError: 0.1, toleranceBeyondNoise: 0.15).verdict == .inconclusive)
        #expect(ComparisonRow(quantity: "e", predicted: 0, measured: 0.1, standardError: .nan, toleranceBeyondNoise: 0.15).verdict == .notMeasured)
    }

    @Test("SweepPrediction: inside / inconclusive at ±25% of the prediction / outside (no tolerance outside the CI)")
    func sweepPredictionEdges() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2)
        let prediction = SweepPrediction(parameters: parameters, data: .sparse, variable: .n)  // exponent 2
        var fit = try PowerLawFit(points: [ScalingPoint(x: 1, y: 1), ScalingPoint(x: 2, y: 0.25), ScalingPoint(x: 4, y: 0.0625)])
        func verdict(_ lower: Double, _ upper: Double) -> SweepPrediction.Verdict {
            fit.exponent = (lower + upper) / 2
            fit.exponentInterval = ConfidenceInterval(lower: lower, upper: upper, level: 0.95)
            return prediction.verdict(of: fit)
        }
        #expect(verdict(1.5, 2.5) == .inside)          // half-width 0.5 = 25% of 2
        #expect(verdict(1.5, 2.5001) == .inconclusive)
        #expect(verdict(2.0001, 2.1) == .outside)      // just outside, however close
        #expect(verdict(1.9, 2) == .inside)
    }
}
