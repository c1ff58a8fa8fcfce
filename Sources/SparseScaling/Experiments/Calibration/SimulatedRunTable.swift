import Foundation
import ScalingAnalysis
import ScalingCalibration

/// A table of runs (N, D, L) measured by the simulator at the sizes of a `SimulatedTableDesign`: each run is one
/// point of the exact reduced solver (sparse data, linear features, min-norm readout, expected tail, the
/// sublinear sampler, exact in law), the route `point` and `sweep` take, with its own seed, so runs are independent.
public enum SimulatedRunTable {
    /// The runs of `design` for table `table`: run k has seed `seed`·2^32 + `table`·2^16 + k. Runs are measured
    /// concurrently, one thread each.
    public static func runs(_ design: SimulatedTableDesign, table: Int, seed: UInt64) throws -> [ScalingRun] {
        let sizes = design.sizes
        let outcomes = ResultSlots<Result<Double, Error>>(count: sizes.count)
        DispatchQueue.concurrentPerform(iterations: sizes.count) { k in
            let specification = PointSpecification(
                parameters: design.parameters, featureCount: sizes[k].featureCount, sampleCount: sizes[k].sampleCount,
                seed: seed << 32 &+ UInt64(table) << 16 &+ UInt64(k), sampler: .sublinear)
            outcomes.set(k, Result { try PointEvaluator.evaluate(specification, threads: 1).loss })
        }
        return try zip(sizes, outcomes.values).map { size, outcome in
            ScalingRun(featureCount: Double(size.featureCount), sampleCount: Double(size.sampleCount), loss: try outcome.get())
        }
    }
}
