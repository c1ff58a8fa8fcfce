import Testing
@testable import SparseScaling

/// The report's verdicts at the edges of the 95% interval and of the stated precision: each verdict can
/// be reached, each can fail, and no row outside its CI agrees.
@Suite struct ComparisonRowTests {
    /// measured 1.0 ± 0.1: the normal-approximation CI is [0.804, 1.196]; precision 1 unless given (nil: none).
    func row(predicted: Double, precision: Double? = 1, interval: (Double, Double)? = nil) -> ComparisonRow {
        ComparisonRow(quantity: "q", predicted: predicted, measured: 1.0, standardError: 0.1, interval: interval, precision: precision.map { SourcedValue($0, source: "test") })
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
        #expect(row(predicted: 1.0 - 1.96 * 0.1).verdict == .agree)
        #expect(row(predicted: 1.0 + 1.96 * 0.1).verdict == .agree)
        #expect(row(predicted: (1.0 + 1.96 * 0.1).nextUp).verdict == .disagree)
        #expect(row(predicted: (1.0 - 1.96 * 0.1).nextDown).verdict == .disagree)
    }

    @Test("Outside the CI disagrees whatever the precision: there is no 'agree within tolerance'")
    func outsideTheIntervalDisagrees() {
        #expect(row(predicted: 1.25, precision: 0.3).verdict == .disagree)
        #expect(row(predicted: 0.75, precision: 0.3).verdict == .disagree)
        #expect(row(predicted: 2.0, precision: 10).verdict == .disagree)
        // The headline case of issue 25: α_N 1.946 ± 0.022 against 2 (CI [1.903, 1.989]).
        #expect(ComparisonRow(quantity: "α_N", predicted: 2, measured: 1.946, standardError: 0.022, precision: SourcedValue(0.5, source: "test")).verdict == .disagree)
    }

    @Test func aGivenIntervalReplacesTheNormalOne() {
        #expect(row(predicted: 1.19, interval: (0.9, 1.1)).verdict == .disagree)
        #expect(row(predicted: 1.5, interval: (0.5, 1.5)).verdict == .agree)
        #expect(row(predicted: 1.5, interval: (0.5, 1.5)).ciUpper == 1.5)
        // Its construction is recorded: given without a method, it says so.
        #expect(row(predicted: 1.5, interval: (0.5, 1.5)).intervalMethod.kind == .given)
        #expect(row(predicted: 1.5).intervalMethod.kind == .normal)
    }

    @Test func intervalWiderThanThePrecisionIsInconclusive() {
        #expect(row(predicted: 1.0, precision: 0.2).verdict == .agree)
        #expect(row(predicted: 1.0, precision: 1.96 * 0.1).verdict == .agree)
        #expect(row(predicted: 1.0, precision: (1.96 * 0.1).nextDown).verdict == .inconclusive)
        #expect(row(predicted: 1.19, precision: 0.05).verdict == .inconclusive)
        // The GD-slope case: CI [−1.68, −0.05] around −1 with precision 0.3: inconclusive.
        let gd = ComparisonRow(quantity: "slope", predicted: -1, measured: -0.865, standardError: 0.4, interval: (-1.68, -0.05), precision: SourcedValue(0.3, source: "test"))
        #expect(gd.verdict == .inconclusive)
        #expect(row(predicted: 1.0, precision: 0.1, interval: (0.95, 1.15)).verdict == .agree)
        #expect(row(predicted: 1.0, precision: 0.1, interval: (0.95, 1.16)).verdict == .inconclusive)
        // No precision: the row names no competing prediction, so no CI can decide it.
        let unresolved = row(predicted: 1.0, precision: nil, interval: (0.99, 1.01))
        #expect(unresolved.verdict == .inconclusive)
        #expect(unresolved.precision?.value == 0 && unresolved.precision?.source.contains("no competing prediction") == true)
    }

    @Test("A measurement without SE or interval has no CI: inconclusive, never agree or disagree")
    func noIntervalIsInconclusive() {
        let r = ComparisonRow(quantity: "floor", predicted: 0.01, measured: 0, standardError: nil, precision: SourcedValue(0.0025, source: "test"))
        #expect(r.verdict == .inconclusive && r.ciLower == nil && r.intervalMethod.kind == .none)
    }

    @Test func missingOrNonFiniteMeasurementIsNotMeasured() {
        #expect(ComparisonRow(quantity: "q", predicted: 1, measured: nil, standardError: nil, precision: SourcedValue(1, source: "test")).verdict == .notMeasured)
        #expect(ComparisonRow(quantity: "q", predicted: 1, measured: .nan, standardError: 0.1, precision: SourcedValue(1, source: "test")).verdict == .notMeasured)
        #expect(ComparisonRow(quantity: "q", predicted: 1, measured: .infinity, standardError: 0.1, precision: SourcedValue(1, source: "test")).ciLower == nil)
    }

    @Test("One-sided '> 0': one-sided 95% bounds m ∓ 1.645 SE, stored as one-sided")
    func positiveQuantityIsOneSided() {
        let z = 1.6448536269514722
        #expect(ComparisonRow(positiveQuantity: "q", measured: 0.5, standardError: 0.1).verdict == .agree)
        #expect(ComparisonRow(positiveQuantity: "q", measured: z, standardError: 1).verdict == .inconclusive)
        #expect(ComparisonRow(positiveQuantity: "q", measured: z.nextUp, standardError: 1).verdict == .agree)
        // Two-sided ±1.96 SE would call 1.8 ± 1 inconclusive; one-sided it clears 0.
        #expect(ComparisonRow(positiveQuantity: "q", measured: 1.8, standardError: 1).verdict == .agree)
        #expect(ComparisonRow(positiveQuantity: "q", measured: -0.5, standardError: 0.1).verdict == .disagree)
        #expect(ComparisonRow(positiveQuantity: "q", measured: 0.1, standardError: 0.1).verdict == .inconclusive)
        #expect(ComparisonRow(positiveQuantity: "q", measured: -z, standardError: 1).verdict == .disagree)
        #expect(ComparisonRow(positiveQuantity: "q", measured: 0.5, standardError: nil).verdict == .notMeasured)
        let row = ComparisonRow(positiveQuantity: "q", measured: 0.5, standardError: 0.1)
        #expect(row.predictedText == "> 0" && row.claim == .exceeds && row.ciUpper == .infinity && row.intervalMethod.kind == .oneSidedNormal)
    }

    @Test("Ids: given ids are kept; the fallback has no spaces; `identified` sets id and group")
    func identifiers() {
        #expect(ComparisonRow.identifier("α_D, sparse D-sweep (linear)") == "alpha_d_sparse_d_sweep_linear")
        #expect(ComparisonRow.identifier("label noise σ² = 0.01: floor") == "label_noise_sigma2_0.01_floor")
        let r = ComparisonRow(quantity: "x y", predicted: 1, measured: 1, standardError: 0.1, tolerance: nil).identified("paper.x", group: .ours)
        #expect(r.id == "paper.x" && r.group == .ours)
    }

    @Test("A curve row: the exact one-sided interval of the covered fraction against 0.95 decides; wide points are inconclusive")
    func curveRows() {
        let precision = SourcedValue(0.05, source: "5%")
        func row(_ z: [Double], width: Double = 0.01) -> ComparisonRow {
            ComparisonRow(id: "c", group: .ours, curve: "c", test: CurveCoverageTest(zScores: z), medianRelativeHalfWidth: width, precision: precision)
        }
        #expect(row([0.1, -0.5, 1.2, -1.9, 0.3]).verdict == .agree)
        // 3 of 5 points outside their CIs: P(Bin(5, 0.95) ≤ 2) < 0.05, the interval of 2/5 excludes 0.95.
        let bad = row([5, -4, 3, 0.1, 0.2])
        #expect(bad.verdict == .disagree && bad.pointZScores == [5, -4, 3, 0.1, 0.2])
        #expect(row([0.1, -0.5, 1.2, -1.9, 0.3], width: 0.2).verdict == .inconclusive)
        #expect(bad.note?.contains("exact size") == true && bad.intervalMethod.kind == .clopperPearson)
    }
}
