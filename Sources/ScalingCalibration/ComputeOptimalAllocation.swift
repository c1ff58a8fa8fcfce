import Foundation

/// The compute-optimal split of C = 6ND under an additive law: minimizing A/N^a + B/D^b at fixed ND gives
/// N* = G·(C/6)^(b/(a+b)) with G = (aA/(bB))^(1/(a+b)), D* = (C/6)/N* (Chinchilla, eq. 4). Exact, O(1).
public struct ComputeOptimalAllocation: Sendable, Codable, Hashable {
    /// The compute C (FLOP).
    public var compute: Double
    /// N*(C).
    public var featureCount: Double
    /// D*(C).
    public var sampleCount: Double
    /// L(N*, D*).
    public var loss: Double

    /// The optimum of `law` at compute `compute`; needs a, b > 0.
    public init(law: AdditiveLaw, compute: Double) {
        let a = law.modelExponent, b = law.dataExponent
        let logG = (log(a * law.modelCoefficient) - log(b * law.dataCoefficient)) / (a + b)
        let n = exp(logG + b / (a + b) * log(compute / 6))
        self.compute = compute
        featureCount = n
        sampleCount = compute / (6 * n)
        loss = law.loss(featureCount: n, sampleCount: compute / (6 * n))
    }

    /// D*/N*.
    public var tokensPerParameter: Double { sampleCount / featureCount }
}
