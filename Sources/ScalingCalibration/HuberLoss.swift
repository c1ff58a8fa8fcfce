/// Huber's loss ρ_δ(r) = r²/2 for |r| ≤ δ, δ(|r| − δ/2) beyond: quadratic near 0, linear in the tails, so a
/// few outlying runs do not steer the fit. The Chinchilla paper's Approach 3 uses δ = 10⁻³ on residuals of log L.
public struct HuberLoss: Sendable, Codable, Hashable {
    /// The threshold δ > 0 between the quadratic and the linear part.
    public var delta: Double

    /// Huber's loss with threshold `delta` (default 10⁻³, the Chinchilla value).
    public init(delta: Double = 1e-3) { self.delta = delta }

    /// ρ_δ(r).
    @inline(__always) public func value(_ r: Double) -> Double {
        let a = abs(r)
        return a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta)
    }

    /// ψ_δ(r) = ρ′_δ(r): r clipped to [−δ, δ].
    @inline(__always) public func derivative(_ r: Double) -> Double { min(max(r, -delta), delta) }
}
