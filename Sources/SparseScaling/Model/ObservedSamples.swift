import LinearAlgebra

/// Training samples restricted to their observed coordinates S, whatever their storage: what the
/// solvers and losses need of a training set.
public protocol ObservedSamples: Sendable {
    /// The observed coordinates S, ascending.
    var observed: [Int] { get }
    /// A = X_S X_Sᵀ (K × K).
    func secondMoment() -> Matrix
    /// X_S as a dense K × D matrix.
    func denseObserved() -> Matrix
    /// The labels y = wᵀ X_S (length D) for weights `weights` on S.
    func labels(weights: [Double]) -> [Double]
}

extension SparseTrainingSet: ObservedSamples {}

extension DenseTrainingSet: ObservedSamples {
    /// A = X Xᵀ (M × M).
    public func secondMoment() -> Matrix { BLAS.gram(samples) }
    /// X itself (every coordinate is observed).
    public func denseObserved() -> Matrix { samples }
    /// y = wᵀ X (length D).
    public func labels(weights: [Double]) -> [Double] { BLAS.multiply(samples, weights, trans: .transposed) }
}
