import ArgumentParser
import SparseScaling

/// `--alpha` and `--beta` of the paper's experiments and of `reproduce`.
struct ExponentOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Amplitude exponent α (finite, α + β > 0). Default 0.",
            transform: NumberArgument.real(expected: "a finite number with α + β > 0"))
    var alpha: Double = 0

    @Option(parsing: .unconditional, help: "Activation exponent β ≥ 0. Default 2.",
            transform: NumberArgument.real(expected: "a finite number ≥ 0"))
    var beta: Double = 2

    mutating func validate() throws {
        do { _ = try DataParameters(alpha: alpha, beta: beta, inputDimension: .finite(1)) } catch let error as ParameterError {
            throw error.usageError
        }
    }
}
