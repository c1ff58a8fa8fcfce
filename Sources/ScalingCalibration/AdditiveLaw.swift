import Foundation

/// L(N, D) = E + A/N^a + B/D^b. Fitted in Chinchilla's log-space parameters θ = (ln A, ln B, ln E, a, b),
/// where ln L̂ = LSE(ln A − a ln N, ln B − b ln D, ln E) is smooth in θ and every term stays positive.
public struct AdditiveLaw: Sendable, Codable, Hashable {
    /// The irreducible loss E.
    public var irreducible: Double
    /// The model-size coefficient A.
    public var modelCoefficient: Double
    /// The data-size coefficient B.
    public var dataCoefficient: Double
    /// The model-size exponent a (= α_N = α + β of the sparse-feature model).
    public var modelExponent: Double
    /// The data-size exponent b (= α_D = (α + β)/β of the sparse-feature model for β > 1).
    public var dataExponent: Double

    /// A law from E, A, B, a, b.
    public init(irreducible: Double, modelCoefficient: Double, dataCoefficient: Double, modelExponent: Double, dataExponent: Double) {
        self.irreducible = irreducible
        self.modelCoefficient = modelCoefficient
        self.dataCoefficient = dataCoefficient
        self.modelExponent = modelExponent
        self.dataExponent = dataExponent
    }

    /// The law of the log-space vector θ = (ln A, ln B, ln E, a, b).
    public init(logParameters θ: [Double]) {
        self.init(irreducible: exp(θ[2]), modelCoefficient: exp(θ[0]), dataCoefficient: exp(θ[1]), modelExponent: θ[3], dataExponent: θ[4])
    }

    /// θ = (ln A, ln B, ln E, a, b).
    public var logParameters: [Double] { [log(modelCoefficient), log(dataCoefficient), log(irreducible), modelExponent, dataExponent] }

    /// L(N, D).
    public func loss(featureCount n: Double, sampleCount d: Double) -> Double {
        irreducible + modelCoefficient * pow(n, -modelExponent) + dataCoefficient * pow(d, -dataExponent)
    }

    /// Σ_i w_i ρ_δ(ln L̂_i − ln L_i) at θ, and its gradient in `gradient` when given (analytic: the softmax
    /// weights of the log-sum-exp times ψ_δ). Cost O(runs).
    static func objective(_ θ: UnsafePointer<Double>, _ runs: LogRuns, _ weights: [Double], _ huber: HuberLoss,
                          _ gradient: UnsafeMutablePointer<Double>?) -> Double {
        let lnA = θ[0], lnB = θ[1], lnE = θ[2], a = θ[3], b = θ[4]
        var total = 0.0
        var g0 = 0.0, g1 = 0.0, g2 = 0.0, g3 = 0.0, g4 = 0.0
        runs.logN.withUnsafeBufferPointer { logN in
            runs.logD.withUnsafeBufferPointer { logD in
                runs.logL.withUnsafeBufferPointer { logL in
                    weights.withUnsafeBufferPointer { w in
                        for i in 0..<logL.count where w[i] != 0 {
                            let u1 = lnA - a * logN[i], u2 = lnB - b * logD[i]
                            let m = max(u1, u2, lnE)
                            let e1 = exp(u1 - m), e2 = exp(u2 - m), e3 = exp(lnE - m)
                            let s = e1 + e2 + e3
                            let r = m + log(s) - logL[i]
                            total += w[i] * huber.value(r)
                            if gradient != nil {
                                let psi = w[i] * huber.derivative(r) / s
                                g0 += psi * e1; g3 -= psi * e1 * logN[i]
                                g1 += psi * e2; g4 -= psi * e2 * logD[i]
                                g2 += psi * e3
                            }
                        }
                    }
                }
            }
        }
        if let gradient { gradient[0] = g0; gradient[1] = g1; gradient[2] = g2; gradient[3] = g3; gradient[4] = g4 }
        return total
    }
}
