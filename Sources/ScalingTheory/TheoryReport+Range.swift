import Foundation

extension TheoryReport {
    /// Throws a `ParameterError` naming the size or exponent responsible when a reported number is
    /// not a finite Double (a value beyond ±1.8e308), so that no report ever holds inf or NaN.
    /// Values below the smallest Double are reported as 0 (documented underflow), not refused.
    func checkRange() throws {
        let dText = d.map { "\($0)" } ?? "", nText = n.map { "\($0)" } ?? ""
        let alphaText = "\(alpha)"
        let costs = solverCosts.estimate
        let quantities: [(name: String, value: Double?, parameter: Parameter, parameterValue: String)] = [
            ("E[K(D)]", observedCoordinatesExact, .sampleCount, dText),
            ("Γ(1 − 1/β)·D^(1/β)", observedCoordinatesAsymptotic, .sampleCount, dText),
            ("the model-rich loss Σ λ_i (1 − p_i)^D", modelRichLossExact, .sampleCount, dText),
            ("the model-rich-loss asymptote (1/β)·Γ((α+β)/β)·D^(−(α+β)/β)", modelRichLossAsymptotic, .sampleCount, dText),
            ("the interpolation threshold", interpolationThreshold, .sampleCount, dText),
            ("the total variance Σ λ_i", totalVariance, .alpha, alphaText),
            ("the collapse abscissa N/D^(1/β)", collapseX, .featureCount, nText),
            ("log10 of the condition number min(N, E[K])^(1+α+β)", costs?.log10ConditionNumber, .alpha, alphaText),
            ("log10 of the gradient-descent cost", costs?.log10GradientDescent, .alpha, alphaText),
            ("log10 of the accelerated cost", costs?.log10Accelerated, .alpha, alphaText),
            ("log10 of the direct cost", costs?.log10Direct, .featureCount, nText),
            ("the compute-optimal exponents", computeOptimal.nExponent + computeOptimal.dExponent
                + computeOptimal.lossExponent, .computeA, "\(computeOptimal.computeA)"),
            ("the GD failure exponent (α+β)/(1+α)", gdFailureExponent, .alpha, alphaText),
        ]
        for q in quantities {
            guard let value = q.value, !value.isFinite else { continue }
            let why = value.isNaN ? "it is undefined here" : "it overflows here"
            throw ParameterError.invalid(
                parameter: q.parameter, value: q.parameterValue,
                allowed: "a value at which \(q.name) is within the range of a Double (\(why))")
        }
    }
}
