@testable import ScalingAnalysis
import Testing
@testable import SparseScaling

/// The one verdict rule (`IntervalDecision`) at its edges, and its users: the report's `ComparisonRow`
/// and a sweep's `SweepPrediction`. Nothing outside the 95% CI agrees.
@Suite struct IntervalDecisionTests {
    @Test("Inside the interval: agree up to a half-width equal to the precision, inconclusive beyond")
    func insideTheInterval() {
        #expect(IntervalDecision(predicted: 1, measured: 1.5, lower: 1, upper: 2, resolution: 0.5, tolerance: nil) == .agree)
        #expect(IntervalDecision(predicted: 2, measured: 1.5, lower: 1, upper: 2, resolution: 0.5, tolerance: nil) == .agree)
        #expect(IntervalDecision(predicted: 1.5, measured: 1.5, lower: 1, upper: 2, resolution: 0.4999, tolerance: nil) == .inconclusive)
        #expect(IntervalDecision(predicted: 1.5, measured: 1.5, lower: 1, upper: 2, resolution: nil, tolerance: nil) == .agree)
        // A given half-width (e.g. an asymmetric interval's larger side) is what the precision sees.
        #expect(IntervalDecision(predicted: 1.5, measured: 1.5, lower: 1, upper: 2, halfWidth: 0.6, resolution: 0.5, tolerance: nil) == .inconclusive)
    }

    @Test("Outside the interval: disagree however close, and however wide the precision")
    func outsideTheInterval() {
        #expect(IntervalDecision(predicted: 0.99, measured: 1.5, lower: 1, upper: 2, resolution: 1, tolerance: nil) == .disagree)
        #expect(IntervalDecision(predicted: 2.0.nextUp, measured: 1.5, lower: 1, upper: 2, resolution: 100, tolerance: nil) == .disagree)
        // The old "agree within tolerance" case (prediction 0.75 with |measured − predicted| = 0.75) now disagrees.
        #expect(IntervalDecision(predicted: 0.75, measured: 1.5, lower: 1, upper: 2, resolution: 1, tolerance: nil) == .disagree)
    }

    @Test("A computed prediction uncertainty widens only what the prediction may be: [p − t, p + t] must meet the CI")
    func predictionUncertainty() {
        #expect(IntervalDecision(predicted: 0.9, measured: 1.5, lower: 1, upper: 2, resolution: nil, tolerance: 0.1) == .agree)
        #expect(IntervalDecision(predicted: 0.89, measured: 1.5, lower: 1, upper: 2, resolution: nil, tolerance: 0.1) == .disagree)
        #expect(IntervalDecision(predicted: 0.9, measured: 1.5, lower: 1, upper: 2, resolution: 0.4, tolerance: 0.1) == .inconclusive)
    }

    @Test("One-sided claim q > b: agree when the lower bound clears b, disagree when the upper bound does not")
    func oneSided() {
        #expect(IntervalDecision(exceeds: 0, lowerBound: 0.1, upperBound: 1) == .agree)
        #expect(IntervalDecision(exceeds: 0, lowerBound: 0, upperBound: 1) == .inconclusive)
        #expect(IntervalDecision(exceeds: 0, lowerBound: -1, upperBound: 0) == .disagree)
        #expect(IntervalDecision(exceeds: 0, lowerBound: -1, upperBound: 0.01) == .inconclusive)
    }

    @Test("ComparisonRow keeps the shared rule at the 1.96 SE edges; the precision decides only how wide a CI may be")
    func comparisonRowEdges() {
        func verdict(_ predicted: Double, _ measured: Double, _ se: Double, _ precision: Double?) -> Verdict {
            ComparisonRow(quantity: "q", predicted: predicted, measured: measured, standardError: se,
                          precision: precision.map { SourcedValue($0, source: "test") }).verdict
        }
        #expect(verdict(1, 1, 0.5, 0.98) == .agree)           // half-width 1.96 · 0.5 = precision
        #expect(verdict(1, 1, 0.5, 0.97) == .inconclusive)    // half-width above the precision
        #expect(verdict(1, 1.98, 0.5, 0.98) == .agree)        // on the CI's edge
        #expect(verdict(1, 2.5, 0.5, 1.5) == .disagree)       // was "agree within tolerance"
        #expect(verdict(1, 2.5, 0.5, nil) == .disagree)
        #expect(ComparisonRow(quantity: "q", predicted: 1, measured: nil, standardError: nil, tolerance: 1).verdict == .notMeasured)
        // A precision shows with its source; a bare tolerance without one decides nothing (inconclusive).
        let row = ComparisonRow(quantity: "q", predicted: 1, measured: 1, standardError: 0.1, precision: SourcedValue(0.3, source: "30% of 1"))
        #expect(row.precision == SourcedValue(0.3, source: "30% of 1") && row.tolerance == nil && row.intervalMethod.kind == .normal)
        let bare = ComparisonRow(quantity: "q", predicted: 1, measured: 1, standardError: 0.1, tolerance: 0.3)
        #expect(bare.verdict == .inconclusive && bare.precision?.value == 0)
    }

    @Test("SweepPrediction: inside / inconclusive beyond half the distance to symmetric scaling (here 0.5) / outside (no tolerance outside the CI)")
    func sweepPredictionEdges() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2)
        let prediction = SweepPrediction(parameters: parameters, data: .sparse, variable: .n)  // exponent 2
        var fit = try PowerLawFit(points: [ScalingPoint(x: 1, y: 1), ScalingPoint(x: 2, y: 0.25), ScalingPoint(x: 4, y: 0.0625)])
        func verdict(_ lower: Double, _ upper: Double) -> SweepPrediction.Verdict {
            fit.exponent = (lower + upper) / 2
            fit.exponentInterval = ConfidenceInterval(lower: lower, upper: upper, level: 0.95)
            return prediction.verdict(of: fit)
        }
        #expect(prediction.precision.value == 0.5)     // α + β = 2 against (α + β)/β = 1
        #expect(verdict(1.5, 2.5) == .inside)          // half-width 0.5
        #expect(verdict(1.5, 2.5001) == .inconclusive)
        #expect(verdict(2.0001, 2.1) == .outside)      // just outside, however close
        #expect(verdict(1.9, 2) == .inside)
    }
}
