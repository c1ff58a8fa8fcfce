import Foundation

/// One named setting of a point as every output records it (text, JSON, CSV): the name is the JSON key
/// and the CSV column.
package struct PointSetting: Sendable {
    /// The value of a setting or result: a number, an integer, a name, or null (not applicable or not set).
    package enum Value: Sendable, Equatable {
        case number(Double)
        case integer(Int)
        case text(String)
        case null

        /// The value as CSV writes it (null: empty; ±∞: inf, -inf).
        package var csv: CSVCell {
            switch self {
            case let .number(x): return .number(x)
            case let .integer(i): return .integer(i)
            case let .text(s): return .text(s)
            case .null: return .empty
            }
        }

        /// The value as a JSONSerialization object (null: NSNull).
        package var json: Any {
            switch self {
            case let .number(x): return x
            case let .integer(i): return i
            case let .text(s): return s
            case .null: return NSNull()
            }
        }

        /// The value as the text report writes it.
        package var text: String {
            switch self {
            case let .number(x): return "\(x)"
            case let .integer(i): return "\(i)"
            case let .text(s): return s
            case .null: return "—"
            }
        }
    }

    /// The snake_case name (JSON key, CSV column).
    package let name: String
    /// Its value.
    package let value: Value

    /// A setting `name` = `value`.
    package init(_ name: String, _ value: Value) {
        self.name = name
        self.value = value
    }
}

extension PointPlan {
    /// Every parameter this plan's route consumes, by name, in a fixed order: the configuration that the
    /// text, JSON and CSV outputs and the store record. M = ∞ is the text "inf" in every format.
    package var settings: [PointSetting] {
        let s = specification
        let o = s.optimization
        var list: [PointSetting] = [
            .init("alpha", .number(s.parameters.alpha)), .init("beta", .number(s.parameters.beta)),
            .init("m", s.parameters.inputDimension.finiteValue.map { .integer($0) } ?? .text("inf")),
            .init("n", .integer(s.featureCount)), .init("d", .integer(s.sampleCount)), .init("seed", .text(String(s.seed))),
            .init("data", .text(s.data.rawValue)), .init("features", .text(s.features.rawValue)),
            .init("solver", .text(s.solver.rawValue)), .init("estimator", .text(s.estimator.rawValue)),
            .init("route", .text(route.rawValue)), .init("noise", .number(s.labelNoise)),
        ]
        if s.data == .sparse { list.append(.init("sampler", .text(s.sampler.rawValue))) }
        if route != .relu { list.append(.init("tail", .text(s.tail.rawValue))) }
        let exactReadout = [.reducedInMemory, .reducedStreamed, .direct].contains(route) || (route == .relu && s.solver == .direct)
        if exactReadout { list.append(.init("ridge", .number(s.ridge))) }
        if exactReadout, s.ridge == 0 { list.append(.init("tolerance", s.tolerance.map { .number($0) } ?? .null)) }
        switch s.solver {
        case .gd, .nesterov, .sgd:
            list.append(.init("eta", o.stepSize.map { .number($0) } ?? .null))
            list.append(.init("gradient_tolerance", .number(o.gradientTolerance)))
            list.append(.init("max_iterations", .integer(o.maxIterations)))
            if s.solver == .sgd { list.append(.init("batch_size", .integer(o.batchSize))) }
        case .online:
            list.append(.init("eta", .number(o.stepSize ?? OnlineGradientDescent.defaultStepSize)))
            list.append(.init("eta_decay", o.stepDecay.map { .number($0) } ?? .null))
        case .reduced, .direct:
            break
        }
        if s.features == .relu { list.append(.init("test_samples", .integer(o.testSamples))) }
        return list
    }
}
