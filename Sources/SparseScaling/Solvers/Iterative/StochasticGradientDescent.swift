import Foundation

/// Minibatch stochastic gradient descent on (1/2D)Σ_d (v·f_d − y_d)² from v = 0: each epoch visits
/// the samples in a fresh random order (keyed by seed and epoch) in batches of size b, stepping
/// v ← v − η (1/b) Σ_{d∈batch} (v·f_d − y_d) f_d. A check on full-batch training.
public struct StochasticGradientDescent: Sendable {
    /// Step η (nil: 1 / max_d ‖f_d‖², stable for every batch size).
    public var stepSize: Double?
    /// Minibatch size b.
    public var batchSize: Int
    /// Stopping rule (maxIterations counts epochs; the gradient test uses the full gradient after each epoch).
    public var limits: IterationLimits
    /// Seed of the sample order.
    public var seed: UInt64

    /// A solver with the given step, batch size, limits and seed.
    public init(stepSize: Double? = nil, batchSize: Int = 32, limits: IterationLimits = IterationLimits(), seed: UInt64 = 0) {
        self.stepSize = stepSize
        self.batchSize = batchSize
        self.limits = limits
        self.seed = seed
    }

    /// Runs SGD over `samples`, recording the empirical loss after every `recording.every` epochs.
    public func solve(_ samples: some PerSampleFeatures, recording: CurveRecording = CurveRecording()) -> IterativeSolution {
        let n = samples.featureCount, d = samples.sampleCount
        var f = [Double](repeating: 0, count: n)
        var eta = stepSize ?? 0
        if stepSize == nil {
            var largest = 0.0
            for i in 0..<d {
                _ = samples.sample(i, into: &f)
                largest = max(largest, f.reduce(0) { $0 + $1 * $1 })
            }
            eta = largest > 0 ? 1 / largest : 1
        }
        var v = [Double](repeating: 0, count: n)
        var (loss, gradientNorm) = Self.lossAndGradientNorm(samples, v, &f)
        let initialLoss = loss
        var monitor = IterationMonitor(limits: limits, recording: recording, initialLoss: initialLoss)
        let g0 = gradientNorm
        var relative = g0 > 0 ? 1.0 : 0.0
        var epoch = 0
        var reason = StoppingReason.iterationCap
        var order = Array(0..<d)
        var step = [Double](repeating: 0, count: n)
        let b = max(1, min(batchSize, d))
        while true {
            if let stop = monitor.check(iteration: epoch, loss: loss, relativeGradient: relative, readout: v) {
                reason = stop
                break
            }
            // Fisher–Yates shuffle keyed by (seed, epoch).
            var rng = RandomStream(seed: seed, purpose: .minibatch, index: UInt64(epoch))
            for i in stride(from: d - 1, to: 0, by: -1) {
                let j = min(i, Int(rng.uniform() * Double(i + 1)))
                order.swapAt(i, j)
            }
            var start = 0
            while start < d {
                let end = min(d, start + b)
                for k in 0..<n { step[k] = 0 }
                for i in start..<end {
                    let y = samples.sample(order[i], into: &f)
                    var prediction = 0.0
                    for k in 0..<n { prediction += v[k] * f[k] }
                    let error = prediction - y
                    for k in 0..<n { step[k] += error * f[k] }
                }
                let scale = eta / Double(end - start)
                for k in 0..<n { v[k] -= scale * step[k] }
                start = end
            }
            epoch += 1
            (loss, gradientNorm) = Self.lossAndGradientNorm(samples, v, &f)
            relative = g0 > 0 ? gradientNorm / g0 : 0
        }
        return monitor.solution(
            readout: v, iterations: epoch, reason: reason, stepSize: eta, relativeGradient: relative, finalLoss: loss)
    }

    /// The full empirical loss and the norm of its gradient at v (one pass over the samples).
    static func lossAndGradientNorm(_ samples: some PerSampleFeatures, _ v: [Double], _ f: inout [Double]) -> (Double, Double) {
        let n = samples.featureCount, d = samples.sampleCount
        var gradient = [Double](repeating: 0, count: n)
        var sum = 0.0
        for i in 0..<d {
            let y = samples.sample(i, into: &f)
            var prediction = 0.0
            for k in 0..<n { prediction += v[k] * f[k] }
            let error = prediction - y
            sum += error * error
            for k in 0..<n { gradient[k] += error * f[k] }
        }
        let norm = gradient.reduce(0) { $0 + $1 * $1 }.squareRoot() / Double(d)
        return (sum / (2 * Double(d)), norm)
    }
}
