import Foundation

/// `x` with four significant digits, as C's `%.4g` prints it (e.g. 0.0001235, 1.235e+06): the
/// precision of every number in the experiments' summaries, figure titles and report tables.
func fourSignificantDigits(_ x: Double) -> String { String(format: "%.4g", x) }
