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
    public var featureCount: String
    /// The column of D or of C.
    public var data: DataSource
    /// The column of L.
    public var loss: String

    /// Columns by name.
    public init(featureCount: String, data: DataSource, loss: String) {
        self.featureCount = featureCount
        self.data = data
        self.loss = loss
    }

    private enum CodingKeys: String, CodingKey { case featureCount, sampleCount, compute, loss }

    /// Decodes `{model_size, data_size | compute, loss}`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        featureCount = try c.decode(String.self, forKey: .featureCount)
        loss = try c.decode(String.self, forKey: .loss)
        if let d = try c.decodeIfPresent(String.self, forKey: .sampleCount) { data = .tokens(d) } else { data = .flop(try c.decode(String.self, forKey: .compute)) }
    }

    /// Encodes the column names: `data_size` for a column of D, `compute` for a column of C.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(featureCount, forKey: .featureCount)
        switch data {
        case let .tokens(d): try c.encode(d, forKey: .sampleCount)
        case let .flop(f): try c.encode(f, forKey: .compute)
        }
        try c.encode(loss, forKey: .loss)
    }

    /// The Chinchilla table's columns (Epoch AI's extraction): `Model Size`, `Training FLOP`, `loss`.
    public static let chinchilla = RunColumns(featureCount: "Model Size", data: .flop("Training FLOP"), loss: "loss")
}
