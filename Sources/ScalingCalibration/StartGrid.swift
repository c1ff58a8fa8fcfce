/// The grid of starting points of the multi-start fit, in log-space parameters (A, B, E in units of the table's
/// geometric-mean loss, `LogRuns`). The default is the Chinchilla
/// paper's Approach-3 grid: ln A, ln B ∈ {0, 5, …, 25}, ln E ∈ {−1, −0.5, …, 1}, a, b ∈ {0, 0.5, …, 2}
/// (4 500 starts); the joined law adds ln c ∈ {−6, −3, 0, 3} (z at the data's centre).
public struct StartGrid: Sendable, Codable, Hashable {
    /// Values of ln A.
    public var logModelCoefficients: [Double]
    /// Values of ln B.
    public var logDataCoefficients: [Double]
    /// Values of ln E.
    public var logIrreducibles: [Double]
    /// Values of a.
    public var modelExponents: [Double]
    /// Values of b.
    public var dataExponents: [Double]
    /// Values of ln c (joined law only).
    public var logJoinScales: [Double]

    /// A grid from its axes.
    public init(logModelCoefficients: [Double], logDataCoefficients: [Double], logIrreducibles: [Double],
                modelExponents: [Double], dataExponents: [Double], logJoinScales: [Double]) {
        self.logModelCoefficients = logModelCoefficients
        self.logDataCoefficients = logDataCoefficients
        self.logIrreducibles = logIrreducibles
        self.modelExponents = modelExponents
        self.dataExponents = dataExponents
        self.logJoinScales = logJoinScales
    }

    /// The Chinchilla paper's grid (plus the join scales).
    public static let chinchilla = StartGrid(
        logModelCoefficients: [0, 5, 10, 15, 20, 25], logDataCoefficients: [0, 5, 10, 15, 20, 25],
        logIrreducibles: [-1, -0.5, 0, 0.5, 1], modelExponents: [0, 0.5, 1, 1.5, 2], dataExponents: [0, 0.5, 1, 1.5, 2],
        logJoinScales: [-6, -3, 0, 3])

    /// Every additive start θ = (ln A, ln B, ln E, a, b).
    public var additiveStarts: [[Double]] {
        var starts: [[Double]] = []
        for lnA in logModelCoefficients { for lnB in logDataCoefficients { for lnE in logIrreducibles {
            for a in modelExponents { for b in dataExponents { starts.append([lnA, lnB, lnE, a, b]) } }
        } } }
        return starts
    }

    /// Number of additive starts.
    public var count: Int {
        logModelCoefficients.count * logDataCoefficients.count * logIrreducibles.count * modelExponents.count * dataExponents.count
    }
}
