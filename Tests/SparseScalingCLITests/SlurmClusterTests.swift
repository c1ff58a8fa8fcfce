import Foundation
import Testing
import TestSupport

/// The job scripts of docs/cluster.md (scripts/slurm/sweep.sbatch and merge.sbatch), submitted to a
/// real one-node Slurm cluster started by scripts/slurm-local.sh: the merged shards equal an
/// unsharded run bit for bit, and a cancelled array task blocks the merge until its index is
/// re-submitted. Skipped, with the reason printed, when Slurm cannot start on this machine. Heavy tier.
@Suite("Slurm cluster", .serialized, .heavy)
struct SlurmClusterTests {
    /// Shards of the test's array (the documented default is 16).
    static let shards = 4
    /// The reference sweep's arguments, given to both job scripts.
    static let sweepArguments = Array(ReferenceSweep.arguments.dropFirst())
    /// Resources of each array task: one CPU, so that the two cores of a small machine run two tasks.
    static let taskOptions = ["--cpus-per-task=1", "--mem=1G"]
    /// The longest the test waits for a group of jobs (they take seconds alone, a minute or two
    /// while the rest of the suite loads the machine).
    static let timeout = 300.0

    @Test("sweep.sbatch as an array and merge.sbatch after it (afterok) equal one unsharded run bit for bit")
    func arrayAndMerge() throws {
        let reference = try ReferenceSweep.rows.get()
        try withCluster { cluster, folder in
            let array = try cluster.submit(
                "sweep.sbatch", options: ["--array=1-\(Self.shards)"] + Self.taskOptions, arguments: Self.sweepArguments,
                extraEnvironment: ["SHARDS": "\(Self.shards)"], in: folder)
            let merge = try cluster.submit("merge.sbatch", options: ["--dependency=afterok:\(array)", "--mem=1G"], arguments: Self.sweepArguments, in: folder)
            let submitted = Date()
            try cluster.wait(timeout: Self.timeout, "the array and the merge") { LocalSlurm.finished(array, in: $0) && LocalSlurm.finished(merge, in: $0) }
            print("Slurm cluster: \(Self.shards) array tasks and the merge ran in \(Int(Date().timeIntervalSince(submitted).rounded())) s")

            let jobs = try cluster.jobs()
            for k in 1...Self.shards { #expect(jobs["\(array)_\(k)"]?.state == "COMPLETED", "array task \(k)") }
            #expect(jobs[merge]?.state == "COMPLETED")
            // Each task stored its own part; the parts are disjoint and together the whole sweep.
            var union: [String] = []
            for k in 1...Self.shards {
                let rows = try CLI.storedRows("results/shards/shard-\(k).sqlite", in: folder)
                #expect(!rows.isEmpty, "shard \(k) is empty")
                union += rows
            }
            #expect(union.sorted() == reference, "the shards do not partition the sweep")
            // The merge job's store and its CSV equal the unsharded run; its sweep found nothing to compute.
            #expect(try CLI.storedRows("results/sparse-scaling.sqlite", in: folder) == reference)
            let points = try String(contentsOf: folder.appendingPathComponent("results/points.csv"), encoding: .utf8)
            #expect(try Self.rows(ofCSV: points) == reference, "results/points.csv differs from the unsharded run")
            let report = try String(contentsOf: folder.appendingPathComponent("results/sweep.txt"), encoding: .utf8)
            #expect(report.contains("\"points\""), "results/sweep.txt: \(report.prefix(300))")
        }
    }

    @Test("a cancelled array task keeps the afterok merge from running; re-submitting its index completes the result")
    func cancelAndResubmit() throws {
        let reference = try ReferenceSweep.rows.get()
        try withCluster { cluster, folder in
            // Held, so that task 2 is surely cancelled before it runs.
            let array = try cluster.submit(
                "sweep.sbatch", options: ["--hold", "--array=1-\(Self.shards)"] + Self.taskOptions, arguments: Self.sweepArguments,
                extraEnvironment: ["SHARDS": "\(Self.shards)"], in: folder)
            try cluster.command("scancel", ["\(array)_2"])
            let merge = try cluster.submit("merge.sbatch", options: ["--dependency=afterok:\(array)", "--mem=1G"], arguments: Self.sweepArguments, in: folder)
            try cluster.command("scontrol", ["release", array])
            try cluster.wait(timeout: Self.timeout, "the other array tasks, and the merge's dependency to fail") {
                LocalSlurm.finished(array, in: $0) && $0[merge]?.reason == "DependencyNeverSatisfied"
            }

            let jobs = try cluster.jobs()
            // A task cancelled while pending may already be gone from the controller's list.
            #expect([nil, "CANCELLED"].contains(jobs["\(array)_2"]?.state), "array task 2: \(String(describing: jobs["\(array)_2"]))")
            for k in 1...Self.shards where k != 2 { #expect(jobs["\(array)_\(k)"]?.state == "COMPLETED", "array task \(k)") }
            #expect(jobs[merge]?.state == "PENDING", "the merge must not run after a failed task")
            let manager = FileManager.default
            #expect(!manager.fileExists(atPath: folder.appendingPathComponent("results/sparse-scaling.sqlite").path), "the merge ran")
            #expect(!manager.fileExists(atPath: folder.appendingPathComponent("logs/merge.out").path), "the merge ran")
            #expect(!manager.fileExists(atPath: folder.appendingPathComponent("results/shards/shard-2.sqlite").path), "task 2 ran")
            #expect(!manager.fileExists(atPath: folder.appendingPathComponent("logs/shard-2.out").path), "task 2 ran")
            // What the other three tasks computed is a strict part of the sweep.
            let partial = try CLI.run(["merge", "results/shards/shard-1.sqlite", "results/shards/shard-3.sqlite", "results/shards/shard-4.sqlite",
                                       "--into", "partial.sqlite"], in: folder)
            #expect(partial.status == 0, "\(partial.stderr)")
            let partialRows = try CLI.storedRows("partial.sqlite", in: folder)
            #expect(Set(partialRows).isSubset(of: Set(reference)) && partialRows.count < reference.count,
                    "\(partialRows.count) of \(reference.count) rows without task 2")

            // As docs/cluster.md says: re-submit index 2, then the merge after it.
            try cluster.command("scancel", [merge])
            let again = try cluster.submit(
                "sweep.sbatch", options: ["--array=2"] + Self.taskOptions, arguments: Self.sweepArguments,
                extraEnvironment: ["SHARDS": "\(Self.shards)"], in: folder)
            let secondMerge = try cluster.submit(
                "merge.sbatch", options: ["--dependency=afterok:\(again)", "--mem=1G"], arguments: Self.sweepArguments, in: folder)
            try cluster.wait(timeout: Self.timeout, "the re-submitted task and the merge") {
                LocalSlurm.finished(again, in: $0) && LocalSlurm.finished(secondMerge, in: $0)
            }
            let after = try cluster.jobs()
            #expect(after["\(again)_2"]?.state == "COMPLETED")
            #expect(after[secondMerge]?.state == "COMPLETED")
            #expect(try CLI.storedRows("results/sparse-scaling.sqlite", in: folder) == reference)
            let points = try String(contentsOf: folder.appendingPathComponent("results/points.csv"), encoding: .utf8)
            #expect(try Self.rows(ofCSV: points) == reference, "results/points.csv differs from the unsharded run")
        }
    }

    @Test("docs/cluster.md points to the tested job scripts and holds no second copy of them")
    func documentationUsesTheTestedScripts() throws {
        let doc = try String(contentsOf: LocalSlurm.packageRoot.appendingPathComponent("docs/cluster.md"), encoding: .utf8)
        for script in ["scripts/slurm/sweep.sbatch", "scripts/slurm/merge.sbatch", "scripts/slurm-local.sh"] {
            #expect(doc.contains("(../\(script))"), "docs/cluster.md does not link \(script)")
            #expect(FileManager.default.isExecutableFile(atPath: LocalSlurm.packageRoot.appendingPathComponent(script).path), "\(script)")
        }
        #expect(!doc.split(separator: "\n").contains { $0.hasPrefix("#SBATCH") }, "docs/cluster.md holds a copy of a job script")
    }

    /// Starts the cluster (or cancels the test, printing why Slurm cannot start), runs `body` in a
    /// fresh folder holding `logs/`, and stops the cluster whatever happens. A failure carries the
    /// jobs' logs.
    private func withCluster(_ body: (LocalSlurm, URL) throws -> Void) throws {
        let cluster: LocalSlurm
        do {
            cluster = try LocalSlurm.start()
        } catch {
            let reason = "Slurm cluster test skipped: Slurm cannot start here: \(error)"
            FileHandle.standardError.write(Data((reason + "\n").utf8))
            try Test.cancel("\(reason)")
        }
        try withTemporaryFolder { folder in
            defer {
                do { try cluster.stop() } catch { Issue.record("\(error)") }
            }
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("logs"), withIntermediateDirectories: true)
            do {
                try body(cluster, folder)
            } catch {
                throw TestFailure("\(error)\n\(Self.logs(in: folder))")
            }
        }
    }

    /// The jobs' error logs in `folder`, for failure messages.
    static func logs(in folder: URL) -> String {
        let logs = folder.appendingPathComponent("logs")
        return contents(of: logs).filter { $0.hasSuffix(".err") }.map { name in
            let text = (try? String(contentsOf: logs.appendingPathComponent(name), encoding: .utf8)) ?? ""
            return "--- logs/\(name):\n\(text.suffix(2000))"
        }.joined(separator: "\n")
    }

    /// The rows of `results --format csv` output, as `CLI.storedRows` gives them (varying columns
    /// dropped, sorted).
    static func rows(ofCSV text: String) throws -> [String] {
        let lines = text.split(separator: "\n").map(String.init)
        guard let header = lines.first.map(CLI.csvFields) else { return [] }
        let dropped = Set(["seconds", "tool_version", "created_at", "tag"])
        let keep = header.indices.filter { !dropped.contains(header[$0]) }
        return try lines.dropFirst().map { line in
            let fields = CLI.csvFields(line)
            guard fields.count == header.count else { throw TestFailure("malformed CSV row: \(line)") }
            return keep.map { fields[$0] }.joined(separator: ",")
        }.sorted()
    }
}
