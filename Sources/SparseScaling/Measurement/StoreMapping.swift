import Foundation
import ResultsStore

/// Translation between a point's specification/outcome and the results store's plain records.
extension PointSpecification {
    /// The store configuration of this point (everything but the seed). The sampler enters `extra` only
    /// when it is not the per-sample one, so per-sample points keep the keys they always had.
    public var storeConfiguration: PointConfiguration {
        var extra: [String: Double] = [:]
        if solver.isIterative {
            if let eta = optimization.stepSize { extra["eta"] = eta }
            extra["gradient_tolerance"] = optimization.gradientTolerance
            extra["max_iterations"] = Double(optimization.maxIterations)
            if solver == .sgd { extra["batch_size"] = Double(optimization.batchSize) }
        }
        if features == .relu { extra["test_samples"] = Double(optimization.testSamples) }
        if solver == .online {
            extra["eta"] = optimization.stepSize ?? OnlineGradientDescent.defaultStepSize
            if let decay = optimization.stepDecay { extra["eta_decay"] = decay }
        }
        // Label noise enters the key only when present, so every noiseless key stays what it was.
        if labelNoise != 0 { extra["noise"] = labelNoise }
        // Only a non-default estimator enters the key, so that existing keys stay byte-identical.
        if estimator == .conditional { extra["estimator_conditional"] = 1 }
        if sampler != .perSample { extra["sampler"] = sampler.storeNumber }
        return PointConfiguration(
            alpha: parameters.alpha, beta: parameters.beta, m: parameters.inputDimension.finiteValue,
            n: featureCount, d: sampleCount, data: data, features: features, solver: solver, ridge: ridge,
            tail: tail, tolerance: tolerance,
            extra: extra.isEmpty ? "" : PointConfiguration.canonicalExtra(extra))
    }

    /// The same point with another seed.
    public func withSeed(_ seed: UInt64) -> PointSpecification {
        var copy = self
        copy.seed = seed
        return copy
    }
}

extension PointOutcome {
    /// The store record of this outcome.
    public var storeResult: PointResult {
        PointResult(
            loss: loss, lossObserved: lossObserved, lossTail: lossTail, lossStandardError: lossStandardError,
            observedCoordinates: observedCoordinates, rank: rank, seconds: seconds,
            extras: resultExtras,
            iterations: convergence?.iterations, converged: convergence?.converged,
            relativeGradientNorm: convergence?.relativeGradientNorm)
    }

    /// The outcome's extra numbers: which estimator produced the loss (when the conditional one was
    /// asked for), and with label noise the test loss and σ²; empty for a noiseless one-draw outcome.
    var resultExtras: [String: Double] {
        var extras: [String: Double] = [:]
        if let estimator { extras["conditional_estimate"] = estimator == .conditional ? 1 : 0 }
        if labelNoiseVariance != 0 {
            extras["test_loss"] = testLoss
            extras["noise_variance"] = labelNoiseVariance
        }
        return extras
    }
}
