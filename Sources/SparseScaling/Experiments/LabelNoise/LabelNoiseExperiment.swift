import Foundation

/// Label noise y = w*·x + σε (docs/theory.md §7.1), the paper's future work: N-sweeps through the
/// double-descent peak and model-rich D-sweeps at several σ², measured with the exact reduced solver;
/// the ridge that tames the peak. Medians and 10/90% quantiles beside the means, because on the
/// interpolating side a coordinate observed once with small amplitude ξ gets a noise coefficient
/// ∝ σ/ξ, and E[1/χ²₁] = ∞.
package enum LabelNoiseExperiment {
    /// Sizes, noise levels, ridges and seeds.
    package struct Configuration: Sendable, Codable, SeededConfiguration {
        /// Seeds per point.
        package var seeds: Int
        /// The noise variances σ² (0 is the noiseless reference).
        package var labelNoiseVariances: [Double]
        /// N-sweep: the N values at D = `nSweepD`.
        package var nSweepN: [Int]
        package var nSweepD: Int
        /// D-sweep: the D values with N = `modelRichRatio`·D.
        package var dSweepD: [Int]
        package var modelRichRatio: Double
        /// Ridges λ_r > 0 tried at the peak (N ≈ E[K(nSweepD)], D = nSweepD); λ_r = 0 comes from the N-sweep.
        package var ridges: [Double]
        /// The law check (OUR `LabelNoiseLossLaw`): model-rich D-sweeps (N = `modelRichRatio`·D) at these β,
        /// the experiment's α and σ² = `lawNoiseVariance`; nil or empty: none.
        package var lawBetas: [Double]? = nil
        package var lawD: [Int]? = nil
        package var lawNoiseVariance: Double? = nil

        /// The sizes of `profile`.
        package static func preset(_ profile: ExperimentProfile) -> Configuration {
            let ridges = (-8 ... -1).map { pow(10, Double($0)) }
            switch profile {
            case .quick:
                return Configuration(
                    seeds: 16, labelNoiseVariances: [0, 1e-4, 1e-2], nSweepN: geometricSizes(4, 512, perOctave: 2), nSweepD: 1024,
                    dSweepD: (6...12).map { 1 << $0 }, modelRichRatio: 4, ridges: ridges,
                    lawBetas: [1.5, 2, 3], lawD: [256, 1024, 4096], lawNoiseVariance: 1e-2)
            case .paper:
                return Configuration(
                    seeds: 64, labelNoiseVariances: [0, 1e-4, 1e-2], nSweepN: geometricSizes(4, 2048, perOctave: 2), nSweepD: 4096,
                    dSweepD: (6...15).map { 1 << $0 }, modelRichRatio: 4, ridges: ridges,
                    lawBetas: [1.5, 2, 3], lawD: [256, 1024, 4096, 16384], lawNoiseVariance: 1e-2)
            }
        }

        /// Distinct integers from a to b spaced by a factor 2^(1/perOctave).
        static func geometricSizes(_ a: Int, _ b: Int, perOctave: Int) -> [Int] {
            let steps = Int((log2(Double(b) / Double(a)) * Double(perOctave)).rounded())
            return Array(Set((0...steps).map { Int((Double(a) * pow(2, Double($0) / Double(perOctave))).rounded()) })).sorted()
        }
    }

    /// The batches `run` measures, in order: per σ², the N-sweep through the peak, the model-rich
    /// D-sweep and the ridges at the peak N (the N of `nSweepN` closest to E[K(nSweepD)]).
    package static func plan(alpha: Double, beta: Double, configuration c: Configuration) throws -> [PlannedBatch] {
        let parameters = try DataParameters.experiment(alpha: alpha, beta: beta)
        let seeds = (0..<UInt64(c.seeds)).map { $0 }
        let peakN = peakFeatureCount(c, parameters: parameters)
        var batches: [PlannedBatch] = []
        for variance in c.labelNoiseVariances {
            var base = PointSpecification(parameters: parameters, featureCount: 1, sampleCount: 1)
            base.labelNoise = variance.squareRoot()
            let label = "σ² = \(variance)"
            let nPlan = SweepPlan(base: base, featureCounts: c.nSweepN, sampleCounts: [c.nSweepD], seeds: seeds)
            batches.append(PlannedBatch(label: "label noise N-sweep, \(label)", points: nPlan.points))
            let dPlan = SweepPlan(base: base, featureCounts: [], sampleCounts: c.dSweepD, featuresPerSample: c.modelRichRatio, seeds: seeds)
            batches.append(PlannedBatch(label: "label noise D-sweep, \(label)", points: dPlan.points))
            let ridgePoints = c.ridges.map { ridge -> PointSpecification in
                var p = base
                p.featureCount = peakN
                p.sampleCount = c.nSweepD
                p.ridge = ridge
                return p
            }
            batches.append(PlannedBatch(label: "label noise ridge at the peak, \(label)", points: ridgePoints))
        }
        for (beta, points) in try lawPoints(alpha: alpha, configuration: c) {
            batches.append(PlannedBatch(label: "label noise law check, β = \(beta)", points: points))
        }
        return batches
    }

    /// Measures every sweep at α, β through `runner` (resuming from its store; σ = 0 points share the
    /// noiseless keys of the other experiments).
    package static func run(alpha: Double, beta: Double, configuration c: Configuration, runner: MeasurementRunner) throws -> LabelNoiseResult {
        let parameters = try DataParameters.experiment(alpha: alpha, beta: beta)
        let seeds = (0..<UInt64(c.seeds)).map { $0 }
        let sweeps: [LabelNoiseResult.Sweep] = [.n, .d, .ridge]
        var rows: [LabelNoiseResult.Row] = []
        for (index, batch) in try plan(alpha: alpha, beta: beta, configuration: c).enumerated() where index < sweeps.count * c.labelNoiseVariances.count {
            let variance = c.labelNoiseVariances[index / sweeps.count]
            for p in try runner.measure(batch.points, seeds: seeds, label: batch.label) {
                rows.append(LabelNoiseResult.Row(sweep: sweeps[index % sweeps.count], point: p, labelNoiseVariance: variance))
            }
        }
        var law: [LabelNoiseLawComparison] = []
        for (beta, points) in try lawPoints(alpha: alpha, configuration: c) {
            let lawParameters = try DataParameters.experiment(alpha: alpha, beta: beta)
            for p in try runner.measure(points, seeds: seeds, label: "label noise law check, β = \(beta)") {
                law.append(try LabelNoiseLawComparison(
                    parameters: lawParameters, labelNoiseVariance: c.lawNoiseVariance ?? 0, n: p.n, d: p.d, losses: p.losses))
            }
        }
        return LabelNoiseResult(
            alpha: alpha, beta: beta, configuration: c, peakFeatureCount: peakFeatureCount(c, parameters: parameters),
            rows: rows, parameters: parameters, law: law)
    }

    /// The law check's points per β: model-rich (N = ratio·D) at σ² = `lawNoiseVariance`.
    static func lawPoints(alpha: Double, configuration c: Configuration) throws -> [(Double, [PointSpecification])] {
        guard let betas = c.lawBetas, let ds = c.lawD, let variance = c.lawNoiseVariance, !betas.isEmpty, !ds.isEmpty else { return [] }
        return try betas.map { beta in
            var base = PointSpecification(parameters: try DataParameters.experiment(alpha: alpha, beta: beta), featureCount: 1, sampleCount: 1)
            base.labelNoise = variance.squareRoot()
            let plan = SweepPlan(base: base, featureCounts: [], sampleCounts: ds, featuresPerSample: c.modelRichRatio, seeds: (0..<UInt64(c.seeds)).map { $0 })
            return (beta, plan.points)
        }
    }

    /// The N of the N-sweep closest (in log) to E[K(nSweepD)], where the ridges are tried.
    static func peakFeatureCount(_ c: Configuration, parameters: DataParameters) -> Int {
        let peak = parameters.expectedPeak(sampleCount: c.nSweepD)
        return c.nSweepN.min { abs(log(Double($0) / peak)) < abs(log(Double($1) / peak)) }!
    }
}

extension LabelNoiseExperiment: StoredExperiment {}

extension DataParameters {
    /// E[K(D)], the expected number of observed coordinates, where the double-descent peak sits.
    func expectedPeak(sampleCount d: Int) -> Double { expectedObservedCoordinates(sampleCount: Double(d)) }
}
