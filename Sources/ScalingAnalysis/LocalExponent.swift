import Foundation

/// The local decay exponent −Δln L/Δln x between two successive measurements.
public struct LocalExponent: Sendable, Codable, Hashable {
    /// The smaller scale of the pair.
    public var xLower: Double
    /// The larger scale of the pair.
    public var xUpper: Double
    /// −(ln y₂ − ln y₁)/(ln x₂ − ln x₁); nil when either y is not positive (e.g. zero failures).
    public var exponent: Double?
    /// First-order propagated error √((SE₁/y₁)² + (SE₂/y₂)²)/|Δln x|, when both points have one.
    public var standardError: Double?

    /// Local exponents between successive points after sorting by x. Needs ≥ 2 points with
    /// positive finite, distinct x; pairs with a non-positive y get a nil exponent rather than an error.
    public static func between(_ points: [ScalingPoint]) throws(AnalysisError) -> [LocalExponent] {
        guard points.count >= 2 else {
            throw .tooFewPoints(what: "local exponents", count: points.count, required: 2)
        }
        for (i, p) in points.enumerated() {
            guard p.x.isFinite, p.y.isFinite else { throw .nonFiniteValue(what: "local exponents", index: i) }
            guard p.x > 0 else { throw .nonPositiveValue(what: "local exponents x", index: i, value: p.x) }
        }
        let sorted = points.sorted { $0.x < $1.x }
        var result: [LocalExponent] = []
        for (p, q) in zip(sorted, sorted.dropFirst()) {
            let dv = log(q.x) - log(p.x)
            guard dv > 0 else { throw .degenerateAbscissa(what: "local exponents at x = \(p.x)") }
            var exponent: Double? = nil
            var se: Double? = nil
            if p.y > 0 && q.y > 0 {
                exponent = -(log(q.y) - log(p.y)) / dv
                if let s1 = p.standardError, let s2 = q.standardError {
                    let r1 = s1 / p.y, r2 = s2 / q.y
                    se = (r1 * r1 + r2 * r2).squareRoot() / dv
                }
            }
            result.append(LocalExponent(xLower: p.x, xUpper: q.x, exponent: exponent, standardError: se))
        }
        return result
    }
}
