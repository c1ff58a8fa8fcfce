import ArgumentParser
import SparseScaling

/// A command's defaults, help and accepted values of `--alpha` and `--beta`. The defaults of the
/// requirements are the model's: α = 0, β = 2, any finite α + β > 0 with β ≥ 0.
protocol ExponentChoices {
    /// α when `--alpha` is not given.
    static var defaultAlpha: Double { get }
    /// β when `--beta` is not given.
    static var defaultBeta: Double { get }
    /// The help of `--alpha`.
    static var alphaHelp: String { get }
    /// The help of `--beta`.
    static var betaHelp: String { get }
    /// The values `--alpha` accepts, as an error names them.
    static var alphaExpected: String { get }
    /// The values `--beta` accepts, as an error names them.
    static var betaExpected: String { get }
    /// Refuses exponents as soon as they are parsed (by default none: the command checks them with its other flags).
    static func validate(alpha: Double, beta: Double) throws
}

extension ExponentChoices {
    static var defaultAlpha: Double { 0 }
    static var defaultBeta: Double { 2 }
    static var alphaHelp: String {
        "Amplitude exponent α (active coordinate i has variance i^-(1+α)); any finite number with α + β > 0. Default 0."
    }
    static var betaHelp: String { "Activation exponent β ≥ 0 (coordinate i is active with probability i^-β). Default 2." }
    static var alphaExpected: String { "a finite number with α + β > 0" }
    static var betaExpected: String { "a finite number ≥ 0" }
    static func validate(alpha: Double, beta: Double) throws {}
}

/// The model's exponents, checked by the command together with its other flags (`point`, `sweep`,
/// `export`, `theory`).
enum ModelExponents: ExponentChoices {}

/// The model's exponents, checked as soon as they are parsed (the paper's experiments and `reproduce`).
enum ExperimentExponents: ExponentChoices {
    static func validate(alpha: Double, beta: Double) throws {
        do { _ = try DataParameters(alpha: alpha, beta: beta, inputDimension: .finite(1)) } catch let error as ParameterError {
            throw error.usageError
        }
    }
}

/// Exponents with which gradient descent can spike: α < −1 and β > 1 (`gd-failure`).
enum SpikingExponents: ExponentChoices {
    static var defaultAlpha: Double { -1.5 }
    static var alphaHelp: String { "Amplitude exponent α; spikes need α < −1. Default −1.5." }
    static var betaHelp: String { "Activation exponent β > 1 (M = ∞). Default 2." }
    static var alphaExpected: String { "a finite number < −1" }
    static var betaExpected: String { "a finite number > 1" }
    /// α < −1 as `reproduce --gd-alpha` requires (accepted before, α = −1 printed a predicted slope of inf), and a
    /// β whose predicted slope (α + β)/(1 + α) is finite (β = 1e308 printed −inf).
    static func validate(alpha: Double, beta: Double) throws {
        guard alpha < -1 else {
            throw ValidationError("invalid value '\(alpha)' for --alpha: expected a finite number < −1 (GD spikes, and the predicted slope (α + β)/(1 + α), need it)")
        }
        guard ((alpha + beta) / (1 + alpha)).isFinite else {
            throw ValidationError("invalid value '\(beta)' for --beta: expected a β with a finite predicted slope (α + β)/(1 + α) (here α = \(alpha))")
        }
    }
}

/// Exponents of `calibrate-coverage`: 1 < β ≤ 4 (the two-exponent regime the mapping β = a/b describes, M = ∞) and
/// α + β > 0, checked as soon as they are parsed.
enum CoverageExponents: ExponentChoices {
    static var alphaHelp: String { "Amplitude exponent α of the simulated tables, with α + β > 0. Default 0." }
    static var betaHelp: String { "Activation exponent β of the simulated tables (M = ∞), 1 < β ≤ 4. Default 2." }
    static var alphaExpected: String { "a finite number with α + β > 0" }
    static var betaExpected: String { "a finite number with 1 < β ≤ 4" }
    /// The largest β: the data-rich sweep needs E[K(D)] ≥ 512, so D ≈ 512^β (7e10 at β = 4, 512× more per unit
    /// of β; at β ≈ 8 the doubling search for D overflowed Int and trapped).
    static let largestBeta = 4.0
    static func validate(alpha: Double, beta: Double) throws {
        guard beta > 1 else { throw ValidationError("invalid value '\(beta)' for --beta: expected a finite number > 1 (the mapping β = a/b holds for β > 1)") }
        guard beta <= largestBeta else {
            throw ValidationError("invalid value '\(beta)' for --beta: expected 1 < β ≤ 4 (the simulated design's data-rich D grows like 512^β)")
        }
        guard alpha + beta > 0 else { throw ValidationError("invalid value '\(alpha)' for --alpha: expected a finite number with α + β > 0") }
    }
}
