import Foundation
import Testing
@testable import ScalingTheory

@Suite("TheoryReport")
struct TheoryReportTests {
    static let requiredKeys = [
        "alpha", "beta", "m", "n", "d", "alpha_n", "alpha_d", "asymmetry_ratio", "law",
        "observed_coordinates_exact", "observed_coordinates_asymptotic", "model_rich_loss_exact",
        "model_rich_loss_asymptotic", "total_variance", "interpolation_threshold", "regime",
        "compute_optimal", "solver_costs", "gd_spikes_possible", "gd_failure_exponent",
    ]

    func object(_ report: TheoryReport) throws -> [String: Any] {
        let data = Data(try report.jsonString().utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("Without N and D every key is present and the size-dependent ones are null")
    func nullsAreExplicit() throws {
        let report = try TheoryReport(parameters: DataParameters(alpha: 0, beta: 2))
        let json = try object(report)
        for key in Self.requiredKeys { #expect(json.keys.contains(key), "missing \(key)") }
        #expect(json["m"] as? String == "inf", "M = ∞ is written inf, not null (not given)")
        for key in ["n", "d", "observed_coordinates_exact", "observed_coordinates_asymptotic",
                    "model_rich_loss_exact", "model_rich_loss_asymptotic", "interpolation_threshold",
                    "regime", "gd_failure_exponent"] {
            #expect(json[key] is NSNull, "\(key) should be null")
        }
        let costs = try #require(json["solver_costs"] as? [String: Any])
        #expect(costs["at_point"] is NSNull)
        let optimal = try #require(json["compute_optimal"] as? [String: Any])
        #expect(optimal["n_exponent"] as? Double == 0.25)
        #expect(optimal["d_exponent"] as? Double == 0.5)
        #expect(optimal["loss_exponent"] as? Double == -0.5)
        #expect(json["law"] as? String == "two-exponent")
    }

    @Test("With N and D the report carries the exact sums, regime and costs, and round-trips")
    func fullReport() throws {
        let p = try DataParameters(alpha: -1.5, beta: 2)
        let report = try TheoryReport(parameters: p, featureCount: 1e7, sampleCount: 1e12)
        #expect(report.observedCoordinatesExact! == p.expectedObservedCoordinates(sampleCount: 1e12))
        #expect(relativeError(report.modelRichLossExact!, 0.0018128049541106709052) < 1e-10)
        #expect(report.regime == .intermediate)
        #expect(report.gdSpikesPossible && report.gdFailureExponent == -1)
        #expect(report.solverCosts.estimate?.regime == .intermediate)
        let json = try object(report)
        #expect(json["regime"] as? String == "intermediate")
        #expect(json["m"] as? String == "inf")
        #expect(json["d"] as? Double == 1e12)
        let decoded = try JSONDecoder().decode(TheoryReport.self, from: Data(try report.jsonString().utf8))
        #expect(decoded == report)
    }

    @Test("Finite M and β ≤ 1: m is a number and the asymptotes are null")
    func finiteM() throws {
        let p = try DataParameters(alpha: 0.5, beta: 0.5, inputDimension: .finite(1_000_000_000))
        let report = try TheoryReport(parameters: p, featureCount: 100, sampleCount: 1e3)
        let json = try object(report)
        #expect(json["m"] as? Int == 1_000_000_000)
        #expect(json["observed_coordinates_asymptotic"] is NSNull)
        #expect(json["model_rich_loss_asymptotic"] is NSNull)
        #expect(json["law"] as? String == "one-exponent")
        #expect(relativeError(report.observedCoordinatesExact!, 58861299.74310272569) < 1e-10)
    }

    @Test("The text table has one aligned row per quantity")
    func textTable() throws {
        let report = try TheoryReport(parameters: DataParameters(alpha: 0, beta: 2), featureCount: 1000, sampleCount: 1e6)
        let text = report.textTable()
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("|") }
        #expect(rows.count > 25)
        #expect(Set(rows.map(\.count)).count == 1, "rows are aligned")
        #expect(text.contains("| regime"))
        #expect(text.contains("underparameterized"))
        #expect(text.contains("two-exponent"))
    }
}
