import ScalingTheory

extension AdditiveLaw {
    /// Every `CalibratedQuantity` of this law, with the compute-optimal point at `compute`.
    /// a = α + β and b = (α + β)/β give β = a/b and α = a − a/b (docs/theory.md §4, β > 1).
    public func quantities(atCompute compute: Double) -> [CalibratedQuantity: Double] {
        let a = modelExponent, b = dataExponent
        let optimum = ComputeOptimalAllocation(law: self, compute: compute)
        return [
            .irreducible: irreducible, .modelCoefficient: modelCoefficient, .dataCoefficient: dataCoefficient,
            .modelExponent: a, .dataExponent: b, .alpha: a - a / b, .beta: a / b,
            .computeOptimalModelExponent: b / (a + b), .computeOptimalDataExponent: a / (a + b),
            .optimalFeatureCount: optimum.featureCount, .optimalSampleCount: optimum.sampleCount,
            .tokensPerParameter: optimum.tokensPerParameter, .optimalLoss: optimum.loss,
            .peakFeatureCount: Self.peakFeatureCount(beta: a / b, sampleCount: optimum.sampleCount),
        ]
    }

    /// The sparse-feature model's interpolation threshold N ≈ E[K(D)] = Σ_i [1 − (1 − i^−β)^D] (docs/theory.md §4, M = ∞),
    /// where its ridgeless loss peaks; +∞ for β ≤ 1 (every sample activates infinitely many coordinates), NaN
    /// when D is not a finite number > 0.
    static func peakFeatureCount(beta: Double, sampleCount d: Double) -> Double {
        guard d.isFinite, d > 0, beta.isFinite else { return .nan }
        guard beta > 1, let parameters = try? DataParameters(alpha: 0, beta: beta) else { return .infinity }
        return parameters.expectedObservedCoordinates(sampleCount: d)
    }
}
