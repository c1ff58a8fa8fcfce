import Foundation

/// The precision a verdict row must reach to decide, derived from what its claim must resolve and
/// printed with that source (docs/theory.md §9). Every derivation is one sentence here.
///
/// The principle: a claim is tested against the nearest competing prediction. A 95% CI whose
/// half-width is at most half the distance between the two cannot hold both, so the measurement can
/// tell them apart; a wider CI is inconclusive. A finite-size claim competes with the prediction
/// without that finite-size effect; an asymmetric exponent with the symmetric one.
public enum Precision {
    /// A competing prediction: its value and what it is.
    public struct Alternative: Sendable, Hashable {
        /// What the alternative is, e.g. "symmetric scaling α_D = α + β".
        public let name: String
        /// Its value, in the row's units.
        public let value: Double

        /// An alternative from its name and value.
        public init(_ name: String, _ value: Double) {
            self.name = name
            self.value = value
        }
    }

    /// Half the distance from `predicted` to the nearest finite alternative; without one, 0 (`undetermined`:
    /// no CI can decide).
    public static func resolving(_ predicted: Double, from alternatives: [Alternative]) -> SourcedValue {
        let finite = alternatives.filter { $0.value.isFinite && predicted.isFinite }
        guard let nearest = finite.min(by: { abs($0.value - predicted) < abs($1.value - predicted) }) else {
            return undetermined("no competing prediction could be evaluated")
        }
        let half = abs(nearest.value - predicted) / 2
        return SourcedValue(half, source: "half the distance from the prediction \(format(predicted)) to \(nearest.name) = \(format(nearest.value)): "
                            + "a 95% CI this narrow cannot hold both")
    }

    /// Precision 0 with its reason: the row has nothing to resolve, so every CI is too wide (inconclusive).
    public static func undetermined(_ reason: String) -> SourcedValue {
        SourcedValue(0, source: "\(reason): the row cannot decide")
    }

    /// An exponent's precision: half its distance to the competing exponent (the symmetric-scaling value
    /// for α_N and α_D, the asymptote for a finite-size prediction).
    public static func exponent(_ predicted: Double, alternatives: [Alternative]) -> SourcedValue {
        resolving(predicted, from: alternatives)
    }

    /// The competing exponent of a data-size exponent α_D = (α + β)/β (sparse, β > 1): symmetric scaling α_D = α_N = α + β.
    public static func symmetricDataExponent(alpha: Double, beta: Double) -> Alternative {
        Alternative("symmetric scaling α_D = α_N = α + β", alpha + beta)
    }

    /// The competing exponent of α_N = α + β: symmetric scaling with the sparse data exponent, α_N = α_D = (α + β)/β.
    public static func symmetricModelExponent(alpha: Double, beta: Double) -> Alternative {
        Alternative("symmetric scaling α_N = α_D = (α + β)/β", (alpha + beta) / beta)
    }

    /// The precision of a grid-located value (a peak x): half the distance to the nearest alternative,
    /// with a note when the grid's own half step, × `gridStep`^(±½) around the prediction, is wider (the
    /// row can then never decide).
    public static func gridLocation(_ predicted: Double, alternatives: [Alternative], gridStep: Double) -> SourcedValue {
        let base = resolving(predicted, from: alternatives)
        let gridHalfWidth = predicted * (gridStep.squareRoot() - 1 / gridStep.squareRoot()) / 2
        guard gridHalfWidth > base.value else { return base }
        return SourcedValue(base.value, source: base.source + "; the grid (× \(String(format: "%.3f", gridStep)) per step, half-width "
                            + "\(format(gridHalfWidth)) at the prediction) cannot resolve it")
    }

    /// A curve's relative precision: half the median relative difference |alternative/predicted − 1|
    /// over its points, where `alternative` is the competing prediction at the same points (`name`).
    /// `undetermined` without a finite pair.
    public static func curve(predicted: [Double], alternative: [Double], name: String) -> SourcedValue {
        let relative = zip(predicted, alternative).compactMap { p, a -> Double? in
            guard p.isFinite, a.isFinite, p > 0 else { return nil }
            return abs(a / p - 1)
        }.sorted()
        guard !relative.isEmpty else { return undetermined("\(name) could not be evaluated at the row's points") }
        let n = relative.count
        let median = n % 2 == 1 ? relative[n / 2] : (relative[n / 2 - 1] + relative[n / 2]) / 2
        return SourcedValue(median / 2, source: "half the median relative difference (\(String(format: "%.2g%%", 100 * median))) between the prediction and \(name) "
                            + "over the row's points: a median 95% half-width this narrow tells them apart")
    }

    /// A number in a source text, to four significant digits.
    static func format(_ x: Double) -> String { String(format: "%.4g", x) }
}
