import Foundation
import TestSupport
import Testing
@testable import ScalingTheory

@Suite("Random theory inputs: no crash, no hang, no NaN or inf")
struct TheoryFuzzTests {
    /// Slowest acceptable case (a debug build; release is several times faster).
    static let secondsPerCase = 5.0

    @Test("250 seeded combinations of extreme α, β, N, D, M: a finite report or a clean ParameterError")
    func fuzz() throws {
        // FUZZ_CASES and FUZZ_SEED widen the search by hand; the suite runs the fixed 250.
        let environment = ProcessInfo.processInfo.environment
        let count = environment["FUZZ_CASES"].flatMap(Int.init) ?? 250
        let seed = environment["FUZZ_SEED"].flatMap(UInt64.init) ?? 17
        let cases = TheoryFuzzCase.generate(count: count, seed: seed)
        var reports = 0, refusals = 0, expansionChecks = 0, slowest = 0.0
        for c in cases {
            let start = Date()
            let outcome = c.evaluate()
            let seconds = Date().timeIntervalSince(start)
            slowest = max(slowest, seconds)
            if ProcessInfo.processInfo.environment["FUZZ_VERBOSE"] != nil, seconds > 0.5 { print("SLOW \(seconds) \(c)") }
            #expect(seconds < Self.secondsPerCase, "\(c): \(seconds) s")
            switch outcome {
            case let .success(report):
                reports += 1
                let problem = try report.renderingProblem()
                #expect(problem == nil, "\(c): \(problem ?? "")")
                if report.m == nil, report.beta >= 1.01, let d = report.d, log10(d) / report.beta >= 6 { expansionChecks += 1 }
                if let mismatch = report.asymptoteMismatch() { Issue.record("\(c): \(mismatch)") }
            case let .failure(error):
                refusals += 1
                if ProcessInfo.processInfo.environment["FUZZ_VERBOSE"] != nil { print("REFUSED \(c) → \(error)") }
                let message = error.description
                // One line naming the parameter (the CLI maps it to its flag), never a flag itself.
                #expect(!message.contains("\n") && !message.contains("--") && message.contains("for \(error.parameter.symbol):"), "\(c): \(message)")
            }
        }
        print("theory fuzz: \(cases.count) cases, \(reports) reports, \(refusals) refusals, \(expansionChecks) checked against the large-D expansions, slowest \(String(format: "%.3f", slowest)) s")
        // The generator must exercise both outcomes, or the test would prove little.
        #expect(reports > count * 2 / 5 && refusals > count / 25)
    }

    @Test("60 seeded extreme large-D inputs with M = ∞: the exact sums match their large-D expansions")
    func largeSampleCountExpansions() throws {
        var rng = SplitMix64(state: 4242)
        var checked = 0
        for _ in 0..<60 {
            let beta = pow(10, log10(1.01) + (2 - log10(1.01)) * rng.unit())  // 1.01 … 100
            let alpha = rng.unit() < 0.5 ? -beta + rng.logUniform(-6, 0) : rng.logUniform(-3, log10(19 * beta))
            let d = rng.logUniform(min(6 * beta, 300), 308.25)
            let c = TheoryFuzzCase(alpha: alpha, beta: beta, m: nil, n: rng.logUniform(0, 308), d: d)
            guard case let .success(report) = c.evaluate() else { continue }  // E[K] beyond 1.8e308 is refused
            #expect(try report.renderingProblem() == nil, "\(c)")
            if let mismatch = report.asymptoteMismatch() { Issue.record("\(c): \(mismatch)") }
            if log10(d) / beta >= 6 { checked += 1 }  // where `asymptoteMismatch` applies
        }
        #expect(checked >= 40, "only \(checked) cases checked")
    }
}
