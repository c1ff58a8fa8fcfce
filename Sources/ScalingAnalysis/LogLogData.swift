import Foundation

/// Validated points of one series in log–log coordinates v = ln x, u = ln y with weights w,
/// plus the weighted centred sums that least squares needs.
struct LogLogData: Sendable {
    var v: [Double]
    var u: [Double]
    var w: [Double]
    /// Weighted means of v and u.
    var vMean: Double
    var uMean: Double
    /// Σ w (v − v̄)², Σ w (v − v̄)(u − ū), Σ w (u − ū)².
    var svv: Double
    var svu: Double
    var suu: Double
    /// Smallest and largest x used.
    var xRange: ClosedRange<Double>

    /// Validates `points` (positive finite x and y; positive SE when weighted), keeps the `tail`
    /// points of largest x (all if nil) and forms the centred sums. `what` names the series in errors.
    init(points: [ScalingPoint], tail: Int?, weighting: FitWeighting, minimumCount: Int,
         what: String) throws(AnalysisError) {
        for (i, p) in points.enumerated() {
            guard p.x.isFinite, p.y.isFinite else { throw .nonFiniteValue(what: what, index: i) }
            guard p.x > 0 else { throw .nonPositiveValue(what: "\(what) x", index: i, value: p.x) }
            guard p.y > 0 else { throw .nonPositiveValue(what: "\(what) y", index: i, value: p.y) }
            if weighting == .inverseVariance {
                guard let se = p.standardError, se > 0, se.isFinite else {
                    throw .missingStandardError(index: i)
                }
            }
        }
        if let tail, tail < minimumCount {
            throw .invalidParameter(name: "tail", value: Double(tail),
                                    allowed: "at least \(minimumCount) points")
        }
        var used = points.sorted { $0.x < $1.x }
        if let tail, tail < used.count { used = Array(used.suffix(tail)) }
        guard used.count >= minimumCount else {
            throw .tooFewPoints(what: what, count: used.count, required: minimumCount)
        }
        v = used.map { log($0.x) }
        u = used.map { log($0.y) }
        switch weighting {
        case .unweighted:
            w = Array(repeating: 1, count: used.count)
        case .inverseVariance:
            w = used.map { ($0.y / $0.standardError!) * ($0.y / $0.standardError!) }
        }
        let wSum = w.reduce(0, +)
        var vm = 0.0, um = 0.0
        for i in v.indices { vm += w[i] * v[i]; um += w[i] * u[i] }
        vm /= wSum
        um /= wSum
        var svv = 0.0, svu = 0.0, suu = 0.0
        for i in v.indices {
            let dv = v[i] - vm, du = u[i] - um
            svv += w[i] * dv * dv
            svu += w[i] * dv * du
            suu += w[i] * du * du
        }
        guard svv > 0 else { throw .degenerateAbscissa(what: what) }
        vMean = vm
        uMean = um
        self.svv = svv
        self.svu = svu
        self.suu = suu
        xRange = used.first!.x...used.last!.x
    }

    var count: Int { v.count }

    /// Weighted residual sum of squares of u ≈ intercept + slope·v.
    func residualSumOfSquares(slope: Double, intercept: Double) -> Double {
        var rss = 0.0
        for i in v.indices {
            let r = u[i] - intercept - slope * v[i]
            rss += w[i] * r * r
        }
        return rss
    }
}
