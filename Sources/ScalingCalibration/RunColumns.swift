/// Which CSV columns hold a run's N, its D (directly, or as compute C with D = C/(6N)) and its loss.
public struct RunColumns: Sendable, Codable, Hashable {
    /// How a table gives the data size.
    public enum DataSource: Sendable, Codable, Hashable {
        /// A column of D (tokens).
        case tokens(String)
        /// A column of training compute C (FLOP); D = C/(6N).
        case flop(String)
    }

    /// The column of N.
    public var modelSize: String
    /// The column of D or of C.
    public var data: DataSource
    /// The column of L.
    public var loss: String

    /// Columns by name.
    public init(modelSize: String, data: DataSource, loss: String) {
        self.modelSize = modelSize
        self.data = data
        self.loss = loss
    }

    /// The Chinchilla table's columns (Epoch AI's extraction): `Model Size`, `Training FLOP`, `loss`.
    public static let chinchilla = RunColumns(modelSize: "Model Size", data: .flop("Training FLOP"), loss: "loss")
}
