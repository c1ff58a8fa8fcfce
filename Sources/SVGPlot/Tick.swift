import Foundation

/// A tick label: `base` text optionally followed by a superscript (e.g. "10" with "3" for 10³).
public struct TickLabel: Sendable, Hashable {
    /// Main text, e.g. "10", "2×10" or "0.5".
    public var base: String
    /// Superscript exponent, e.g. "3" or "−2"; nil for a plain number.
    public var superscript: String?

    /// A label from its text and optional superscript.
    public init(base: String, superscript: String? = nil) {
        self.base = base
        self.superscript = superscript
    }

    /// The label as plain text, e.g. "10^3" (for tests and width estimates).
    public var plainText: String { superscript.map { "\(base)^\($0)" } ?? base }
}

/// A tick mark on an axis: major ticks are longer and usually labelled.
public struct Tick: Sendable, Hashable {
    /// Data value at the tick.
    public var value: Double
    /// Whether it is a major tick (decade or nice step).
    public var isMajor: Bool
    /// Label, nil for an unlabelled tick.
    public var label: TickLabel?

    /// A tick at `value`.
    public init(value: Double, isMajor: Bool, label: TickLabel?) {
        self.value = value
        self.isMajor = isMajor
        self.label = label
    }

    /// Ticks for `domain` on `scale`: decades with minor ticks at 2…9 on a log axis (labelled
    /// minors when fewer than two decades are visible), steps of 1, 2 or 5 × 10^k on a linear axis.
    public static func ticks(scale: AxisScale, domain: ClosedRange<Double>, target: Int = 6) -> [Tick] {
        switch scale {
        case .linear: return linearTicks(domain: domain, target: target)
        case .log10: return logTicks(domain: domain)
        }
    }

    static func linearTicks(domain: ClosedRange<Double>, target: Int) -> [Tick] {
        let lo = domain.lowerBound, hi = domain.upperBound
        guard hi > lo, lo.isFinite, hi.isFinite else { return [] }
        let step = niceStep((hi - lo) / Double(max(target - 1, 1)))
        let first = (lo / step - 1e-9).rounded(.up)
        let last = (hi / step + 1e-9).rounded(.down)
        guard last >= first, last - first < 1000 else { return [] }
        let decimals = max(0, Int(-floor(log10(step) + 1e-9)))
        let largest = max(abs(lo), abs(hi))
        let scientific = largest >= 1e5 || largest < 1e-3
        return stride(from: first, through: last, by: 1).map { k in
            let v = k * step
            let label = scientific ? scientificLabel(v, step: step) : TickLabel(base: fixed(v, decimals: decimals))
            return Tick(value: v, isMajor: true, label: label)
        }
    }

    /// The smallest of 1, 2, 5 (× 10^k) at least `raw`-ish: 1 below 1.5, 2 below 3, 5 below 7, else 10.
    static func niceStep(_ raw: Double) -> Double {
        let magnitude = pow(10, floor(log10(raw)))
        let normalized = raw / magnitude
        let nice: Double = normalized < 1.5 ? 1 : normalized < 3 ? 2 : normalized < 7 ? 5 : 10
        return nice * magnitude
    }

    static func logTicks(domain: ClosedRange<Double>) -> [Tick] {
        guard domain.lowerBound > 0, domain.upperBound > domain.lowerBound,
              domain.upperBound.isFinite else { return [] }
        let lo = log10(domain.lowerBound), hi = log10(domain.upperBound)
        let eps = 1e-9 * max(1, hi - lo)
        let kMin = Int((lo - eps).rounded(.up)), kMax = Int((hi + eps).rounded(.down))
        let decades = kMax - kMin + 1
        // With many decades, label every `stride`-th one and drop the minor ticks.
        let labelStride = decades > 8 ? Int((Double(decades) / 6).rounded(.up)) : 1
        let showMinor = decades <= 8
        let labelMinor = decades < 2
        var ticks: [Tick] = []
        for k in (Int(floor(lo)) - 1)...(Int(ceil(hi)) + 1) {
            let decade = pow(10, Double(k))
            if k >= kMin && k <= kMax {
                let label = k % labelStride == 0 ? TickLabel(base: "10", superscript: minusSign(k)) : nil
                ticks.append(Tick(value: decade, isMajor: true, label: label))
            }
            guard showMinor else { continue }
            for m in 2...9 {
                let v = Double(m) * decade
                let c = log10(v)
                guard c >= lo - eps && c <= hi + eps else { continue }
                var label: TickLabel? = nil
                if labelMinor && (decades == 1 ? [2, 5].contains(m) : true) {
                    label = TickLabel(base: "\(m)×10", superscript: minusSign(k))
                }
                ticks.append(Tick(value: v, isMajor: false, label: label))
            }
        }
        return ticks
    }

    /// A fixed-point label with a true minus sign and no "−0".
    static func fixed(_ v: Double, decimals: Int) -> String {
        var s = String(format: "%.\(decimals)f", v)
        if Double(s) == 0 { s = String(format: "%.\(decimals)f", 0.0) }
        return s.replacingOccurrences(of: "-", with: "−")
    }

    static func scientificLabel(_ v: Double, step: Double) -> TickLabel {
        if v == 0 || abs(v) < step * 1e-9 { return TickLabel(base: "0") }
        let e = Int(floor(log10(abs(v)) + 1e-12))
        let mantissa = v / pow(10, Double(e))
        let digits = max(0, min(6, e - Int(floor(log10(step) + 1e-9))))
        var m = String(format: "%.\(digits)f", mantissa)
        if m.contains(".") {
            while m.hasSuffix("0") { m.removeLast() }
            if m.hasSuffix(".") { m.removeLast() }
        }
        m = m.replacingOccurrences(of: "-", with: "−")
        return TickLabel(base: m == "1" ? "10" : m == "−1" ? "−10" : "\(m)×10", superscript: minusSign(e))
    }

    static func minusSign(_ k: Int) -> String { k < 0 ? "−\(-k)" : "\(k)" }
}
