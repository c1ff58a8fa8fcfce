import Foundation
import Testing
import ScalingAnalysis

/// ln Q(s, x) against independent closed forms: Q(n, x) = e^(−x) Σ_{k<n} x^k/k! for whole n, and
/// Q(½, x) = erfc(√x); on both sides of the series/continued-fraction switch at x = s + 1.
@Suite("Incomplete gamma")
struct IncompleteGammaTests {
    @Test("whole s: the Poisson sum", arguments: [1, 2, 3, 7])
    func wholeOrder(n: Int) {
        for x in [1e-6, 0.1, 0.9, 2.5, 7.9, 20, 80, 300] {
            var term = 1.0, sum = 0.0
            for k in 0..<n { if k > 0 { term *= x / Double(k) }; sum += term }
            let expected = -x + log(sum)
            #expect(abs(IncompleteGamma.logUpperRegularized(Double(n), x) - expected) <= 1e-12 * max(1, abs(expected)), "n \(n), x \(x)")
        }
    }

    @Test("s = ½: erfc(√x)")
    func half() {
        for x in [1e-8, 0.01, 0.3, 1.4, 1.6, 5, 30] {
            let expected = log(erfc(x.squareRoot()))
            #expect(abs(IncompleteGamma.logUpperRegularized(0.5, x) - expected) <= 1e-12 * max(1, abs(expected)), "x \(x)")
        }
        #expect(IncompleteGamma.logUpperRegularized(0.5, 0) == 0)
        #expect(IncompleteGamma.logUpperRegularized(0.4, 1e4).isFinite)  // far tail: finite in logs
    }
}
