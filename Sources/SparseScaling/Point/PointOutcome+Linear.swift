extension PointOutcome {
    /// The outcome of linear features trained to `readout` on `instance`: the exact population loss
    /// (observed part and the specification's tail estimate), timed by `clock` from the point's start.
    static func linear(
        instance: TrainingInstance, readout: [Double], rank: Int, clock: inout PhaseClock, threads: Int
    ) -> PointOutcome {
        let specification = instance.specification
        let observedLoss = PopulationLoss.observedPart(
            parameters: specification.parameters, coordinates: instance.observed, embedding: instance.embedding,
            teacher: instance.teacher, readout: readout)
        let tail = PopulationLoss.tail(
            specification.tail, parameters: specification.parameters, observed: instance.observed, readout: readout,
            seed: specification.seed, threads: threads)
        return PointOutcome(
            loss: LossParts(observed: observedLoss, tail: tail), observedCoordinates: instance.observedCount,
            rank: rank, seconds: clock.lap(), readout: readout,
            labelNoiseVariance: specification.labelNoiseVariance)
    }
}
