import Foundation
import ScalingAnalysis

/// A fit of L(x) = c·x^(−γ) + f (a power law on top of a floor f ≥ 0) by profiling the floor: for
/// each candidate f below the smallest loss, an ordinary log–log power-law fit of L − f; the f with
/// the least residual sum of squares wins. γ's standard error is that of the power-law fit at the
/// chosen floor (conditional on f, so it understates the joint uncertainty).
package struct NoiseFloorFit: Sendable, Codable, Hashable {
    /// The fitted floor f.
    package var floor: Double
    /// The power law fitted to L − f.
    package var powerLaw: PowerLawFit

    /// Fits (x, L) pairs (≥ 4 points, positive and finite).
    package init?(x: [Double], loss: [Double]) {
        guard x.count >= 4, x.count == loss.count, let smallest = loss.min(), smallest > 0 else { return nil }
        // Floors from 0 up to 0.999 of the smallest loss, geometric above 1e-6 of it; then a golden-section
        // refinement between the best candidate's neighbours.
        let candidates = [0.0] + (0...300).map { smallest * 0.999 * pow(1e-6, 1 - Double($0) / 300) }
        func rss(_ f: Double) -> Double { (try? PowerLawFit(x: x, y: loss.map { $0 - f }))?.residualSumOfSquares ?? .infinity }
        let scores = candidates.map(rss)
        guard let j = scores.indices.min(by: { scores[$0] < scores[$1] }), scores[j].isFinite else { return nil }
        var lo = candidates[max(0, j - 1)], hi = candidates[min(candidates.count - 1, j + 1)]
        let ratio = (5.0.squareRoot() - 1) / 2
        for _ in 0..<80 {
            let a = hi - ratio * (hi - lo), b = lo + ratio * (hi - lo)
            if rss(a) < rss(b) { hi = b } else { lo = a }
        }
        let refined = (lo + hi) / 2
        let f = rss(refined) < scores[j] ? refined : candidates[j]
        guard let fit = try? PowerLawFit(x: x, y: loss.map { $0 - f }) else { return nil }
        let best = (f, fit)
        floor = best.0
        powerLaw = best.1
    }

    /// c·x^(−γ) + f.
    package func predicted(at x: Double) -> Double { powerLaw.predicted(at: x) + floor }
}
