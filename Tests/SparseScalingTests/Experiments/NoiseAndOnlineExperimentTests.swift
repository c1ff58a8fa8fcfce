import Foundation
import ResultsStore
import Testing
@testable import SparseScaling

/// The label-noise and online experiments on tiny sizes, and their analysis tools on synthetic data
/// with known answers.
@Suite struct NoiseAndOnlineExperimentTests {
    func runner() throws -> MeasurementRunner {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("noise-\(UUID().uuidString)/s.sqlite").path
        return MeasurementRunner(store: try ResultsStore(path: path), threads: 2)
    }

    @Test func quantilesInterpolateOrderStatistics() {
        let d = LossDistribution([5, 1, 4, 2, 3])
        #expect(d.median == 3 && d.mean == 3 && d.lower == 1.4 && d.upper == 4.6 && d.maximum == 5)
    }

    @Test func floorFitRecoversAPowerLawOnAFloor() throws {
        let x = (4...14).map { pow(2, Double($0)) }
        let fit = try #require(NoiseFloorFit(x: x, loss: x.map { 2 / $0 + 1e-3 }))
        #expect(abs(fit.floor / 1e-3 - 1) < 0.01)
        #expect(abs(fit.powerLaw.exponent - 1) < 0.01)
        let none = try #require(NoiseFloorFit(x: x, loss: x.map { 2 / $0 }))
        #expect(none.floor < 1e-6 && abs(none.powerLaw.exponent - 1) < 1e-6)
    }

    @Test func labelNoiseExperimentOnTinySizes() throws {
        let configuration = LabelNoiseExperiment.Configuration(
            seeds: 5, labelNoiseVariances: [0, 1e-2], nSweepN: [4, 8, 16, 32, 64], nSweepD: 128, dSweepD: [16, 32, 64, 128], modelRichRatio: 2, ridges: [1e-4, 1e-2])
        let runner = try runner()
        let result = try LabelNoiseExperiment.run(alpha: 0, beta: 2, configuration: configuration, runner: runner)
        #expect(result.rows.count == 2 * (5 + 4 + 2))
        for row in result.rows {
            #expect(row.test.median == LossDistribution(row.losses.map { $0 + row.labelNoiseVariance }).median)
            #expect(row.losses.allSatisfy { $0.isFinite && $0 > 0 })
        }
        #expect(result.levels.count == 2)
        // σ = 0 rows are the noiseless points of every other experiment: same keys, same numbers.
        let noiseless = try runner.measure(
            SweepPlan(base: PointSpecification(parameters: try DataParameters(alpha: 0, beta: 2), featureCount: 1, sampleCount: 1),
                      featureCounts: [4, 8, 16, 32, 64], sampleCounts: [128], seeds: Array(0..<5)).points, seeds: Array(0..<5))
        let rows = result.rows.filter { $0.sweep == .n && $0.labelNoiseVariance == 0 }
        #expect(rows.map(\.losses) == noiseless.map(\.losses))
        // Noise raises the median excess loss on the interpolating side.
        let noisy = result.rows.filter { $0.sweep == .n && $0.labelNoiseVariance == 1e-2 }
        #expect(zip(noisy, rows).filter { $0.0.n >= 16 }.allSatisfy { $0.0.excess.median > $0.1.excess.median })
        #expect(!result.comparisonRows.isEmpty)
        #expect(result.csvTables().keys.sorted() == ["label-noise-law.csv", "label-noise-summary.csv", "label-noise.csv"])
        #expect(result.comparisonRows.allSatisfy { $0.tolerance == nil })
    }

    @Test func labelNoiseLawCheckComparesMediansByTheIntervalRule() throws {
        var configuration = LabelNoiseExperiment.Configuration(
            seeds: 12, labelNoiseVariances: [1e-2], nSweepN: [8, 16, 32], nSweepD: 64, dSweepD: [32, 64], modelRichRatio: 4, ridges: [1e-2])
        configuration.lawBetas = [2, 3]
        configuration.lawD = [64, 256]
        configuration.lawNoiseVariance = 1e-2
        let result = try LabelNoiseExperiment.run(alpha: 0.1, beta: 2, configuration: configuration, runner: try runner())
        #expect(result.law.count == 4 && result.lawSlopes.count == 2)
        for p in result.law {
            #expect(p.n == 4 * p.d && p.losses.count == 12)
            #expect(p.predicted == p.predicted.sorted() && p.predicted.allSatisfy { $0 > 0 })
            #expect(p.fractionBelow.allSatisfy { (0...1).contains($0) } && p.fractionBelow == p.fractionBelow.sorted())
            let row = p.medianRow(alpha: 0.1)
            // The pure rule: disagree iff the prediction lies outside the median's order-statistic CI; inside,
            // agree iff the CI's half-width is within the precision derived from the predicted quartiles.
            let inside = p.medianLower! <= p.predicted[2] && p.predicted[2] <= p.medianUpper!
            let precision = try #require(row.precision)
            #expect(abs(precision.value - min(p.predicted[2] - p.predicted[1], p.predicted[3] - p.predicted[2]) / 2) <= 1e-12 * p.predicted[2])
            let resolved = (p.medianUpper! - p.medianLower!) / 2 <= precision.value
            #expect(row.verdict == (inside ? (resolved ? .agree : .inconclusive) : .disagree) && row.tolerance == nil)
        }
        for s in result.lawSlopes { #expect(s.lower <= s.measured && s.measured <= s.upper) }
        // label-noise-law.csv: below_qX is, as its sidecar says, the fraction of seeds whose loss lies below predicted_qX.
        let csv = try #require(result.csvTables()["label-noise-law.csv"]).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(csv[0] == LabelNoiseResult.lawCSVHeaders && csv.count == 1 + result.law.count)
        for (line, p) in zip(csv.dropFirst(), result.law) {
            for q in ["10", "25", "50", "75", "90"] {
                let predicted = try #require(Double(line[csv[0].firstIndex(of: "predicted_q\(q)")!]))
                let below = try #require(Double(line[csv[0].firstIndex(of: "below_q\(q)")!]))
                let recomputed = Double(p.losses.filter { $0 < predicted }.count) / Double(p.losses.count)
                #expect(abs(below - recomputed) <= 1e-12, "below_q\(q)")
            }
        }
        let rows = result.comparisonRows
        #expect(rows.count == 1 + 4 + 2 && rows.allSatisfy { $0.tolerance == nil })
        #expect(result.summaryText().contains("law check"))
    }

    @Test func jointFitAndFrontierRecoverKnownExponents() throws {
        // L = 2·N^−2 + 0.5·t^−0.6 exactly: the fit must return the exponents and the frontier their slopes.
        var curves: [OnlineResult.CurvePoint] = []
        let steps = OnlineGradientDescent.logSpacedCheckpoints(steps: 10_000_000, perDecade: 10)
        for n in [8, 16, 32, 64, 128, 256, 512, 1024] {
            for t in steps where t > 0 {
                let l = 2 * pow(Double(n), -2) + 0.5 * pow(Double(t), -0.6)
                curves.append(OnlineResult.CurvePoint(featureCount: n, step: t, loss: LossDistribution([l]), standardError: 0, meanObservedCoordinates: 0))
            }
        }
        let joint = try #require(OnlineResult.jointFit(curves.filter { $0.step >= 1000 }))
        #expect(abs(joint.modelExponent - 2) < 1e-3 && abs(joint.stepExponent - 0.6) < 1e-3)
        let (frontier, lossFit, modelFit, _) = OnlineResult.frontier(curves: curves, featureCounts: [8, 16, 32, 64, 128, 256, 512, 1024], steps: 10_000_000)
        #expect(frontier.count > 20)
        let expected = DataParameters.frontierExponents(modelExponent: 2, stepExponent: 0.6)
        #expect(abs(try #require(lossFit).exponent - expected.loss) < 0.03)
        #expect(abs(-(try #require(modelFit)).exponent - expected.featureCount) < 0.05)
    }

    @Test func decoupledPredictionHasTheStatedAsymptote() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2)
        #expect(abs(parameters.onlineLoss(steps: 0, stepSize: 0.1) - parameters.totalVariance) < 1e-3 * parameters.totalVariance)
        let eta = 0.01, t = 1e8
        let s = parameters.varianceExponent
        let asymptote = tgamma(1 - 1 / s) / s * pow(2 * eta * t, -(parameters.alpha + parameters.beta) / s)
        #expect(abs(parameters.onlineLoss(steps: t, stepSize: eta) / asymptote - 1) < 0.05)
        #expect(parameters.onlineLoss(steps: 10, stepSize: 1) == .infinity)
        #expect(abs(parameters.onlineStepExponent - 2.0 / 3) < 1e-12)
    }

    @Test func onlineExperimentOnTinySizes() throws {
        let configuration = OnlineExperiment.Configuration(seeds: 2, featureCounts: [8, 16, 32], steps: 20_000, stepSize: 0.25, checkpointsPerDecade: 5)
        let result = try OnlineExperiment.run(alpha: 0, beta: 2, configuration: configuration, threads: 2)
        #expect(result.divergedRuns.isEmpty)
        #expect(result.curves.count == 3 * result.checkpoints.count)
        #expect(result.curves.allSatisfy { $0.loss.mean.isFinite })
        // Each run is the online solver's own run: thread count does not matter.
        let single = try OnlineExperiment.run(alpha: 0, beta: 2, configuration: configuration, threads: 1)
        #expect(single.curves.map(\.loss.mean) == result.curves.map(\.loss.mean))
        #expect(result.csvTables().keys.sorted() == ["online-frontier.csv", "online.csv"])
        // OUR finite-N prediction at every measured (N, t ≥ 1000), and rows decided by the CI rule alone.
        // Measured points at t ≥ 1000 are compared inside the prediction's range A(t) ≤ N/2, listed beyond it
        // where the prediction is finite, and left out where it diverges (A ≥ N − 1).
        #expect(result.pointErrors.count + result.outOfRangeErrors.count <= result.curves.filter { $0.step >= OnlineResult.fitStart }.count)
        #expect(!result.pointErrors.isEmpty)
        #expect(result.pointErrors.allSatisfy { $0.predicted.isFinite && $0.predicted > 0 })
        #expect(result.medianAbsoluteError.map { $0 < 0.5 } ?? false)
        #expect(result.comparisonRows.allSatisfy { $0.tolerance == nil })
        // The predicted median lies inside the predicted 10–90% band, and the prediction compared is the median.
        #expect(result.predictedBands.allSatisfy { $0.q10 <= $0.median && $0.median <= $0.q90 })
        for p in result.finiteNPrediction {
            let band = try #require(result.predictedBands.first { $0.featureCount == p.featureCount && $0.step == p.step })
            #expect(band.inRange && band.median == p.loss.median)
        }
        if let b = result.stepFitBootstrap, let fit = result.stepFit {
            #expect(b.lower <= fit.exponent && fit.exponent <= b.upper && b.seeds == 2)
        }
        let unstable = try OnlineExperiment.run(
            alpha: 0, beta: 2, configuration: OnlineExperiment.Configuration(seeds: 1, featureCounts: [8], steps: 5000, stepSize: 8, checkpointsPerDecade: 5), threads: 1)
        #expect(!unstable.divergedRuns.isEmpty)
        #expect(unstable.summaryText().contains("DIVERGED"))
    }

    /// Two seeds with constant curves a and b: the bootstrap median at one point takes a, (a+b)/2, (a+b)/2, b with
    /// equal probability, so its exact bootstrap SE is |b − a|/(2√2); 200 resamples estimate it to ~10%. Identical
    /// seeds give SE 0. The interval is the estimate ± t_{0.975, 1}·SE.
    @Test func seedBootstrapResamplesSeedsTogether() throws {
        func runs(_ values: [Double]) -> [OnlineResult.Run] {
            values.enumerated().flatMap { seed, value in
                [8, 16].map { n in
                    OnlineResult.Run(featureCount: n, seed: UInt64(seed), run: OnlineRun(
                        checkpoints: [OnlineCheckpoint(step: 1000, lossObserved: value * Double(n), lossTail: 0, observedCoordinates: 1)],
                        status: .completed, divergedAtStep: nil, readout: [], schedule: OnlineStepSchedule(initial: 0.25), seconds: 0))
                }
            }
        }
        let statistic = { (curves: [OnlineResult.CurvePoint]) -> Double? in curves.first { $0.featureCount == 8 }?.loss.median }
        let (a, b) = (1.0, 3.0)
        let spread = try #require(OnlineSeedBootstrap(runs: runs([a, b]), checkpoints: [1000], estimate: 8 * (a + b) / 2, statistic: statistic))
        let exact = 8 * abs(b - a) / (2 * 2.0.squareRoot())
        #expect(abs(spread.standardError / exact - 1) < 0.25)
        #expect(abs((spread.upper - spread.estimate) / spread.standardError - 12.706) < 0.01)
        let same = try #require(OnlineSeedBootstrap(runs: runs([a, a, a]), checkpoints: [1000], estimate: 8 * a, statistic: statistic))
        #expect(same.standardError == 0 && same.lower == same.upper)
    }

    /// The joint fit's (a_N, a_t) bootstrap: two seeds whose curves are exact laws 2·N^−a_s + 0.5·t^−0.6 with
    /// a_1 = 1.6, a_2 = 2.4. A resample holds seed 1 twice (prob. 1/4: the fit of its own curve), seed 2 twice (1/4)
    /// or both (1/2: the fit of the mean curve, which is the median of two), so the exact bootstrap SE of each
    /// exponent is the SD of that three-point law (≈ 0.3 for a_N, ≈ 0.002 for a_t, whose fit moves a little with the
    /// mixture; the bootstrap refits to 10⁻⁴); 200 resamples estimate it to ~10% (25% allowed), and both
    /// intervals come from the same resamples. Seeds that agree give SE 0.
    @Test func jointFitBootstrapIsTheLawOfTheResampledFits() throws {
        let ns = [16, 32, 64, 128, 256], steps = [1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000]
        func law(_ a: Double, _ n: Int, _ t: Int) -> Double { 2 * pow(Double(n), -a) + 0.5 * pow(Double(t), -0.6) }
        func runs(_ exponents: [Double]) -> [OnlineResult.Run] {
            exponents.enumerated().flatMap { seed, a in
                ns.map { n in
                    OnlineResult.Run(featureCount: n, seed: UInt64(seed), run: OnlineRun(
                        checkpoints: steps.map { OnlineCheckpoint(step: $0, lossObserved: law(a, n, $0), lossTail: 0, observedCoordinates: 1) },
                        status: .completed, divergedAtStep: nil, readout: [], schedule: OnlineStepSchedule(initial: 0.25), seconds: 0))
                }
            }
        }
        func fit(_ loss: (Int, Int) -> Double) throws -> [Double] {
            let curves = ns.flatMap { n in
                steps.map { OnlineResult.CurvePoint(featureCount: n, step: $0, loss: LossDistribution([loss(n, $0)]), standardError: nil, meanObservedCoordinates: 0) }
            }
            let j = try #require(OnlineResult.jointFit(curves))
            // The bootstrap's refit (a grid window far from the minimum, refined to 10⁻⁴) finds the same fit.
            let windowed = try #require(OnlineResult.jointFit(curves, tolerance: 1e-4, near: (0.5, 1.5)))
            #expect(abs(windowed.modelExponent - j.modelExponent) < 1e-3 && abs(windowed.stepExponent - j.stepExponent) < 1e-3)
            return [j.modelExponent, j.stepExponent]
        }
        let outcomes = [try fit { law(1.6, $0, $1) }, try fit { (law(1.6, $0, $1) + law(2.4, $0, $1)) / 2 }, try fit { law(2.4, $0, $1) }]
        let weights = [0.25, 0.5, 0.25]
        let statistic = { (curves: [OnlineResult.CurvePoint]) -> [Double]? in
            OnlineResult.jointFit(curves, tolerance: 1e-4, near: (outcomes[1][0], outcomes[1][1])).map { [$0.modelExponent, $0.stepExponent] }
        }
        let boot = try #require(OnlineSeedBootstrap.joint(runs: runs([1.6, 2.4]), checkpoints: steps, estimates: outcomes[1], statistic: statistic))
        #expect(boot.count == 2 && boot[0].usable == boot[1].usable && boot[0].seeds == 2)
        for k in 0..<2 {
            let mean = zip(weights, outcomes).reduce(0) { $0 + $1.0 * $1.1[k] }
            let exact = zip(weights, outcomes).reduce(0) { $0 + $1.0 * ($1.1[k] - mean) * ($1.1[k] - mean) }.squareRoot()
            #expect(exact > (k == 0 ? 0.1 : 1e-3), "the three outcomes must differ for the check to bite")
            #expect(abs(boot[k].standardError / exact - 1) < 0.25)
            #expect(abs((boot[k].upper - boot[k].estimate) / boot[k].standardError - 12.706) < 0.01)
        }
        let same = try #require(OnlineSeedBootstrap.joint(runs: runs([2, 2]), checkpoints: steps, estimates: [2, 0.6], statistic: statistic))
        #expect(same.allSatisfy { $0.standardError < 1e-3 })
    }
}
