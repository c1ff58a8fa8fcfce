import Foundation
import ResultsStore

/// Translation between a point's specification/outcome and the results store's plain records.
extension PointSpecification {
    /// The store configuration of this point (everything but the seed).
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
        if noise != 0 { extra["noise"] = noise }
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
            extras: noiseVariance == 0 ? [:] : ["test_loss": testLoss, "noise_variance": noiseVariance])
    }
}
