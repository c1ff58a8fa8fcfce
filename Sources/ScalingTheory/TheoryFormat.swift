import Foundation

/// Number formatting shared by the plain-text renderings (internal).
enum TheoryFormat {
    /// Up to 10 significant digits, "—" for nil.
    static func number(_ x: Double?) -> String {
        guard let x else { return "—" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return String(format: "%.10g", x)
    }
}
