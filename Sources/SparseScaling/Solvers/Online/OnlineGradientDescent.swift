import Foundation
import LinearAlgebra

/// One-pass SGD on linear random features (docs/theory.md §7.3): from v = 0, the training samples
/// x_0, x_1, … (the same stream as every other solver's training set) are each used once, in order:
/// v ← v − η_t (v·f_t − y_t) f_t with f_t = W x_t built from x_t's few active entries and
/// y_t = w*·x_t + σε_t. A step costs O(N·nnz); W columns are drawn on demand the first time their
/// coordinate is active and cached. At each checkpoint the population loss is exact: the observed
/// part over the coordinates seen so far plus the expected tail (‖v‖²/N + 1)·Σ_{i∉S_t} λ_i.
public struct OnlineGradientDescent: Sendable {
    /// The default constant step η = 0.25: the coordinate-1 direction (always active, unit variance)
    /// is stable in mean square for η < 2/3 (E(1 − ηξ²)² < 1), with a margin for the others.
    public static let defaultStepSize = 0.25
    /// A checkpoint loss above this multiple of Σλ (the loss of v = 0) counts as divergence.
    public static let divergenceFactor = 1e6

    /// α, β and M of the data.
    public var parameters: DataParameters
    /// N, the number of random features.
    public var featureCount: Int
    /// The seed of data, embedding, teacher and label noise.
    public var seed: UInt64
    /// The step schedule.
    public var schedule: OnlineStepSchedule
    /// The label noise y = w*·x + σε of the streamed samples.
    public var labelNoise: LabelNoise

    /// One-pass SGD with the given data, model size, seed, schedule and label noise.
    public init(parameters: DataParameters, featureCount: Int, seed: UInt64, schedule: OnlineStepSchedule, labelNoise: LabelNoise? = nil) {
        self.parameters = parameters
        self.featureCount = featureCount
        self.seed = seed
        self.schedule = schedule
        self.labelNoise = labelNoise ?? LabelNoise(scale: 0, seed: seed)
    }

    /// Steps 0, T and about `perDecade` log-spaced steps per decade in between (distinct, ascending).
    public static func logSpacedCheckpoints(steps: Int, perDecade: Int = 8) -> [Int] {
        guard steps > 0 else { return [0] }
        var list: Set<Int> = [0, steps]
        let decades = log10(Double(steps))
        let count = Int((decades * Double(perDecade)).rounded(.up))
        for j in 0...count {
            let t = Int(pow(10, Double(j) / Double(perDecade)).rounded())
            if t <= steps { list.insert(t) }
        }
        return list.sorted()
    }

    /// Runs `steps` steps, evaluating the exact loss at each step count in `checkpoints` (within 0…steps).
    public func run(steps: Int, checkpoints: [Int]) -> OnlineRun {
        let start = DispatchTime.now()
        let n = featureCount
        let sampler = SparseSampler(parameters: parameters, seed: seed)
        let cache = ObservedColumnCache(featureCount: n, seed: seed, limit: (parameters.inputDimension.finiteValue ?? Int.max - 1) + 1)
        let v = UnsafeMutablePointer<Double>.allocate(capacity: n)
        let f = UnsafeMutablePointer<Double>.allocate(capacity: n)
        defer {
            v.deallocate()
            f.deallocate()
        }
        v.initialize(repeating: 0, count: n)
        f.initialize(repeating: 0, count: n)
        let total = UnobservedVariance.sum(parameters: parameters, observed: [])
        let wanted = Array(Set(checkpoints.filter { $0 >= 0 && $0 <= steps })).sorted()
        var recorded: [OnlineCheckpoint] = []
        var status = OnlineStatus.completed
        var divergedAt: Int? = nil
        var lastGoodReadout = [Double](repeating: 0, count: n)
        var next = 0
        var indices: [Int] = [], values: [Double] = [], slots: [Int] = []
        indices.reserveCapacity(64)
        values.reserveCapacity(64)
        slots.reserveCapacity(64)

        func checkpoint(_ t: Int) -> Bool {
            let point = loss(cache: cache, readout: v, step: t)
            guard point.loss.isFinite, point.loss <= Self.divergenceFactor * total else { return false }
            recorded.append(point)
            lastGoodReadout = Array(UnsafeBufferPointer(start: v, count: n))
            return true
        }

        var t = 0
        while true {
            if next < wanted.count, wanted[next] == t {
                next += 1
                if !checkpoint(t) {
                    status = .diverged
                    divergedAt = t
                    break
                }
            }
            if t == steps { break }
            indices.removeAll(keepingCapacity: true)
            values.removeAll(keepingCapacity: true)
            slots.removeAll(keepingCapacity: true)
            sampler.appendSample(t, indices: &indices, values: &values)
            // Draw new columns first: a new column may move the cache's storage.
            for i in indices { slots.append(cache.slot(i)) }
            let columns = cache.columns
            var y = 0.0
            for e in 0..<slots.count {
                let x = values[e]
                let column = columns + slots[e] * n
                if e == 0 {
                    for k in 0..<n { f[k] = x * column[k] }
                } else {
                    BLAS.axpy(count: n, alpha: x, column, f)
                }
                y += x * cache.teacherWeights[slots[e]]
            }
            if labelNoise.scale != 0 { y += labelNoise.scale * labelNoise.sampleNoise(t) }
            let error = BLAS.dot(count: n, v, f) - y
            guard abs(error) < 1e150 else {
                status = .diverged
                divergedAt = t + 1
                break
            }
            BLAS.axpy(count: n, alpha: -schedule.step(at: t) * error, f, v)
            t += 1
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return OnlineRun(
            checkpoints: recorded, status: status, divergedAtStep: divergedAt,
            readout: status == .completed ? Array(UnsafeBufferPointer(start: v, count: n)) : lastGoodReadout,
            schedule: schedule, seconds: seconds)
    }

    /// The exact population loss of readout `v` with the coordinates seen so far in `cache`.
    private func loss(cache: ObservedColumnCache, readout v: UnsafeMutablePointer<Double>, step: Int) -> OnlineCheckpoint {
        let n = featureCount, k = cache.count
        var effective = [Double](repeating: 0, count: k)
        effective.withUnsafeMutableBufferPointer {
            BLAS.gemv(.transposed, rows: n, columns: k, cache.columns, v, $0.baseAddress!)
        }
        var observedLoss = 0.0
        for j in 0..<k {
            let diff = effective[j] - cache.teacherWeights[j]
            observedLoss += parameters.marginalVariance(cache.coordinates[j]) * diff * diff
        }
        let normSquared = BLAS.dot(count: n, v, v)
        let tail = (normSquared / Double(n) + 1) * UnobservedVariance.sum(parameters: parameters, observed: cache.coordinates.sorted())
        return OnlineCheckpoint(step: step, lossObserved: observedLoss, lossTail: tail, observedCoordinates: k)
    }
}
