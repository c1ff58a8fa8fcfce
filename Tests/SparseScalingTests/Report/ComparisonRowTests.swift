import Testing
@testable import SparseScaling

/// The report's verdicts at the edges of the 95% interval and of the tolerance: each verdict can be
/// reached, and each can fail.
@Suite struct ComparisonRowTests {
    /// measured 1.0 ± 0.1: the normal-approximation CI is [0.804, 1.196].
    func row(predicted: Double, tolerance: Double? = nil, interval: (Double, Double)? = nil) -> ComparisonRow {
        ComparisonRow(quantity: "q", predicted: predicted, measured: 1.0, standardError: 0.1, interval: interval, tolerance: tolerance)
    }

    @Test func predictionInsideTheIntervalAgrees() {
        #expect(row(predicted: 1.0).verdict == .agree)
        #expect(row(predicted: 1.19).verdict == .agree)
        #expect(row(predicted: 0.81).verdict == .agree)
    }

    @Test func intervalEdgesAreInside() {
        let r = row(predicted: 0)
        #expect(r.ciLower == 1.0 - 1.96 * 0.1)
        #expect(r.ciUpper == 1.0 + 1.96 * 0.1)
        // Exactly on either end: agree (closed interval).
        #expect(row(predicted: 1.0 - 1.96 * 0.1).verdict == .agree)
        #expect(row(predicted: 1.0 + 1.96 * 0.1).verdict == .agree)
        // Just outside, without a tolerance: disagree.
        #expect(row(predicted: (1.0 + 1.96 * 0.1).nextUp).verdict == .disagree)
        #expect(row(predicted: (1.0 - 1.96 * 0.1).nextDown).verdict == .disagree)
    }

    @Test func outsideTheIntervalButWithinToleranceAgreesWithinTolerance() {
        #expect(row(predicted: 1.25, tolerance: 0.3).verdict == .agreeWithinTolerance)
        #expect(row(predicted: 0.75, tolerance: 0.3).verdict == .agreeWithinTolerance)
        // The tolerance edge |measured − predicted| = tolerance is inside.
        #expect(row(predicted: 1.25, tolerance: 0.25).verdict == .agreeWithinTolerance)
        #expect(row(predicted: 1.25, tolerance: 0.25.nextDown).verdict == .disagree)
        #expect(row(predicted: 2.0, tolerance: 0.3).verdict == .disagree)
    }

    @Test func aGivenIntervalReplacesTheNormalOne() {
        // 1.19 lies in ±1.96 SE but not in the narrower given interval.
        #expect(row(predicted: 1.19, interval: (0.9, 1.1)).verdict == .disagree)
        #expect(row(predicted: 1.19, tolerance: 0.2, interval: (0.9, 1.1)).verdict == .agreeWithinTolerance)
        // And a wider given interval can admit what ±1.96 SE would not.
        #expect(row(predicted: 1.5, interval: (0.5, 1.5)).verdict == .agree)
        #expect(row(predicted: 1.5, interval: (0.5, 1.5)).ciUpper == 1.5)
    }

    @Test func intervalWiderThanTheToleranceIsInconclusive() {
        // CI [0.804, 1.196], half-width 0.196: a tolerance below that cannot make the row agree.
        #expect(row(predicted: 1.0, tolerance: 0.2).verdict == .agree)
        #expect(row(predicted: 1.0, tolerance: 1.96 * 0.1).verdict == .agree)
        #expect(row(predicted: 1.0, tolerance: (1.96 * 0.1).nextDown).verdict == .inconclusive)
        #expect(row(predicted: 1.0, tolerance: 0.19).verdict == .inconclusive)
        #expect(row(predicted: 1.19, tolerance: 0.05).verdict == .inconclusive)
        // Outside the CI the verdict does not depend on the CI's width.
        #expect(row(predicted: 1.25, tolerance: 0.1).verdict == .disagree)
        // The report's GD-slope case: CI [−1.68, −0.05] with tolerance 0.3 around −1.
        let gd = ComparisonRow(quantity: "slope", predicted: -1, measured: -0.865, standardError: 0.4, interval: (-1.68, -0.05), tolerance: 0.3)
        #expect(gd.verdict == .inconclusive)
        // A given asymmetric interval counts by its half-width.
        #expect(row(predicted: 1.0, tolerance: 0.1, interval: (0.95, 1.15)).verdict == .agree)
        #expect(row(predicted: 1.0, tolerance: 0.1, interval: (0.95, 1.16)).verdict == .inconclusive)
        // Without a tolerance only the CI counts.
        #expect(row(predicted: 1.0, tolerance: nil, interval: (-10, 10)).verdict == .agree)
    }

    @Test func missingOrNonFiniteMeasurementIsNotMeasured() {
        #expect(ComparisonRow(quantity: "q", predicted: 1, measured: nil, standardError: nil, tolerance: 1).verdict == .notMeasured)
        #expect(ComparisonRow(quantity: "q", predicted: 1, measured: .nan, standardError: 0.1, tolerance: 1).verdict == .notMeasured)
        #expect(ComparisonRow(quantity: "q", predicted: 1, measured: .infinity, standardError: 0.1, tolerance: 1).ciLower == nil)
    }

    @Test func positiveQuantityAgreesOnlyWhenTheWholeIntervalIsAboveZero() {
        #expect(ComparisonRow(positiveQuantity: "q", measured: 0.5, standardError: 0.1).verdict == .agree)
        // Lower end exactly 0: not above 0.
        #expect(ComparisonRow(positiveQuantity: "q", measured: 1.96, standardError: 1).verdict == .inconclusive)
        #expect(ComparisonRow(positiveQuantity: "q", measured: 1.96.nextUp, standardError: 1).verdict == .agree)
        #expect(ComparisonRow(positiveQuantity: "q", measured: -0.5, standardError: 0.1).verdict == .disagree)
        // The CI contains 0: neither shown positive nor shown non-positive.
        #expect(ComparisonRow(positiveQuantity: "q", measured: 0.1, standardError: 0.1).verdict == .inconclusive)
        // Upper end exactly 0: at or below 0, so the prediction fails.
        #expect(ComparisonRow(positiveQuantity: "q", measured: -1.96, standardError: 1).verdict == .disagree)
        #expect(ComparisonRow(positiveQuantity: "q", measured: 0.5, standardError: nil).verdict == .notMeasured)
        #expect(ComparisonRow(positiveQuantity: "q", measured: 0.5, standardError: 0.1).predictedText == "> 0")
    }
}
