import Foundation

/// Where a point (N, D) lies relative to the interpolation threshold and to D (docs/theory.md §4).
public enum Regime: String, Hashable, Sendable, Codable, CaseIterable {
    /// N < min(E[K(D)], D): fewer features than the rank of the data.
    case underparameterized
    /// min(E[K(D)], D) ≤ N < D: past the interpolation peak but fewer features than samples.
    case intermediate
    /// N ≥ D: at least as many features as samples.
    case heavilyOverparameterized = "heavily_overparameterized"
}

/// The scaling-collapse coordinates x = N/D^(1/β), y = L·D^(α_D) (docs/theory.md §4).
public struct CollapseCoordinates: Hashable, Sendable, Codable {
    /// x = N/D^(1/β).
    public let x: Double
    /// y = L·D^(α_D).
    public let y: Double
}

extension DataParameters {
    /// The interpolation threshold (double-descent peak) N ≈ min(E[K(D)], D): the expected number
    /// of observed coordinates, capped at D because the data's rank cannot exceed the sample count.
    public func interpolationThreshold(sampleCount d: Double) -> Double {
        min(expectedObservedCoordinates(sampleCount: d), d)
    }

    /// The regime of (N, D): underparameterized N < threshold, intermediate threshold ≤ N < D,
    /// heavily overparameterized N ≥ D, with threshold = `interpolationThreshold(sampleCount:)`.
    public func regime(featureCount n: Double, sampleCount d: Double) -> Regime {
        if n >= d { return .heavilyOverparameterized }
        if n < interpolationThreshold(sampleCount: d) { return .underparameterized }
        return .intermediate
    }

    /// The collapse coordinates of a loss L measured at (N, D): curves for different D coincide.
    public func collapseCoordinates(featureCount n: Double, sampleCount d: Double, loss: Double) -> CollapseCoordinates {
        CollapseCoordinates(x: n / pow(d, 1 / beta), y: loss * pow(d, exponents.alphaD))
    }
}
