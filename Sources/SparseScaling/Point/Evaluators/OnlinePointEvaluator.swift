import Foundation

/// Measures one point trained by one-pass SGD (solver `online`): D is the number of steps, each a
/// fresh sample used once; the loss is exact at the end (observed part + expected tail).
public enum OnlinePointEvaluator {
    /// The outcome of `plan` (route `online`) and its run with the loss at `checkpoints` (default: the
    /// last step only).
    public static func evaluate(
        _ plan: PointPlan, checkpoints: [Int]? = nil
    ) throws -> (outcome: PointOutcome, run: OnlineRun) {
        let specification = plan.specification
        let settings = specification.optimization
        let eta = settings.stepSize ?? OnlineGradientDescent.defaultStepSize
        let solver = OnlineGradientDescent(
            parameters: specification.parameters, featureCount: specification.featureCount, seed: specification.seed,
            schedule: OnlineStepSchedule(initial: eta, decayScale: settings.stepDecay), labelNoise: plan.labelNoise)
        let steps = specification.sampleCount
        let run = solver.run(steps: steps, checkpoints: checkpoints ?? [steps])
        guard run.status == .completed, let last = run.checkpoints.last else {
            throw TrainingDivergence.diverged(solver: "online", stepSize: eta, iterations: run.divergedAtStep ?? steps)
        }
        let outcome = PointOutcome(
            loss: LossParts(observed: last.lossObserved, tail: last.lossTail), observedCoordinates: last.observedCoordinates,
            rank: min(specification.featureCount, last.observedCoordinates), seconds: run.seconds, readout: run.readout,
            labelNoiseVariance: specification.labelNoiseVariance)
        return (outcome, run)
    }
}
