/// A failure reported by a LAPACK routine.
public enum LinearAlgebraError: Error, CustomStringConvertible, Sendable {
    /// The routine `name` returned the non-zero status `info`.
    case lapack(name: String, info: Int32)

    public var description: String {
        switch self {
        case let .lapack(name, info):
            return "LAPACK \(name) failed (info = \(info)): the matrix is not numerically valid for it"
        }
    }
}
