import Foundation
import Testing

/// Iterative solvers say whether they converged: iterations, converged and the final relative gradient
/// norm in text, JSON and the store; a warning on stderr when the cap was hit; sweeps count such runs.
@Suite("Convergence of iterative solvers is reported")
struct ConvergenceReportTests {
    static func json(_ text: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw TestFailure("not a JSON object: \(text)")
        }
        return object
    }

    @Test("a run stopped at the cap warns on stderr and says converged = false", arguments: ["gd", "nesterov", "sgd"])
    func capHit(solver: String) throws {
        try withTemporaryFolder { folder in
            let output = try CLI.run(["point", "--n", "16", "--d", "64", "--solver", solver, "--max-iterations", "1", "--format", "json"], in: folder)
            #expect(output.status == 0, "\(output.stderr)")
            let lines = output.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].hasPrefix("warning: \(solver) did not converge"), "\(output.stderr)")
            let object = try Self.json(output.stdout)
            #expect(object["iterations"] as? Int == 1)
            #expect(object["converged"] as? Bool == false)
            #expect((object["relative_gradient_norm"] as? Double).map { $0 > 1e-10 && $0.isFinite } == true)
            let text = try CLI.run(["point", "--n", "16", "--d", "64", "--solver", solver, "--max-iterations", "1"], in: folder)
            #expect(text.stdout.contains("converged"))
            #expect(text.stdout.contains("no (stopped at the"))
            #expect(!text.stdout.contains("loss standard error      exact\n"))
        }
    }

    @Test("a converged run says so, agrees with the exact solver, and warns about nothing")
    func converged() throws {
        try withTemporaryFolder { folder in
            let exact = try Self.json(CLI.run(["point", "--n", "16", "--d", "64", "--seed", "3", "--format", "json"], in: folder).stdout)
            let output = try CLI.run(["point", "--n", "16", "--d", "64", "--seed", "3", "--solver", "nesterov", "--format", "json"], in: folder)
            #expect(output.status == 0)
            #expect(output.stderr.isEmpty, "\(output.stderr)")
            let object = try Self.json(output.stdout)
            #expect(object["converged"] as? Bool == true)
            #expect((object["relative_gradient_norm"] as? Double).map { $0 < 1e-10 } == true)
            let loss = try #require(object["loss"] as? Double), reference = try #require(exact["loss"] as? Double)
            #expect(abs(loss - reference) <= 1e-5 * reference)
            #expect(exact["converged"] == nil && exact["iterations"] == nil)
        }
    }

    @Test("gd at α = 0.4, β = 2.3, N = 48, D = 400, seed 21 either matches the exact loss or says it did not converge")
    func honestGD() throws {
        try withTemporaryFolder { folder in
            let common = ["point", "--alpha", "0.4", "--beta", "2.3", "--n", "48", "--d", "400", "--seed", "21", "--format", "json"]
            let exact = try Self.json(CLI.run(common, in: folder).stdout)
            let output = try CLI.run(common + ["--solver", "gd"], in: folder)
            #expect(output.status == 0)
            let object = try Self.json(output.stdout)
            let loss = try #require(object["loss"] as? Double), reference = try #require(exact["loss"] as? Double)
            let converged = try #require(object["converged"] as? Bool)
            if converged {
                #expect(abs(loss - reference) <= 1e-4 * reference, "converged but \(loss) vs exact \(reference)")
                #expect(output.stderr.isEmpty)
            } else {
                #expect(output.stderr.contains("warning: gd did not converge"))
            }
        }
    }

    @Test("SGD's rank is at most K and N")
    func sgdRank() throws {
        try withTemporaryFolder { folder in
            let output = try CLI.run(["point", "--n", "48", "--d", "30", "--solver", "sgd", "--max-iterations", "50", "--format", "json"], in: folder)
            #expect(output.status == 0, "\(output.stderr)")
            let object = try Self.json(output.stdout)
            let rank = try #require(object["rank"] as? Int), k = try #require(object["observed_coordinates"] as? Int)
            let exact = try Self.json(CLI.run(["point", "--n", "48", "--d", "30", "--format", "json"], in: folder).stdout)
            #expect(rank <= k && rank <= 48)
            #expect(rank == exact["rank"] as? Int)
        }
    }

    @Test("the store keeps iterations and convergence; a sweep counts runs that did not converge")
    func storedAndCounted() throws {
        try withTemporaryFolder { folder in
            let sweep = try CLI.run(["sweep", "--n", "8,16", "--d", "64", "--solver", "gd", "--max-iterations", "2", "--seeds", "2", "--store", "s.sqlite"], in: folder)
            #expect(sweep.status == 0, "\(sweep.stderr)")
            #expect(sweep.stdout.contains("not converged: 4 of 4 runs"))
            #expect(sweep.stderr.contains("warning: not converged: 4 of 4 runs"))
            let json = try CLI.run(["sweep", "--n", "8,16", "--d", "64", "--solver", "gd", "--max-iterations", "2", "--seeds", "2", "--store", "s.sqlite", "--format", "json"], in: folder)
            #expect(try Self.json(json.stdout)["not_converged"] as? Int == 4)
            let results = try CLI.run(["results", "--store", "s.sqlite", "--format", "json"], in: folder)
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(results.stdout.utf8)) as? [[String: Any]])
            #expect(rows.count == 4)
            for row in rows {
                #expect(row["iterations"] as? Int == 2)
                #expect(row["converged"] as? Bool == false)
                #expect((row["relative_gradient_norm"] as? Double).map { $0 > 0 } == true)
            }
            let csv = try CLI.run(["results", "--store", "s.sqlite", "--format", "csv"], in: folder)
            #expect(csv.stdout.split(separator: "\n").first?.contains(",iterations,converged,relative_gradient_norm,") == true)
            // An exact sweep converges by construction: no count, no warning.
            let exact = try CLI.run(["sweep", "--n", "8,16", "--d", "64", "--seeds", "2", "--store", "t.sqlite"], in: folder)
            #expect(!exact.stdout.contains("not converged"))
            #expect(exact.stderr.isEmpty, "\(exact.stderr)")
        }
    }
}
