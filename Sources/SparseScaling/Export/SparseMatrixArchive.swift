import Foundation
import LinearAlgebra

/// A matrix as the `.npz` file `scipy.sparse.save_npz` writes for a CSR matrix: `indices`, `indptr`, `format`,
/// `shape`, `data` (int32 indices when they fit, float64 values), loadable with `scipy.sparse.load_npz`.
package enum SparseMatrixArchive {
    /// The CSR `.npz` of the nonzero entries of `matrix` (row i, column j at `matrix[i, j]`).
    package static func csr(_ matrix: Matrix) throws -> Data {
        var values: [Double] = []
        var indices: [Int] = []
        var indptr = [0]
        for i in 0..<matrix.rows {
            for j in 0..<matrix.columns where matrix[i, j] != 0 {
                values.append(matrix[i, j])
                indices.append(j)
            }
            indptr.append(values.count)
        }
        let fitsInt32 = max(matrix.columns, values.count) <= Int(Int32.max)
        let integers = { (x: [Int]) in fitsInt32 ? NumPyArray.int32(x.map { Int32($0) }, shape: [x.count]) : NumPyArray.int64(x, shape: [x.count]) }
        return try StoredZip.archive([
            ("indices.npy", integers(indices)),
            ("indptr.npy", integers(indptr)),
            ("format.npy", NumPyArray.bytesScalar("csr")),
            ("shape.npy", NumPyArray.int64([matrix.rows, matrix.columns], shape: [2])),
            ("data.npy", NumPyArray.float64(values, shape: [values.count])),
        ])
    }
}
