import Testing
@testable import ScalingAnalysis

/// References: scipy.stats.binomtest(k, n).proportion_ci(confidence_level, method='wilson') (scipy 1.17.1).
@Suite struct WilsonIntervalTests {
    @Test func matchesScipy() throws {
        let a = try WilsonInterval(count: 3, trials: 40)
        #expect(relativeError(a.lower, 0.025836025774588198) < 1e-12)
        #expect(relativeError(a.upper, 0.19864233524310543) < 1e-12)
        let b = try WilsonInterval(count: 0, trials: 25)
        #expect(b.lower == 0)
        #expect(relativeError(b.upper, 0.1331922509390485) < 1e-12)
        let c = try WilsonInterval(count: 17, trials: 20, confidenceLevel: 0.9)
        #expect(relativeError(c.lower, 0.6781719243246932) < 1e-12)
        #expect(relativeError(c.upper, 0.9384175895226318) < 1e-12)
        #expect(c.proportion == 0.85)
    }

    @Test func refusesBadCounts() {
        #expect(throws: AnalysisError.self) { try WilsonInterval(count: 5, trials: 4) }
        #expect(throws: AnalysisError.self) { try WilsonInterval(count: 0, trials: 0) }
        #expect(throws: AnalysisError.self) { try WilsonInterval(count: 1, trials: 4, confidenceLevel: 1) }
    }
}
