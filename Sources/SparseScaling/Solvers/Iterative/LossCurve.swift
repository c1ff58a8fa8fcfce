/// A training curve: the empirical loss (1/2D)‖vF − y‖² at recorded iterations (or epochs), and the
/// population loss at those where it was evaluated.
public struct LossCurve: Sendable, Codable, Hashable {
    /// The iteration (or epoch) numbers recorded, starting at 0 (v = 0).
    public var iterations: [Int] = []
    /// The empirical loss at each recorded iteration.
    public var empiricalLoss: [Double] = []
    /// The iterations at which the population loss was evaluated.
    public var populationIterations: [Int] = []
    /// The population loss at `populationIterations`.
    public var populationLoss: [Double] = []

    /// An empty curve.
    public init() {}

    /// Appends the empirical loss of `iteration`.
    public mutating func record(iteration: Int, empiricalLoss loss: Double) {
        iterations.append(iteration)
        empiricalLoss.append(loss)
    }

    /// Appends the population loss of `iteration`.
    public mutating func record(iteration: Int, populationLoss loss: Double) {
        populationIterations.append(iteration)
        populationLoss.append(loss)
    }
}

/// How often an iterative solver records its curve, and the population loss to record (if any).
public struct CurveRecording: Sendable {
    /// Record the empirical loss every this many iterations (0: only the first and last).
    public var every: Int
    /// Evaluate the population loss every this many iterations (0: never).
    public var populationEvery: Int
    /// The population loss of a readout, when wanted.
    public var populationLoss: (@Sendable ([Double]) -> Double)?

    /// A recording schedule.
    public init(every: Int = 0, populationEvery: Int = 0, populationLoss: (@Sendable ([Double]) -> Double)? = nil) {
        self.every = every
        self.populationEvery = populationEvery
        self.populationLoss = populationLoss
    }

    func wantsEmpirical(_ k: Int) -> Bool { every > 0 && k % every == 0 }
    func wantsPopulation(_ k: Int) -> Bool { populationLoss != nil && populationEvery > 0 && k % populationEvery == 0 }
}
