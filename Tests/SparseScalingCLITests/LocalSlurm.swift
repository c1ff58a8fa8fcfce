import Foundation

/// A one-node Slurm cluster on this machine, started and stopped by `scripts/slurm-local.sh`, and the
/// Slurm commands (sbatch, squeue, scancel, scontrol) run against it.
struct LocalSlurm {
    /// The package's root folder, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The script that installs, starts and stops the cluster.
    static let script = packageRoot.appendingPathComponent("scripts/slurm-local.sh")
    /// The job scripts of docs/cluster.md.
    static let jobScripts = packageRoot.appendingPathComponent("scripts/slurm")

    /// The environment of every Slurm command and job: SLURM_CONF of this cluster, and PATH starting
    /// with the folder of the `sparse-scaling` under test (jobs inherit it through sbatch).
    let environment: [String: String]

    /// Starts the cluster; the error says why it cannot start here (not root, not installed, a daemon
    /// that does not come up).
    static func start() throws -> LocalSlurm {
        if ProcessInfo.processInfo.environment["SPARSE_SCALING_SKIP_SLURM"] == "1" { throw TestFailure("SPARSE_SCALING_SKIP_SLURM=1") }
        guard getuid() == 0 else { throw TestFailure("slurm-local.sh start needs root") }
        let output = try run("/bin/bash", [script.path, "start"], environment: ProcessInfo.processInfo.environment)
        guard output.status == 0 else {
            throw TestFailure("slurm-local.sh start failed (exit \(output.status)): \(output.stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        let prefix = "export SLURM_CONF="
        guard let line = output.stdout.split(separator: "\n").last(where: { $0.hasPrefix(prefix) }) else {
            throw TestFailure("slurm-local.sh start printed no SLURM_CONF: \(output.stdout)")
        }
        var environment = ProcessInfo.processInfo.environment
        environment["SLURM_CONF"] = String(line.dropFirst(prefix.count))
        let binaries = CLI.binary.deletingLastPathComponent().path
        environment["PATH"] = [binaries, environment["PATH"] ?? "/usr/bin:/bin", "/usr/sbin:/sbin"].joined(separator: ":")
        return LocalSlurm(environment: environment)
    }

    /// Stops the daemons and every job of the cluster; the error carries the script's message.
    func stop() throws {
        let output = try Self.run("/bin/bash", [Self.script.path, "stop"], environment: environment)
        guard output.status == 0 else { throw TestFailure("slurm-local.sh stop failed: \(output.stderr)") }
    }

    /// Submits a job script of docs/cluster.md from `folder` with extra `options` and `environment`
    /// (e.g. SHARDS), the script's `arguments` after it; returns the job id.
    func submit(_ jobScript: String, options: [String], arguments: [String], extraEnvironment: [String: String] = [:], in folder: URL) throws -> String {
        let path = Self.jobScripts.appendingPathComponent(jobScript).path
        let output = try command("sbatch", ["--parsable"] + options + [path] + arguments, extraEnvironment: extraEnvironment, in: folder)
        let id = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ";").first.map(String.init) ?? ""
        guard output.status == 0, !id.isEmpty, id.allSatisfy(\.isNumber) else {
            throw TestFailure("sbatch \(jobScript) failed (exit \(output.status)): \(output.stderr)")
        }
        return id
    }

    /// Runs a Slurm command (found on PATH) against this cluster; fails when it exits non-zero.
    @discardableResult
    func command(_ name: String, _ arguments: [String], extraEnvironment: [String: String] = [:], in folder: URL? = nil) throws -> CLI.Output {
        let output = try Self.run("/usr/bin/env", [name] + arguments, environment: environment.merging(extraEnvironment) { $1 }, in: folder)
        guard output.status == 0 else { throw TestFailure("\(name) \(arguments.joined(separator: " ")) failed (exit \(output.status)): \(output.stderr)") }
        return output
    }

    /// State and reason of every job and array task the controller still knows (finished ones
    /// included), keyed by id (`12`, `12_3`).
    func jobs() throws -> [String: (state: String, reason: String)] {
        let output = try command("squeue", ["--noheader", "--states=all", "--format=%i %T %r"])
        var jobs: [String: (state: String, reason: String)] = [:]
        for line in output.stdout.split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 2).map(String.init)
            if fields.count >= 2 { jobs[fields[0]] = (fields[1], fields.count > 2 ? fields[2] : "") }
        }
        return jobs
    }

    /// Waits (at most `timeout` seconds) until `done` holds for the jobs; throws with the queue when
    /// it does not.
    func wait(timeout: Double, _ what: String, until done: ([String: (state: String, reason: String)]) -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let jobs = try jobs()
            if done(jobs) { return }
            guard Date() < deadline else {
                let queue = jobs.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.state) \($0.value.reason)" }.joined(separator: "; ")
                throw TestFailure("timed out after \(Int(timeout)) s waiting for \(what); queue: \(queue)")
            }
            Thread.sleep(forTimeInterval: 0.5)
        }
    }

    /// Whether every job or array task of job `id` has left the pending and running states.
    static func finished(_ id: String, in jobs: [String: (state: String, reason: String)]) -> Bool {
        let mine = jobs.filter { $0.key == id || $0.key.hasPrefix(id + "_") }
        return !mine.isEmpty && mine.values.allSatisfy { !["PENDING", "RUNNING", "CONFIGURING", "COMPLETING", "SUSPENDED"].contains($0.state) }
    }

    /// Runs `executable` with `arguments` to the end and collects its output; SIGKILL after 120 s,
    /// so that a stuck command fails the test instead of hanging it.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String], in folder: URL? = nil) throws -> CLI.Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        // Own threads, not Dispatch's global queue (see `CLI.run`: its workers may all be blocked on pipes).
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 120)
            if process.isRunning { kill(pid, SIGKILL) }
        }
        let outDone = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outData = Data()
        Thread.detachNewThread {
            outData = out.fileHandleForReading.readDataToEndOfFile()
            outDone.signal()
        }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        outDone.wait()
        process.waitUntilExit()
        return CLI.Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self), signaled: process.terminationReason == .uncaughtSignal)
    }
}
