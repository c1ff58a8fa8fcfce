/// The affine map from an axis's coordinate (value or log₁₀ value) to pixels.
public struct AxisMapping: Sendable, Hashable {
    /// Scale of the axis.
    public var scale: AxisScale
    /// Data range shown (positive on a log axis).
    public var domain: ClosedRange<Double>
    /// Pixel position of `domain.lowerBound`.
    public var pixelStart: Double
    /// Pixel position of `domain.upperBound` (smaller than `pixelStart` for a y axis).
    public var pixelEnd: Double

    /// A mapping of `domain` onto [pixelStart, pixelEnd].
    public init(scale: AxisScale, domain: ClosedRange<Double>, pixelStart: Double, pixelEnd: Double) {
        self.scale = scale
        self.domain = domain
        self.pixelStart = pixelStart
        self.pixelEnd = pixelEnd
    }

    /// Pixel position of `value`, or nil when it is non-finite or not positive on a log axis.
    /// Values outside the domain map outside the pixel range (drawing clips them).
    public func pixel(_ value: Double) -> Double? {
        guard let c = scale.transform(value),
              let lo = scale.transform(domain.lowerBound),
              let hi = scale.transform(domain.upperBound), hi > lo else { return nil }
        let p = pixelStart + (c - lo) / (hi - lo) * (pixelEnd - pixelStart)
        return p.isFinite ? p : nil
    }

    /// Whether `value` lies inside the domain (with a relative tolerance of 1e-9 of the span).
    func contains(_ value: Double) -> Bool {
        guard let c = scale.transform(value), let lo = scale.transform(domain.lowerBound),
              let hi = scale.transform(domain.upperBound) else { return false }
        let eps = 1e-9 * (hi - lo)
        return c >= lo - eps && c <= hi + eps
    }
}
