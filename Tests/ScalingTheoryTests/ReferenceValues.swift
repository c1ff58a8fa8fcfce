import ScalingTheory

/// High-precision reference values, computed once with mpmath 1.3.0 (mp.dps = 40) by
/// /tmp/theory/ref.py, whose method is:
///   E[K(D)] = Σ_{i≤M} −expm1(D·log1p(−i^−β)),  L_over(D) = Σ_{i≤M} i^−(1+α+β)·exp(D·log1p(−i^−β));
///   for M ≤ 20000 every term summed (mpmath.fsum); otherwise terms i = 1…2000 summed exactly and
///   Σ_{i≥2001} by Euler–Maclaurin: the integral by mpmath.quad (tanh-sinh) in t = ln x over
///   breakpoints every 0.5 in t (plus [t_max, ∞) for M = ∞), corrections B_2k/(2k)!·f^(2k−1) for
///   k = 1…8 with f^(2k−1) from mpmath.diff (numerical differentiation at 40 digits).
/// This shares no code or technique (Taylor arithmetic, Gauss–Legendre, binomial tail series) with
/// the library. Values are printed to 20 significant digits and pasted below. The three finite-M
/// cases with M ≤ 10^9 and D ≤ 10^5 were also confirmed by brute force (every term in float64 with
/// numpy log1p/expm1, accumulated in long double): agreement better than 1e-15.
struct SparseSumReference: Sendable {
    let alpha: Double
    let beta: Double
    let m: InputDimension
    let d: Double
    let observedCoordinates: Double
    let modelRichLoss: Double
}

let sparseSumReferences: [SparseSumReference] = [
    .init(alpha: 0, beta: 2, m: .infinite, d: 1e2, observedCoordinates: 17.246708474262773276, modelRichLoss: 0.0049505136532002583509),
    .init(alpha: 0, beta: 2, m: .infinite, d: 1e4, observedCoordinates: 176.74760067171166487, modelRichLoss: 0.000049995000499950005),
    .init(alpha: 0, beta: 2, m: .infinite, d: 1e6, observedCoordinates: 1771.9540724622612378, modelRichLoss: 4.999995000004999995e-7),
    .init(alpha: 0, beta: 2, m: .infinite, d: 1e8, observedCoordinates: 17724.038531210833423, modelRichLoss: 4.9999999500000005e-9),
    .init(alpha: 0, beta: 2, m: .infinite, d: 1e10, observedCoordinates: 177244.88509276717004, modelRichLoss: 4.9999999995e-11),
    .init(alpha: 0, beta: 2, m: .infinite, d: 1e12, observedCoordinates: 1772453.350905737584, modelRichLoss: 4.999999999995e-13),
    .init(alpha: -0.5, beta: 1.5, m: .infinite, d: 1e3, observedCoordinates: 267.42362276096742553, modelRichLoss: 0.0090224410191141549793),
    .init(alpha: -0.5, beta: 1.5, m: .infinite, d: 1e12, observedCoordinates: 267893852.97080452935, modelRichLoss: 9.0274529295043208613e-9),
    .init(alpha: -1.5, beta: 2, m: .infinite, d: 1e4, observedCoordinates: 176.74760067171166487, modelRichLoss: 0.18127766299629358055),
    .init(alpha: -1.5, beta: 2, m: .infinite, d: 1e12, observedCoordinates: 1772453.350905737584, modelRichLoss: 0.0018128049541106709052),
    .init(alpha: 0, beta: 1.05, m: .infinite, d: 1e6, observedCoordinates: 10601310.006229783648, modelRichLoss: 9.5238000000095233972e-7),
    .init(alpha: 0, beta: 1.05, m: .infinite, d: 1e12, observedCoordinates: 5490921808857.4003739, modelRichLoss: 9.5238095237999995972e-13),
    .init(alpha: 3, beta: 4, m: .infinite, d: 1.5, observedCoordinates: 1.1219400918011132253, modelRichLoss: 0.0037140182802692636617),
    .init(alpha: 3, beta: 4, m: .infinite, d: 1e12, observedCoordinates: 1224.9167024652925279, modelRichLoss: 2.2976563171166793491e-22),
    .init(alpha: 0.5, beta: 0.5, m: .finite(1_000_000_000), d: 1e3, observedCoordinates: 58861299.74310272569, modelRichLoss: 1.9930348042515597394e-6),
    // L = 1.389e-13733831 underflows to 0 in Double.
    .init(alpha: 0.5, beta: 0.5, m: .finite(1_000_000_000), d: 1e12, observedCoordinates: 1000000000.0, modelRichLoss: 0),
    .init(alpha: 0, beta: 1, m: .finite(1_000_000), d: 1e4, observedCoordinates: 50329.46202454641669, modelRichLoss: 0.000098994984871495782925),
    // L = 2.519e-434307 underflows to 0 in Double.
    .init(alpha: 0, beta: 1, m: .finite(1_000_000), d: 1e12, observedCoordinates: 1000000.0, modelRichLoss: 0),
    .init(alpha: -0.9, beta: 1, m: .finite(1_000_000_000_000), d: 1e12, observedCoordinates: 851504493224.07795208, modelRichLoss: 0.014482721698879594647),
    .init(alpha: 1, beta: 3, m: .finite(1000), d: 1e5, observedCoordinates: 62.30270787904289477, modelRichLoss: 6.4127620874589934058e-8),
]

/// Cases whose summand is steep where a finite M cuts the sum (D·M^−β ≫ 1), so the loss is
/// dominated by the last coordinates.
let steepModelRichLossReferences: [SparseSumReference] = [
    // Brute force: Σ_{i=1}^{10^7} exp(−s·ln i + D·log1p(−exp(−β·ln i))) with numpy float64 terms
    // summed in long double (np.longdouble) → 1.20062717180485563524e-141. (The tanh-sinh reference
    // above needs breakpoints much finer than 0.05 in ln x to get this case right.) K ≈ M here.
    .init(alpha: 2.3508230617060843, beta: 0.28060297486591423, m: .finite(10_000_000), d: 25438.176548244726,
          observedCoordinates: 10_000_000, modelRichLoss: 1.20062717180485563524e-141),
    // The mpmath method above with breakpoints every 0.05 in ln x (L) and every 0.5 (K).
    .init(alpha: 2.7110397627197402, beta: 1.0126694321807717, m: .finite(1_000_000_000_000_000), d: 186210526213.81332,
          observedCoordinates: 1192921525810.0050213, modelRichLoss: 1.4520879144792368908e-41),
]

/// Σ_{i≤M} i^−s, computed with mpmath 1.3.0 (mp.dps = 30) as mp.zeta(s) − mp.zeta(s, M+1)
/// (mp.zeta(s) alone for M = ∞).
let powerSumReferences: [(s: Double, m: Int?, value: Double)] = [
    (3, nil, 1.20205690315959428539973816151),
    (1.5, nil, 2.61237534868548834334856756792),
    (2.5, nil, 1.34148725725091717975676969335),
    (1.1, nil, 10.5844484649508009509826043743),
    (1.01, nil, 100.577943338496783673086057313),
    (9, nil, 1.00200839282608221441785276923),
    (2, 1_000_000_000, 1.64493406584822643697241516648),
    (2, 1_000_000, 1.64493306684872643630574849998),
    (1.1, 1_000_000_000_000, 9.95349112047064135826804111083),
    (5, 1000, 1.03692775514312042591469911146),
    (1.5, 1_000_000_000, 2.6123121031323007871502244791),
    (1.01, 1_000_000_000_000, 24.7201858355788720781822221411),
]

/// |x − y| / |y| (or |x| when y = 0).
func relativeError(_ x: Double, _ y: Double) -> Double {
    y == 0 ? abs(x) : abs(x - y) / abs(y)
}
