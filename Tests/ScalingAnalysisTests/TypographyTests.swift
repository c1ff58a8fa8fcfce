import Testing
@testable import ScalingAnalysis

/// Minus signs and plurals in text meant for reading: every sign of a number becomes U+2212, and
/// nothing else that contains a hyphen (words, flags, ranges, ids) changes.
@Suite struct TypographyTests {
    @Test("the sign of a number becomes U+2212: after a space, a bracket, =, ^ or at the start; exponents too")
    func signsOfNumbers() {
        #expect(Typography.minusSigns("α = -1.5") == "α = \u{2212}1.5")
        #expect(Typography.minusSigns("-2 at the start, [-0.029, 0.013], (-0.3, 2.5, 2048)")
                == "\u{2212}2 at the start, [\u{2212}0.029, 0.013], (\u{2212}0.3, 2.5, 2048)")
        #expect(Typography.minusSigns("C^-0.5, z = -.5, 2.35e-05, 1E-3, -inf, -∞")
                == "C^\u{2212}0.5, z = \u{2212}.5, 2.35e\u{2212}05, 1E\u{2212}3, \u{2212}inf, \u{2212}∞")
        #expect(Typography.minusSigns("p_i = min(1, i^-β)") == "p_i = min(1, i^\u{2212}β)", "after ^ the hyphen is an exponent's sign")
    }

    @Test("hyphens that are not signs stay: words, flags, ranges, ids, paths, subtraction with spaces")
    func hyphensThatStay() {
        for text in ["one-pass SGD", "--gd-alpha 2", "10-90%", "ours.loss_curve.a-0.3", "x-1", "figures/relu-2.svg",
                     "N - 1", "log10-scale", "a_-1"] {
            #expect(Typography.minusSigns(text) == text, "\(text)")
        }
        // Idempotent: a text already typeset is left alone.
        #expect(Typography.minusSigns("\u{2212}1.5") == "\u{2212}1.5")
    }

    @Test("one takes the singular; zero and many the plural")
    func plurals() {
        #expect(Typography.counted(1, "point") == "1 point")
        #expect(Typography.counted(2, "point") == "2 points")
        #expect(Typography.counted(0, "seed") == "0 seeds")
        #expect(Typography.counted(1, "dataset", "data sets") == "1 dataset")
        #expect(Typography.counted(3, "dataset", "data sets") == "3 data sets")
    }
}
