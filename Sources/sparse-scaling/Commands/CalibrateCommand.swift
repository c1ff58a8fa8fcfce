import ArgumentParser
import Foundation
import ScalingCalibration
import SparseScaling

/// `sparse-scaling calibrate`: fit L(N, D) to a table of training runs, map its exponents onto the
/// sparse-feature model's (α, β) with bootstrap intervals, and compare the additive form with the model's own.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Calibrate the model to measured runs: L = E + A/N^a + B/D^b, (α, β) with bootstrap CIs, β > 1?, additive vs the model's shape.",
        discussion: """
            Reads a CSV of training runs (one per row) and fits L = E + A/N^a + B/D^b by Chinchilla's Approach 3: Huber \
            loss (δ = 1e-3) on ln L in log-space parameters, L-BFGS (NLopt) from every start of a 4 500-point grid. \
            Then β = a/b and α = a − a/b; a bootstrap over runs (each resample refitted from the best 16 starts of \
            the same grid) gives 95% percentile intervals of every quantity, the compute-optimal split N* ∝ C^(b/(a+b)), \
            D* ∝ C^(a/(a+b)) and tokens per parameter at --compute, and the verdict on β > 1 (one-sided 95%). \
            Finally the model's own joined shape L = E + A/N^a + B/D^b·Q(b, c·(D/D₀)·(N/N₀)^(−a/b)) is fitted \
            (BOBYQA) and both forms are compared on held-out runs by k-fold cross-validation. \
            The default B = 200 takes about a minute on the 245 Chinchilla runs (release build, 2 cores).
            """
    )

    @Option(help: "CSV file of runs: a header row, then one run per row.")
    var data: String

    @Option(name: .customLong("n-column"), help: "Column of the model size N (> 0).")
    var nColumn: String = "n"

    @Option(name: .customLong("d-column"), help: "Column of the data size D in tokens (> 0). Default d, unless --flop-column is given.")
    var dColumn: String?

    @Option(name: .customLong("flop-column"), help: "Column of the training compute C in FLOP (> 0), instead of --d-column: D = C/(6N).")
    var flopColumn: String?

    @Option(name: .customLong("loss-column"), help: "Column of the final loss L (> 0).")
    var lossColumn: String = "loss"

    @Option(name: .customLong("drop-highest-losses"), parsing: .unconditional, help: "Leave out the k runs of highest loss before fitting (Epoch AI's refit of Chinchilla drops 5), an integer ≥ 0. Default 0.",
            transform: NumberArgument.whole(in: 0...Int.max, expected: "an integer ≥ 0"))
    var dropHighestLosses: Int = 0

    @Option(parsing: .unconditional, help: "Bootstrap resamples B, an integer from 0 (no intervals, no verdict) to 100000. Default 200.",
            transform: NumberArgument.whole(in: 0...100_000, expected: "an integer from 0 to 100000"))
    var bootstrap: Int = 200

    @Option(parsing: .unconditional, help: "Seed of the bootstrap resamples and the cross-validation folds, an integer in 0…2^64−1. Default 0.",
            transform: NumberArgument.seed(expected: "an integer in 0…2^64−1"))
    var seed: UInt64 = 0

    @Option(parsing: .unconditional, help: "Compute C in FLOP (> 0) of the compute-optimal point and tokens per parameter. Default 10× the largest 6ND of the runs.",
            transform: NumberArgument.real(expected: "a finite number > 0"))
    var compute: Double?

    @Option(parsing: .unconditional, help: "Cross-validation folds k, 0 (skip the comparison of forms) or an integer from 2 to the number of runs. Default 10.",
            transform: NumberArgument.whole(in: 0...1_000_000, expected: "0 or an integer ≥ 2"))
    var folds: Int = 10

    @Option(help: "Output format: text (the summary), json (every number, the configuration and the per-run held-out scores) or csv (one row per reported number, the columns of calibrate.csv).")
    var format: OutputFormat = .text

    @Option(help: "Also write calibrate.json, calibrate.csv, calibrate.columns.json and calibrate.svg into this folder (created if missing; each file replaced atomically).")
    var out: String?

    @Flag(help: "Print no progress notes on standard error (errors are still printed).")
    var quiet = false

    mutating func validate() throws {
        if dColumn != nil, flopColumn != nil { throw ValidationError("--d-column has no effect with --flop-column: D = C/(6N) comes from the compute column") }
        if let compute, !(compute > 0) { throw ValidationError("invalid value '\(compute)' for --compute: expected a finite number > 0") }
        if folds == 1 { throw ValidationError("invalid value '1' for --folds: expected 0 or an integer ≥ 2") }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: data, isDirectory: &isFolder), !isFolder.boolValue, FileManager.default.isReadableFile(atPath: data) else {
            throw ValidationError("invalid value '\(data)' for --data: no readable file there")
        }
        let named = [("--n-column", nColumn), (flopColumn == nil ? "--d-column" : "--flop-column", flopColumn ?? dColumn ?? "d"), ("--loss-column", lossColumn)]
        for i in named.indices { for j in named.indices where j > i && named[i].1 == named[j].1 {
            throw ValidationError("invalid value '\(named[j].1)' for \(named[j].0): \(named[i].0) names the same column; each role needs its own column")
        } }
        if let out { try OutputFolder.checkWritable(out, flag: "--out") }
    }

    /// The columns named by the flags.
    var columns: RunColumns {
        RunColumns(featureCount: nColumn, data: flopColumn.map(RunColumns.DataSource.flop) ?? .tokens(dColumn ?? "d"), loss: lossColumn)
    }

    /// The runs of --data, or an error naming the flag at fault.
    func table() throws -> RunTable {
        let text: String
        do { text = try String(contentsOfFile: data, encoding: .utf8) } catch {
            throw RuntimeError("cannot read --data \(data): not a UTF-8 text file")
        }
        let table: RunTable
        do { table = try RunTable(csv: text, columns: columns) } catch let error {
            throw Self.flagError(error, file: data)
        }
        let kept = table.droppingHighestLosses(dropHighestLosses)
        if folds > kept.runs.count { throw ValidationError("invalid value '\(folds)' for --folds: the table has \(kept.runs.count) runs") }
        return kept
    }

    /// A library error worded with the flag responsible: a missing column is a usage error (exit 2), a bad file a runtime one (exit 1).
    static func flagError(_ error: CalibrationError, file: String) -> Error {
        switch error {
        case let .missingColumn(role, _, _), let .duplicateColumn(role, _, _):
            let flag = ["n": "--n-column", "d": "--d-column", "flop": "--flop-column", "loss": "--loss-column"][role] ?? "--data"
            return ValidationError("invalid value for \(flag): \(error)")
        default:
            return RuntimeError("--data \(file): \(error)")
        }
    }

    func run() throws {
        let table = try table()
        let settings = CalibrationSettings(bootstrapResamples: bootstrap, seed: seed, compute: compute, folds: folds)
        let note: (String) -> Void = { if !quiet { FileHandle.standardError.write(Data(("calibrate: " + $0 + "\n").utf8)) } }
        let result: CalibrationResult
        do { result = try Calibration.run(table, settings: settings, progress: note) } catch {
            throw Self.flagError(error, file: data)
        }
        let json = try ExperimentWriter.json(CalibrationSummary(result, source: data))
        let csv = CalibrationReport.csv(result)
        switch format {
        case .text: print(CalibrationReport.text(result, source: data), terminator: "")
        case .json: print(json, terminator: "")
        case .csv: print(csv, terminator: "")
        }
        if let out {
            let folder = URL(fileURLWithPath: out)
            let files = [("calibrate.json", json), ("calibrate.csv", csv), ("calibrate.columns.json", try CalibrationReport.columnSidecar(result)),
                         ("calibrate.svg", CalibrationFigure.figure(result).svg(idPrefix: "calibrate-"))]
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                for (name, text) in files { try AtomicFileWriter.write(text, to: folder.appendingPathComponent(name)) }
            } catch {
                throw RuntimeError("cannot write --out \(out): \(error.localizedDescription)")
            }
            note("wrote " + files.map { folder.appendingPathComponent($0.0).path }.joined(separator: ", "))
        }
    }
}
