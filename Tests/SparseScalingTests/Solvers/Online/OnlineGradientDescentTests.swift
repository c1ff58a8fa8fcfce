import Foundation
import LinearAlgebra
import Testing
@testable import SparseScaling

/// One-pass SGD (docs/theory.md §7.3) against a dense re-implementation on the same training set, and its
/// checkpoint losses against PopulationLoss on the coordinates seen so far.
@Suite struct OnlineGradientDescentTests {
    @Test(arguments: [0.0, 0.3])
    func iteratesEqualADenseReimplementation(noise: Double) throws {
        let parameters = try DataParameters(alpha: 0, beta: 2, inputDimension: .infinite)
        let (n, steps, eta) = (12, 300, 0.2)
        let spec = PointSpecification(parameters: parameters, featureCount: n, sampleCount: steps, seed: 11, labelNoise: noise)
        // The training set of D = steps samples is exactly the stream one-pass SGD consumes.
        let instance = try TrainingInstance(spec, threads: 1)
        let f = BLAS.product(instance.embedding, instance.observedSamples())  // N × D
        let y = instance.noisyLabels()
        var v = [Double](repeating: 0, count: n)
        for t in 0..<steps {
            var prediction = 0.0
            for k in 0..<n { prediction += v[k] * f[k, t] }
            let error = prediction - y[t]
            for k in 0..<n { v[k] -= eta * error * f[k, t] }
        }
        let run = OnlineGradientDescent(parameters: parameters, featureCount: n, seed: 11, schedule: OnlineStepSchedule(initial: eta), labelNoise: LabelNoise(scale: noise, seed: 11))
            .run(steps: steps, checkpoints: [0, 10, steps])
        #expect(run.status == .completed)
        #expect(relativeDifference(run.readout, v) < 1e-12)
        // The exact loss at the last checkpoint: observed part over S_t plus the expected tail.
        let observed = PopulationLoss.observedPart(
            parameters: parameters, coordinates: instance.observed, embedding: instance.embedding, teacher: instance.teacher, readout: v)
        let tail = PopulationLoss.expectedTail(parameters: parameters, observed: instance.observed, readout: v)
        let last = try #require(run.checkpoints.last)
        #expect(last.step == steps && last.observedCoordinates == instance.observedCount)
        #expect(abs(last.lossObserved - observed) <= 1e-12 * (observed + tail))
        #expect(abs(last.lossTail - tail) <= 1e-12 * tail)
        // Step 0 is v = 0: the loss is Σλ.
        let first = try #require(run.checkpoints.first)
        #expect(abs(first.loss - UnobservedVariance.sum(parameters: parameters, observed: [])) < 1e-14)
    }

    @Test func decayingScheduleAndCheckpoints() {
        let schedule = OnlineStepSchedule(initial: 0.5, decayScale: 100)
        #expect(schedule.step(at: 0) == 0.5 && schedule.step(at: 100) == 0.25)
        let points = OnlineGradientDescent.logSpacedCheckpoints(steps: 1000, perDecade: 4)
        #expect(points.first == 0 && points.last == 1000 && points == points.sorted() && Set(points).count == points.count)
        #expect(points.contains(10) && points.contains(100))
    }

    @Test func divergenceIsReportedNotPrinted() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2, inputDimension: .infinite)
        let run = OnlineGradientDescent(parameters: parameters, featureCount: 16, seed: 1, schedule: OnlineStepSchedule(initial: 5))
            .run(steps: 10_000, checkpoints: OnlineGradientDescent.logSpacedCheckpoints(steps: 10_000))
        #expect(run.status == .diverged)
        #expect(run.divergedAtStep != nil)
        #expect(run.checkpoints.allSatisfy { $0.loss.isFinite })
        #expect(run.readout.allSatisfy { $0.isFinite })
        var spec = PointSpecification(parameters: parameters, featureCount: 16, sampleCount: 10_000, solver: .online, seed: 1)
        spec.optimization.stepSize = 5
        #expect(throws: TrainingDivergence.self) { try PointEvaluator.evaluate(spec) }
    }

    @Test func onlineSolverRefusesWhatItCannotDo() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2, inputDimension: .finite(50))
        for change in [{ (s: inout PointSpecification) in s.features = .relu }, { $0.data = .dense }, { $0.ridge = 0.1 }] {
            var spec = PointSpecification(parameters: parameters, featureCount: 8, sampleCount: 100, solver: .online)
            change(&spec)
            #expect(throws: ParameterError.self) { try spec.checkSolverCombination() }
        }
    }

    @Test func lossFallsWithSteps() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2, inputDimension: .infinite)
        let run = OnlineGradientDescent(parameters: parameters, featureCount: 64, seed: 2, schedule: OnlineStepSchedule(initial: 0.25))
            .run(steps: 20_000, checkpoints: [0, 100, 20_000])
        #expect(run.status == .completed)
        let losses = run.checkpoints.map(\.loss)
        #expect(losses[0] > losses[1] && losses[1] > losses[2])
    }
}
