import Foundation
import TestSupport
import Testing

/// Extreme but valid (or just invalid) model parameters through the real executable: every command
/// answers or refuses within 10 s, never by a signal, and never prints NaN or inf as a result.
@Suite("Extreme parameters: no crash, no hang, no NaN")
struct ExtremeParameterTests {
    /// A command, and whether it must answer (exit 0) or refuse (exit 1 or 2 with one `error:` line naming `fragment`).
    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let refusal: String?
        var testDescription: String { arguments.joined(separator: " ") }
    }

    /// Seconds after which a command counts as hung and is killed.
    static let timeout = 10.0

    /// The commands of issue 17 (crashes, hangs, NaN) and their neighbours.
    static let cases: [Case] = [
        // Crashed with "Double value cannot be converted to Int" in the quadrature.
        Case(arguments: ["theory", "--d", "1e306"], refusal: nil),
        Case(arguments: ["theory", "--n", "1e308", "--d", "1e308"], refusal: nil),
        Case(arguments: ["theory", "--beta", "50", "--d", "1e306"], refusal: nil),
        Case(arguments: ["theory", "--d", "1.7976931348623157e308"], refusal: nil),
        // Hung (panel width ∝ 1/α).
        Case(arguments: ["theory", "--alpha", "1e5", "--beta", "0.5", "--m", "1000000", "--d", "100"], refusal: nil),
        Case(arguments: ["theory", "--alpha", "1e5", "--beta", "0.5", "--m", "1000000000000", "--d", "100"], refusal: nil),
        Case(arguments: ["theory", "--alpha", "1e5", "--beta", "0.5", "--m", "1000000", "--d", "1e305"], refusal: nil),
        Case(arguments: ["theory", "--alpha", "1e300", "--beta", "2", "--d", "1e10", "--n", "100"], refusal: nil),
        Case(arguments: ["point", "--alpha", "1e5", "--beta", "0.5", "--m", "1000000", "--n", "8", "--d", "100"],
             refusal: "needs an estimated"),
        // NaN: i^−(1+α) overflowing while i^−β underflows, the binomial coefficients of D overflowing.
        Case(arguments: ["point", "--alpha", "-100", "--beta", "101", "--n", "4", "--d", "10"], refusal: nil),
        Case(arguments: ["point", "--alpha", "-100", "--beta", "101", "--n", "4", "--d", "10", "--format", "json"], refusal: nil),
        Case(arguments: ["point", "--alpha", "-1000", "--beta", "1000.5", "--n", "8", "--d", "100"], refusal: nil),
        Case(arguments: ["point", "--alpha", "-100", "--beta", "101", "--n", "4", "--d", "10", "--m", "100000"], refusal: nil),
        Case(arguments: ["point", "--alpha", "1e300", "--beta", "2", "--n", "8", "--d", "100"], refusal: nil),
        Case(arguments: ["theory", "--beta", "50", "--d", "1e200"], refusal: nil),
        Case(arguments: ["theory", "--beta", "0", "--alpha", "1", "--m", "10", "--n", "3", "--d", "5"], refusal: nil),
        // Values beyond the Double range are refused with the flag that causes them.
        Case(arguments: ["theory", "--beta", "1.000000000001", "--d", "1e300"], refusal: "--d"),
        Case(arguments: ["theory", "--alpha", "1e308", "--beta", "1e308"], refusal: "--alpha"),
        Case(arguments: ["theory", "--alpha", "1000", "--beta", "0.5", "--m", "10", "--n", "8", "--d", "8", "--noise", "0.01"], refusal: "--alpha"),
        // Experiments: a Double→Int trap on the collapse grid, measured/exact printed as inf, D^(α_D) overflowing.
        Case(arguments: ["experiment", "collapse", "--beta", "0.1", "--out", "out"], refusal: "--beta"),
        Case(arguments: ["experiment", "collapse", "--alpha", "300", "--out", "out"], refusal: "--alpha"),
        Case(arguments: ["experiment", "model-rich-loss", "--alpha", "1000", "--out", "out"], refusal: "--alpha"),
        // GD failures by importance sampling: q_i = p_i·(1 + θ(i/i₀)^γ) was 0·inf = NaN → ½ for every i up to 2^62 (a hang).
        Case(arguments: ["experiment", "gd-failure", "--alpha", "-1.5", "--beta", "1e5", "--d", "100,1000",
                         "--replicates", "50", "--estimator", "importance"], refusal: nil),
        Case(arguments: ["experiment", "gd-failure", "--alpha", "-10", "--beta", "11", "--d", "100",
                         "--replicates", "50", "--estimator", "importance"], refusal: nil),
        Case(arguments: ["experiment", "gd-failure", "--alpha", "-60", "--beta", "61", "--d", "100",
                         "--replicates", "50", "--estimator", "importance"], refusal: "--estimator"),
        // β at or below 1: M = ∞ is refused once the index cap would drop more than 1% of the entries; a finite
        // M runs (the sublinear sampler's rest law tabulated whole, not searched by series) or is refused by memory.
        Case(arguments: ["point", "--beta", "1.05", "--n", "8", "--d", "100"], refusal: "--m"),
        Case(arguments: ["point", "--beta", "0.5", "--n", "8", "--d", "100", "--sampler", "sublinear"], refusal: "--m"),
        Case(arguments: ["point", "--beta", "1.0", "--m", "100000", "--n", "8", "--d", "1000", "--sampler", "sublinear"], refusal: nil),
        Case(arguments: ["point", "--beta", "0.5", "--m", "100000", "--n", "8", "--d", "100", "--sampler", "sublinear"], refusal: nil),
        Case(arguments: ["point", "--beta", "0.5", "--m", "100000", "--n", "8", "--d", "100"], refusal: "needs an estimated"),
        Case(arguments: ["point", "--beta", "1.0", "--m", "1e18", "--n", "8", "--d", "100"], refusal: nil),
        // Experiments have no --m: just above β = 1 they run on their finite M (a note says so) instead of refusing
        // with a flag they do not have.
        Case(arguments: ["experiment", "observed-coordinates", "--beta", "1.05", "--d", "100", "--seeds", "2", "--out", "out"], refusal: nil),
        // Loops whose length comes from the input are bounded.
        Case(arguments: ["point", "--n", "4", "--d", "10", "--m", "1e18", "--tail", "realized"], refusal: "--tail"),
        Case(arguments: ["point", "--alpha", "1e-20", "--beta", "0", "--m", "100000", "--n", "4", "--d", "10"],
             refusal: "needs an estimated"),
    ]

    @Test("Issue 17's crashes, hangs and NaNs answer or refuse cleanly", arguments: cases)
    func extremeCommand(_ c: Case) throws {
        try withTemporaryFolder { folder in
            let output = try Self.run(c.arguments, in: folder)
            if let fragment = c.refusal {
                #expect(output.status == 1 || output.status == 2, "status \(output.status): \(output.stderr)")
                #expect(output.stderr.hasPrefix("error:") && output.stderr.contains(fragment), "\(output.stderr)")
            } else {
                #expect(output.status == 0, "status \(output.status): \(output.stderr)")
            }
            #expect(Self.nonFiniteResult(in: output.stdout) == nil, "\(Self.nonFiniteResult(in: output.stdout) ?? "")")
        }
    }

    @Test("A seeded sample of random extreme theory inputs through the executable")
    func theoryFuzzThroughCLI() throws {
        var rng = SplitMix64(state: 2026)
        var answered = 0, refused = 0
        try withTemporaryFolder { folder in
            for _ in 0..<30 {
                let arguments = Self.randomTheoryArguments(&rng)
                let output = try Self.run(arguments, in: folder)
                let line = arguments.joined(separator: " ")
                if output.status == 0 {
                    answered += 1
                    #expect(Self.nonFiniteResult(in: output.stdout) == nil, "\(line): \(Self.nonFiniteResult(in: output.stdout) ?? "")")
                } else {
                    refused += 1
                    #expect(output.status == 2, "\(line): status \(output.status)")
                    let lines = output.stderr.split(separator: "\n")
                    #expect(lines.count == 1 && lines[0].hasPrefix("error:") && lines[0].contains("--"), "\(line): \(output.stderr)")
                }
            }
        }
        #expect(answered >= 15, "answered \(answered), refused \(refused)")
    }

    /// Runs a command, killing it after `timeout` seconds; a kill or any other signal fails the test.
    static func run(_ arguments: [String], in folder: URL) throws -> CLI.Output {
        let start = Date()
        let output = try CLI.run(arguments, in: folder, killAfter: timeout)
        let seconds = Date().timeIntervalSince(start)
        #expect(!output.signaled, "\(arguments.joined(separator: " ")): killed or crashed after \(seconds) s: \(output.stderr)")
        return output
    }

    /// The first text or JSON token on a result line that is NaN or infinite (the `M inf` rows are
    /// the input dimension, not a result), or nil.
    static func nonFiniteResult(in stdout: String) -> String? {
        var lines = stdout.lowercased().split(separator: "\n").map(String.init)
        // M = ∞ is written inf on purpose, in JSON ("m" : "inf") as in CSV (the m column): drop that column.
        if let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false), let m = header.firstIndex(of: "m") {
            lines = lines.map { line in
                var fields = line.split(separator: ",", omittingEmptySubsequences: false)
                if fields.count == header.count { fields.remove(at: m) }
                return fields.joined(separator: ",")
            }
        }
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("m ") || trimmed.hasPrefix("| m ") || trimmed.hasPrefix("\"m\" :") { continue }
            let tokens = trimmed.split(whereSeparator: { " \t|,:{}[]\"".contains($0) })
            if let bad = tokens.first(where: { ["nan", "-nan", "inf", "-inf", "+inf", "infinity"].contains(String($0)) }) {
                return "\(bad) in: \(line)"
            }
        }
        return nil
    }

    /// `theory` flags with extreme α, β, M, N and D (α + β > 0 and M = ∞ only with β > 1, mostly).
    static func randomTheoryArguments(_ rng: inout SplitMix64) -> [String] {
        let beta = rng.pick([0, 1e-300, 0.01, 0.5, 1, 1.000001, 1.01, 2, 50, 1e5, 1e300] as [Double])
        let alpha = rng.pick([-beta + 1e-12, -beta * 0.999, -1.5, 0, 3, 1e5, 1e300].filter { $0 + beta > 0 } + [0.5])
        var arguments = ["theory", "--alpha", "\(alpha)", "--beta", "\(beta)"]
        arguments += ["--m", beta > 1 ? rng.pick(["inf", "inf", "1000000", "9223372036854775807"]) : rng.pick(["1", "20000", "1000000000", "9223372036854775807"])]
        if rng.unit() < 0.8 { arguments += ["--n", "\(rng.pick([1, 1e3, 1e100, 1e308] as [Double]))"] }
        if rng.unit() < 0.9 { arguments += ["--d", "\(rng.pick([1, 1.5, 1e6, 1e100, 1e200, 1e306, 1e308, 1.7976931348623157e308] as [Double]))"] }
        if rng.unit() < 0.3 { arguments += ["--format", "json"] }
        return arguments
    }
}
