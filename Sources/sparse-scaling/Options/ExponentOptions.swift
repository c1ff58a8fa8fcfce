import ArgumentParser
import SparseScaling

/// `--alpha` and `--beta`, declared once for every command; `Choices` gives a command's defaults, help
/// and accepted values (`ModelExponents`, `ExperimentExponents` or `SpikingExponents`).
struct ExponentOptions<Choices: ExponentChoices>: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp(Choices.alphaHelp),
            transform: NumberArgument.real(expected: Choices.alphaExpected))
    var alpha: Double = Choices.defaultAlpha

    @Option(parsing: .unconditional, help: ArgumentHelp(Choices.betaHelp),
            transform: NumberArgument.real(expected: Choices.betaExpected))
    var beta: Double = Choices.defaultBeta

    mutating func validate() throws {
        try Choices.validate(alpha: alpha, beta: beta)
    }
}
