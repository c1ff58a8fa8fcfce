import Foundation

/// Whether one series' exponent agrees with the shared exponent of the other series: a Welch
/// t test on the difference of the two estimates (their noise levels need not be equal).
public struct ExponentConsistencyTest: Sendable, Codable, Hashable {
    /// The candidate series fitted on its own.
    public var candidate: PowerLawFit
    /// The other series fitted jointly (one series: its single fit re-expressed as the shared exponent).
    public var othersSharedExponent: Double
    /// Standard error of the others' shared exponent.
    public var othersSharedExponentStandardError: Double
    /// Residual degrees of freedom behind the others' standard error.
    public var othersDegreesOfFreedom: Int
    /// The joint fit of the others, when there are at least two of them.
    public var othersJointFit: JointPowerLawFit?
    /// candidate exponent − others' shared exponent.
    public var difference: Double
    /// √(SE_candidate² + SE_others²).
    public var differenceStandardError: Double
    /// difference / its standard error.
    public var tStatistic: Double
    /// Welch–Satterthwaite degrees of freedom of the t statistic.
    public var degreesOfFreedom: Double
    /// Two-sided p-value of the t statistic.
    public var pValue: Double
    /// The significance level of the verdict.
    public var significanceLevel: Double

    /// True when the candidate's exponent is consistent with the others' (pValue ≥ level).
    public var isConsistent: Bool { pValue >= significanceLevel }
    /// others' shared exponent / candidate exponent (e.g. α_N/α_D ≈ β in the paper's Fig. 5).
    public var exponentRatio: Double { othersSharedExponent / candidate.exponent }
    /// First-order (delta-method) standard error of `exponentRatio`.
    public var exponentRatioStandardError: Double {
        let r = exponentRatio
        let a = othersSharedExponentStandardError / othersSharedExponent
        let b = candidate.exponentStandardError / candidate.exponent
        return abs(r) * (a * a + b * b).squareRoot()
    }

    /// Compares `candidate` with the shared exponent of `others` (≥ 1 series, each ≥ 3 points).
    public init(candidate: [ScalingPoint], others: [[ScalingPoint]], tail: Int? = nil,
                weighting: FitWeighting = .unweighted,
                significanceLevel: Double = 0.05) throws(AnalysisError) {
        guard significanceLevel > 0, significanceLevel < 1 else {
            throw .invalidParameter(name: "significance level", value: significanceLevel,
                                    allowed: "a probability strictly between 0 and 1")
        }
        guard !others.isEmpty else {
            throw .tooFewPoints(what: "consistency test (other series)", count: 0, required: 1)
        }
        let fit = try PowerLawFit(points: candidate, tail: tail, weighting: weighting)
        self.candidate = fit
        if others.count == 1 {
            let single = try PowerLawFit(points: others[0], tail: tail, weighting: weighting)
            othersSharedExponent = single.exponent
            othersSharedExponentStandardError = single.exponentStandardError
            othersDegreesOfFreedom = single.degreesOfFreedom
            othersJointFit = nil
        } else {
            let joint = try JointPowerLawFit(series: others, tail: tail, weighting: weighting,
                                             significanceLevel: significanceLevel)
            othersSharedExponent = joint.sharedExponent
            othersSharedExponentStandardError = joint.sharedExponentStandardError
            othersDegreesOfFreedom = joint.pointCount - joint.seriesCount - 1
            othersJointFit = joint
        }
        let v1 = fit.exponentStandardError * fit.exponentStandardError
        let v2 = othersSharedExponentStandardError * othersSharedExponentStandardError
        difference = fit.exponent - othersSharedExponent
        differenceStandardError = (v1 + v2).squareRoot()
        let nu1 = Double(fit.degreesOfFreedom), nu2 = Double(othersDegreesOfFreedom)
        let welch = (v1 + v2) * (v1 + v2) / (v1 * v1 / nu1 + v2 * v2 / nu2)
        degreesOfFreedom = welch.isFinite && welch > 0 ? welch : nu1 + nu2
        if differenceStandardError > 0 {
            tStatistic = difference / differenceStandardError
        } else {
            tStatistic = difference == 0 ? 0 : (difference > 0 ? .infinity : -.infinity)
        }
        pValue = StudentT.twoSidedPValue(tStatistic, degreesOfFreedom: degreesOfFreedom)
        self.significanceLevel = significanceLevel
    }
}
