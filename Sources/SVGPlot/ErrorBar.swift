/// A vertical error bar: the bar spans y − minus … y + plus (data units, both ≥ 0).
public struct ErrorBar: Sendable, Hashable {
    /// Distance below the point.
    public var minus: Double
    /// Distance above the point.
    public var plus: Double

    /// An asymmetric error bar.
    public init(minus: Double, plus: Double) {
        self.minus = minus
        self.plus = plus
    }

    /// A symmetric error bar ± `halfWidth` (e.g. one standard error).
    public static func symmetric(_ halfWidth: Double) -> ErrorBar { ErrorBar(minus: halfWidth, plus: halfWidth) }

    /// An error bar from interval ends around the point value `y`, e.g. a Wilson interval.
    public static func interval(lower: Double, upper: Double, around y: Double) -> ErrorBar {
        ErrorBar(minus: y - lower, plus: upper - y)
    }
}
