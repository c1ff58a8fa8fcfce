import Testing
@testable import SparseScaling

/// What a sweep says when it cannot fit.
@Suite("Sweep result")
struct SweepResultTests {
    @Test("fewer than 3 points outside the peak band: the note counts them, not an 'invalid tail 1.0'")
    func tooFewPointsOutsideThePeakBand() throws {
        let parameters = try DataParameters(alpha: 0, beta: 2)
        // N = 8, 16, 32 at D = 64: E[K] ≈ 12.5, so 8 and 16 lie in the predicted peak band.
        let points = [8, 16, 32].map { n in
            MeasuredPoint(specification: PointSpecification(parameters: parameters, featureCount: n, sampleCount: 64),
                          losses: [0.02, 0.03], meanObservedCoordinates: 12.5, meanSeconds: 0)
        }
        let result = SweepResult(points: points, variable: .n, fitTail: 5)
        #expect(result.fit == nil)
        let note = try #require(result.fitNote)
        #expect(!note.contains("invalid tail"), "\(note)")
        #expect(note.contains("a fit needs at least 3"), "\(note)")
    }
}
