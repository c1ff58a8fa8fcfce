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
        ]
    }
}
