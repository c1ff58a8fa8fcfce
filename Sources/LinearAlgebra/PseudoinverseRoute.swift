/// Which factorization applied a pseudoinverse: the cheapest one that is accurate for the matrix at hand.
public enum PseudoinverseRoute: String, Sendable, Codable {
    /// Gram matrix, Cholesky factor and iterative refinement (well-conditioned, full rank).
    case refinedNormalEquations = "refined normal equations"
    /// Householder QR or LQ and a triangular solve (full rank, too ill-conditioned for the normal equations).
    case householderQR = "Householder QR"
    /// The singular value decomposition (rank deficient under the tolerance, or asked for).
    case singularValueDecomposition = "SVD"
}
