import Foundation

/// Plain-text math as the CLI prints it (`D^(1/β)`, `α_N`, `λ_max`, `(1 − p_i)^D`) rewritten in the
/// report's brace notation (`D^{1/β}`, `α_{N}`, …), so the HTML typesets it as the figures do.
enum PlainNotation {
    /// `text` with `^(…)` (one nested pair allowed), `^x` and a single letter's `_x` in braces; text
    /// already in braces, and identifiers such as `loss_mean`, are left alone.
    static func braced(_ text: String) -> String {
        var s = text
        s = s.replacing(/\^\(((?:[^()]|\([^()]*\))*)\)/) { "^{\($0.output.1)}" }
        s = s.replacing(/\^(−?[A-Za-z0-9α-ωΑ-Ω._]+)/) { "^{\($0.output.1)}" }
        s = s.replacing(/(^|[^A-Za-zα-ωΑ-Ω_])([A-Za-zα-ωΑ-Ω])_([A-Za-z0-9]+)/) { "\($0.output.1)\($0.output.2)_{\($0.output.3)}" }
        return s
    }
}
