import Foundation

/// The JSON object describing one measured point (a point's JSON output, an export's summary.json).
package struct PointSummary: Encodable, Sendable {
    /// The point's specification.
    package let specification: PointSpecification
    /// Its outcome.
    package let outcome: PointOutcome
    /// The version of the tool that measured it.
    package let toolVersion: String

    /// A summary of `outcome` for `specification`.
    package init(specification: PointSpecification, outcome: PointOutcome, toolVersion: String = SparseScalingVersion.current) {
        self.specification = specification
        self.outcome = outcome
        self.toolVersion = toolVersion
    }

    private enum Keys: String, CodingKey {
        case alpha, beta, n, d, m, seed, data, features, solver, ridge, tail, tolerance
        case loss, lossObserved = "loss_observed", lossTail = "loss_tail"
        case observedCoordinates = "observed_coordinates", rank, seconds, version
        case lossStandardError = "loss_standard_error"
        case iterations, converged, relativeGradientNorm = "relative_gradient_norm"
        case estimator, estimatorUsed = "estimator_used"
        case sampler
        case noise, testLoss = "test_loss"
        case diverged
        case indexCapEntriesBeyond = "index_cap_entries_beyond", indexCapVarianceFraction = "index_cap_variance_fraction"
    }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        let s = specification
        try c.encode(s.parameters.alpha, forKey: .alpha)
        try c.encode(s.parameters.beta, forKey: .beta)
        try c.encode(s.featureCount, forKey: .n)
        try c.encode(s.sampleCount, forKey: .d)
        try c.encode(s.parameters.inputDimension.finiteValue, forKey: .m)
        try c.encode(s.seed, forKey: .seed)
        try c.encode(s.data.rawValue, forKey: .data)
        try c.encode(s.features.rawValue, forKey: .features)
        try c.encode(s.solver.rawValue, forKey: .solver)
        try c.encode(s.ridge, forKey: .ridge)
        try c.encode(s.tail.rawValue, forKey: .tail)
        try c.encode(s.tolerance, forKey: .tolerance)
        try c.encode(s.sampler.rawValue, forKey: .sampler)
        try c.encode(outcome.loss, forKey: .loss)
        try c.encode(outcome.lossObserved, forKey: .lossObserved)
        try c.encode(outcome.lossTail, forKey: .lossTail)
        try c.encode(outcome.lossStandardError, forKey: .lossStandardError)
        try c.encode(s.noise, forKey: .noise)
        try c.encode(outcome.testLoss, forKey: .testLoss)
        try c.encode(outcome.observedCoordinates, forKey: .observedCoordinates)
        try c.encode(outcome.rank, forKey: .rank)
        try c.encode(outcome.seconds, forKey: .seconds)
        try c.encode(toolVersion, forKey: .version)
        // Iterative solvers only: how the run ended.
        try c.encodeIfPresent(outcome.convergence?.iterations, forKey: .iterations)
        try c.encodeIfPresent(outcome.convergence?.converged, forKey: .converged)
        try c.encodeIfPresent(outcome.convergence?.relativeGradientNorm, forKey: .relativeGradientNorm)
        // One-pass SGD: a diverged run is an error, so a summarized one did not diverge.
        if s.solver == .online { try c.encode(false, forKey: .diverged) }
        // M = ∞ only, and only where the index cap loses more than a negligible mass (β near 1).
        if s.data == .sparse, let cap = IndexCapLoss(parameters: s.parameters, sampleCount: s.sampleCount), !cap.isNegligible {
            try c.encode(cap.entriesBeyond, forKey: .indexCapEntriesBeyond)
            try c.encode(cap.varianceFraction, forKey: .indexCapVarianceFraction)
        }
        if let used = outcome.estimator {  // only when the conditional estimator was asked for
            try c.encode(s.estimator.rawValue, forKey: .estimator)
            try c.encode(used.rawValue, forKey: .estimatorUsed)
        }
    }

    /// The header and one row of a point's CSV output (the same names as the JSON keys; empty = null).
    package func csv() -> String {
        let s = specification
        var table = CSVTable(headers: [
            "alpha", "beta", "m", "n", "d", "seed", "data", "features", "solver", "ridge", "tail", "tolerance",
            "loss", "loss_observed", "loss_tail", "loss_standard_error", "observed_coordinates", "rank", "seconds", "version",
        ])
        table.append([
            .number(s.parameters.alpha), .number(s.parameters.beta), .number(s.parameters.inputDimension.finiteValue.map(Double.init) ?? .infinity),
            .integer(s.featureCount), .integer(s.sampleCount), .text(String(s.seed)), .text(s.data.rawValue),
            .text(s.features.rawValue), .text(s.solver.rawValue), .number(s.ridge), .text(s.tail.rawValue), .optional(s.tolerance),
            .number(outcome.loss), .number(outcome.lossObserved), .number(outcome.lossTail), .optional(outcome.lossStandardError),
            .integer(outcome.observedCoordinates), .integer(outcome.rank), .number(outcome.seconds), .text(toolVersion),
        ])
        return table.render()
    }

    /// The summary as pretty-printed JSON with sorted keys (nil values written as null; m null = infinitely many).
    package func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

/// The version of SparseScaling recorded with every result.
package enum SparseScalingVersion {
    /// The current version string.
    package static let current = "0.1.0"
}
