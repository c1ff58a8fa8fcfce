import Foundation
import Testing
@testable import SparseScaling

/// Every route × every parameter of a point: changing the parameter either changes the result (and the
/// recorded settings), or the point is refused by a `ParameterError` naming that parameter before any
/// work. Routes come from `PointRoute.allCases` and parameters from the stored properties of the
/// specification types (by reflection), so a new route or parameter fails here until it is covered.
@Suite struct PointPlanParameterTests {
    /// A small point that takes `route` (finite M so that the realized tail and dense data apply).
    static func base(_ route: PointRoute) throws -> PointSpecification {
        let parameters = try DataParameters(alpha: 0.2, beta: 1.5, inputDimension: .finite(3000))
        var s = PointSpecification(parameters: parameters, featureCount: 160, sampleCount: 240, seed: 4)
        switch route {
        case .reducedInMemory, .reducedStreamed: break
        case .direct: s.solver = .direct
        case .conditional: s.estimator = .conditional
        case .reducedIterative:
            s.solver = .gd
            s.optimization.maxIterations = 300
        case .sampleSGD:
            s.solver = .sgd
            s.optimization.maxIterations = 20
        case .online: s.solver = .online
        case .relu:
            s.features = .relu
            s.solver = .direct
        }
        return s
    }

    /// The streaming threshold that sends per-sample reduced points of `route` through the stream.
    static func streamingBytes(_ route: PointRoute) -> Double { route == .reducedStreamed ? 0 : PointPlan.defaultStreamingBytes }

    /// The parameter a stored property sets, and a change that must show if the route consumes it.
    struct Change: Sendable {
        /// The parameter a refusal must name (nil: never refused).
        let parameter: Parameter?
        let apply: @Sendable (inout PointSpecification) throws -> Void
    }

    /// One change per stored property of the specification, its optimization settings and its data
    /// parameters (keyed "spec.x", "optimization.x", "parameters.x").
    static let changes: [String: Change] = [
        "parameters.alpha": Change(parameter: .alpha) { $0.parameters = try DataParameters(alpha: 0.5, beta: $0.parameters.beta, inputDimension: $0.parameters.inputDimension) },
        "parameters.beta": Change(parameter: .beta) { $0.parameters = try DataParameters(alpha: $0.parameters.alpha, beta: 1.8, inputDimension: $0.parameters.inputDimension) },
        "parameters.inputDimension": Change(parameter: .inputDimension) { $0.parameters = try DataParameters(alpha: $0.parameters.alpha, beta: $0.parameters.beta, inputDimension: .finite(400)) },
        "spec.featureCount": Change(parameter: .featureCount) { $0.featureCount = 200 },
        "spec.sampleCount": Change(parameter: .sampleCount) { $0.sampleCount = 300 },
        "spec.data": Change(parameter: .dataKind) { $0.data = .dense },
        "spec.features": Change(parameter: .featureMap) { $0.features = $0.features == .linear ? .relu : .linear },
        "spec.solver": Change(parameter: .solver) {
            switch $0.solver {
            case .reduced: $0.solver = .direct
            case .direct: $0.solver = $0.features == .relu ? .nesterov : .reduced
            case .gd: $0.solver = .nesterov
            case .nesterov, .sgd: $0.solver = .gd
            case .online: $0.solver = .reduced
            }
        },
        "spec.ridge": Change(parameter: .ridge) { $0.ridge = 0.05 },
        "spec.tail": Change(parameter: .tailEstimator) { $0.tail = .realized },
        "spec.tolerance": Change(parameter: .tolerance) { $0.tolerance = 0.3 },
        "spec.seed": Change(parameter: nil) { $0.seed = 9 },
        "spec.estimator": Change(parameter: .lossEstimator) { $0.estimator = $0.estimator == .sample ? .conditional : .sample },
        "spec.sampler": Change(parameter: .sampler) { $0.sampler = .sublinear },
        "spec.labelNoise": Change(parameter: .labelNoise) { $0.labelNoise = 0.3 },
        "optimization.stepSize": Change(parameter: .stepSize) { $0.optimization.stepSize = 0.02 },
        "optimization.stepDecay": Change(parameter: .stepDecay) { $0.optimization.stepDecay = 10 },
        "optimization.gradientTolerance": Change(parameter: .gradientTolerance) { $0.optimization.gradientTolerance = 0.2 },
        "optimization.maxIterations": Change(parameter: .maxIterations) { $0.optimization.maxIterations = 3 },
        "optimization.batchSize": Change(parameter: .batchSize) { $0.optimization.batchSize = 1 },
        "optimization.testSamples": Change(parameter: .testSamples) { $0.optimization.testSamples = 300 },
    ]

    /// The stored properties of the specification types, by reflection.
    static func storedProperties() throws -> Set<String> {
        let spec = try base(.reducedInMemory)
        func names(_ value: Any, _ prefix: String) -> [String] {
            Mirror(reflecting: value).children.compactMap { $0.label.map { prefix + "." + $0 } }
        }
        let all = names(spec, "spec").filter { $0 != "spec.parameters" && $0 != "spec.optimization" }
            + names(spec.optimization, "optimization") + names(spec.parameters, "parameters")
        return Set(all)
    }

    @Test func everyStoredPropertyHasAChange() throws {
        #expect(try Self.storedProperties() == Set(Self.changes.keys))
    }

    /// A refusal names the changed parameter (or names it as the other side of an incompatible pair).
    static func names(_ error: ParameterError, _ parameter: Parameter) -> Bool {
        switch error {
        case let .invalid(p, _, _): return p == parameter
        case let .incompatible(p, _, _, other, _, _): return p == parameter || other == parameter
        }
    }

    @Test(arguments: PointRoute.allCases)
    func everyParameterIsConsumedOrRefused(route: PointRoute) throws {
        let base = try Self.base(route)
        let bytes = Self.streamingBytes(route)
        let basePlan = try PointPlan(base, streamingBytes: bytes)
        #expect(basePlan.route == route)
        let baseLoss = try PointEvaluator.evaluate(basePlan, threads: 1).loss
        for (name, change) in Self.changes.sorted(by: { $0.key < $1.key }) {
            var changed = base
            try change.apply(&changed)
            let plan: PointPlan
            do {
                plan = try PointPlan(changed, streamingBytes: bytes)
            } catch let error as ParameterError {
                // Seeds are never refused; every other refusal must name what changed.
                #expect(change.parameter.map { Self.names(error, $0) } ?? false, "\(route) \(name): refused for another parameter: \(error)")
                continue
            } catch {
                // Anything else that refuses (the data parameters themselves) must be a ParameterError.
                Issue.record("\(route) \(name): \(error)")
                continue
            }
            let loss = try PointEvaluator.evaluate(plan, threads: 1).loss
            #expect(loss != baseLoss, "\(route) \(name): accepted but the loss did not change (\(loss))")
            let recorded = plan.settings.map { "\($0.name)=\($0.value.text)" }
            let before = basePlan.settings.map { "\($0.name)=\($0.value.text)" }
            #expect(recorded != before, "\(route) \(name): the change is not recorded in the point's settings")
        }
    }
}
