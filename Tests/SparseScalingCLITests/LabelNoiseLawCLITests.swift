import Foundation
import Testing
import TestSupport

/// OUR label-noise law (`theory --noise`, docs/theory-label-noise.md) against the simulator (`sweep --noise`)
/// through the command line: the fraction of 300 seeds below each predicted quantile.
@Suite("Label-noise law against 300 simulated seeds", .serialized, .heavy)
struct LabelNoiseLawCLITests {
    /// (setting, first seed): β = 1.7 with shared samples; α = 0.3, β = 2 at N = 1024, where the finite-N tail
    /// T·‖ŵ_S‖²/(N − rank − 1) (noise in ŵ ∝ a_i^−½) multiplies the law's median several times over its N = ∞ value.
    static let settings: [([String], Int)] = [
        (["--alpha", "0", "--beta", "1.7", "--n", "2048", "--d", "1500", "--noise", "0.2"], 9000),
        (["--alpha", "0.3", "--beta", "2", "--n", "1024", "--d", "10000", "--noise", "0.1"], 700_000),
    ]

    @Test("every fraction within 3 binomial SE of its level", arguments: settings)
    func fractionsBelowPredictedQuantiles(setting: [String], firstSeed: Int) throws {
        try withTemporaryFolder { folder in
            let seeds = 300
            let sweep = try CLI.run(["sweep"] + setting + ["--seeds", "\(seeds)", "--first-seed", "\(firstSeed)", "--store", "s.sqlite", "--quiet"], in: folder)
            #expect(sweep.status == 0, "\(sweep.stderr)")
            let rows = try CLI.run(["results", "--store", "s.sqlite", "--format", "csv"], in: folder)
            let lines = rows.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            let column = try #require(lines.first?.firstIndex(of: "loss"))
            let losses = lines.dropFirst().compactMap { Double($0[column]) }
            #expect(losses.count == seeds)
            let theory = try CLI.run(["theory"] + setting + ["--format", "json"], in: folder)
            #expect(theory.status == 0, "\(theory.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(theory.stdout.utf8)) as? [String: Any]
            let quantiles = try #require(object?["loss_quantiles"] as? [String: Double])
            // Binomial SE √(q(1 − q)/300) = 0.017–0.029; the law's own MC error (≤ 0.011 at its fewest draws)
            // is added in quadrature.
            for (q, key) in zip([0.1, 0.25, 0.5, 0.75, 0.9], ["q10", "q25", "q50", "q75", "q90"]) {
                let predicted = try #require(quantiles[key])
                let fraction = Double(losses.filter { $0 < predicted }.count) / Double(losses.count)
                let se = (q * (1 - q) * (1 / Double(seeds) + 1 / 2000.0)).squareRoot()
                #expect(abs(fraction - q) < 3 * se, "\(key): \(fraction) below \(predicted)")
            }
        }
    }
}

/// `theory --noise` refuses sizes whose law would take minutes (E[K(D)] > 2·10⁴), naming --d, before any work.
@Suite("Label-noise law size limit")
struct LabelNoiseLawLimitTests {
    @Test("β = 1.5, D = 1e7 (E[K] ≈ 1.2e5): one-line error naming --d, exit 2")
    func refusesTooManyObservedCoordinates() throws {
        try withTemporaryFolder { folder in
            let run = try CLI.run(["theory", "--beta", "1.5", "--noise", "0.1", "--n", "1e6", "--d", "1e7"], in: folder)
            #expect(run.status == 2)
            #expect(run.stderr.hasPrefix("error:") && run.stderr.contains("--d") && run.stdout.isEmpty, "\(run.stderr)")
        }
    }
}
