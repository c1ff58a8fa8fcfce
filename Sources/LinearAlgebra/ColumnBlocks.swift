import CLAPACK

/// A matrix B (rows × columns) that is never held whole: its column blocks are produced in order, on
/// demand, as often as a pass over B needs them (e.g. regenerated from a counter-based random stream).
public protocol ColumnBlocks {
    /// Number of rows of B.
    var rows: Int { get }
    /// Number of columns of B.
    var columns: Int { get }
    /// Calls `body` with each column block of B in order: the index of its first column and the block
    /// (rows × width). The blocks tile the columns 0..<columns, and every pass yields the same blocks.
    func forEachBlock(_ body: (_ firstColumn: Int, _ block: Matrix) throws -> Void) rethrows
}

extension ColumnBlocks {
    /// B whole (rows × columns), for the routes that need it.
    public func assembled() -> Matrix {
        var b = Matrix(rows: rows, columns: columns)
        let n = rows
        forEachBlock { first, block in
            b.storage.replaceSubrange((first * n)..<((first + block.columns) * n), with: block.storage)
        }
        return b
    }

    /// G = B Bᵀ (rows × rows, symmetric) and B x (length rows) in one pass (dsyrk and dgemv per block).
    public func gramAndProduct(_ x: [Double]) -> (gram: Matrix, product: [Double]) {
        precondition(x.count == columns, "one entry per column")
        let n = rows
        var g = Matrix(rows: n, columns: n)
        var bx = [Double](repeating: 0, count: n)
        forEachBlock { first, block in
            guard block.columns > 0 else { return }
            BLAS.withThreadsFor(flops: Double(n) * Double(n) * Double(block.columns)) {
                accumulateGramAndProduct(block, first: first, x, gram: &g, product: &bx)
            }
        }
        g.symmetrizeFromUpper()
        return (g, bx)
    }
}

/// Adds `block` (columns first… of B) to the upper triangle of `gram` = B Bᵀ and its columns times
/// x[first…] to `product` = B xᵀ.
func accumulateGramAndProduct(_ block: Matrix, first: Int, _ x: [Double], gram: inout Matrix, product: inout [Double]) {
    let n = block.rows, width = block.columns
    block.storage.withUnsafeBufferPointer { pb in
        gram.storage.withUnsafeMutableBufferPointer { pg in
            cblas_dsyrk(CblasColMajor, CblasUpper, CblasNoTrans, Int32(n), Int32(width), 1,
                        pb.baseAddress, Int32(n), 1, pg.baseAddress, Int32(n))
        }
        x.withUnsafeBufferPointer { px in
            product.withUnsafeMutableBufferPointer { py in
                cblas_dgemv(CblasColMajor, CblasNoTrans, Int32(n), Int32(width), 1, pb.baseAddress, Int32(n),
                            px.baseAddress! + first, 1, 1, py.baseAddress, 1)
            }
        }
    }
}
