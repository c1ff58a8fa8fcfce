/// Column blocks of B = W·R whose passes regenerate the columns of a matrix W (rows × `sourceColumns`)
/// to form each block: a pass can also return uᵀW for a vector u, from the same regenerated columns.
public protocol ProjectingColumnBlocks: ColumnBlocks {
    /// Number of columns of W.
    var sourceColumns: Int { get }
    /// The blocks of `forEachBlock`, in the same order; returns uᵀW (length `sourceColumns`) for `u`
    /// of length `rows`.
    func forEachBlock(
        projecting u: [Double], _ body: (_ firstColumn: Int, _ block: Matrix) throws -> Void
    ) rethrows -> [Double]
}
