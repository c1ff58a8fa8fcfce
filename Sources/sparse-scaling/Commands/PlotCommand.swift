import ArgumentParser
import Foundation
import ResultsStore
import SparseScaling

/// `sparse-scaling plot`: draw a sweep already in a results store (nothing is computed or written to the store).
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Draw a stored sweep as SVG: mean loss ± SE, the fitted power law and the theory's slope.",
        discussion: "Give the same grid and options as the sweep that filled the store, e.g. sparse-scaling plot --store s.sqlite --n 4...256x2 --d 1e6 --out sweep.svg. Every stored seed of each point is used unless --seeds/--first-seed choose some; the seeds used are printed, with a warning when points hold different seeds or the store holds seeds left out. Points with no stored seed are left out."
    )

    @OptionGroup var options: PointOptions
    @Option(parsing: .unconditional, help: "Use only seeds first-seed … first-seed + seeds − 1, \(SeedCount.rangeText). Default: every seed stored for each point.",
            transform: SeedCount.parse)
    var seeds: Int?

    @Option(parsing: .unconditional, help: "First seed of --seeds, an integer in 0…2^64−1 (alone: every stored seed from it on). Default 0 with --seeds.",
            transform: NumberArgument.seed(expected: "an integer in 0…2^64−1"))
    var firstSeed: UInt64?

    @Option(help: "Results store to read (opened read-only).")
    var store: String = "results/sparse-scaling.sqlite"

    @Option(parsing: .unconditional, help: "Tie N = C·D for each D (model-rich D-sweeps), C > 0; replaces --n.")
    var nPerD: Double?

    @Option(parsing: .unconditional, help: "Fit the exponent on the last K points, K ≥ 3.")
    var fitTail: Int = 5

    @Option(help: "SVG file to write.")
    var out: String = "sweep.svg"

    func validate() throws {
        if let nPerD, !(nPerD > 0 && nPerD.isFinite) {
            throw ValidationError("invalid value '\(nPerD)' for --n-per-d: expected a number > 0")
        }
        guard fitTail >= 3 else { throw ValidationError("invalid value '\(fitTail)' for --fit-tail: expected an integer ≥ 3") }
        let grid = try options.sizes()
        if grid.featureCounts == nil, nPerD == nil { throw ValidationError("missing --n: give N values, or --n-per-d C") }
        if grid.featureCounts != nil, nPerD != nil { throw ValidationError("--n and --n-per-d exclude each other: give one") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: store, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw ValidationError("invalid value '\(store)' for --store: not a readable file")
        }
        try OutputFile.checkWritable(out, flag: "--out")
        if let firstSeed, firstSeed > UInt64.max - UInt64((seeds ?? 1) - 1) {
            throw ValidationError("invalid value '\(firstSeed)' for --first-seed: with --seeds \(seeds ?? 1) the last seed would pass 2^64−1")
        }
    }

    /// The seeds chosen with --seeds/--first-seed (alone, --first-seed keeps every stored seed from it on), or nil
    /// for every stored seed.
    func chosenSeeds(stored: Set<UInt64>) -> [UInt64]? {
        guard seeds != nil || firstSeed != nil else { return nil }
        let first = firstSeed ?? 0
        guard let seeds else { return stored.filter { $0 >= first }.sorted() }
        return (0..<UInt64(seeds)).map { first + $0 }
    }

    func run() throws {
        let grid = try options.sizes()
        let base = try options.specification(featureCount: grid.featureCounts?.first ?? 1, sampleCount: grid.sampleCounts[0])
        let opened: ResultsStore
        do { opened = try ResultsStore(readingAt: store) } catch {
            throw RuntimeError("cannot read --store \(store): \(error)")
        }
        let outline = SweepPlan(base: base, featureCounts: grid.featureCounts ?? [], sampleCounts: grid.sampleCounts, featuresPerSample: nPerD, seeds: [])
        // Every stored seed of every point, so the figure shows the means the sweep printed.
        var storedSeeds: [Set<UInt64>] = []
        do { storedSeeds = try outline.points.map { try opened.existingSeeds(for: $0.storeConfiguration) } } catch {
            throw RuntimeError("cannot read --store \(store): \(error)")
        }
        let allStored = storedSeeds.reduce(into: Set<UInt64>()) { $0.formUnion($1) }
        let chosen = chosenSeeds(stored: allStored)
        let seedList = chosen ?? allStored.sorted()
        let plan = SweepPlan(base: base, featureCounts: outline.featureCounts, sampleCounts: outline.sampleCounts, featuresPerSample: nPerD, seeds: seedList)
        let measured = try MeasurementRunner(store: opened, progress: ProgressReporter(quiet: true))
            .aggregate(plan.points, seeds: plan.seeds)
        guard !measured.isEmpty else {
            throw RuntimeError("--store \(store) holds none of the \(plan.points.count) points of this sweep\(chosen == nil ? "" : " at the seeds chosen"); run `sparse-scaling sweep` with the same options first")
        }
        let result = SweepResult(points: measured, variable: plan.sweptVariable, fitTail: fitTail)
        let prediction = result.variable.map { SweepPrediction(parameters: base.parameters, data: base.data, variable: $0) }
        let counts = Set(measured.map(\.seedCount))
        let seedText = counts.count == 1 ? "\(counts.first!)" : "\(counts.min()!)–\(counts.max()!)"
        try OutputFile.write(SweepPlot.svg(result, prediction: prediction, title: SweepPlot.title(plan: plan, seedCount: counts.max() ?? 0)), to: out)
        print("wrote \(out): \(measured.count) of \(plan.points.count) points, seeds \(Self.seedRanges(Set(seedList).intersection(allStored).sorted())) (\(seedText) per point)"
              + (result.fit.map { _ in "" } ?? " (no fit: \(result.fitNote ?? "too few points"))"))
        if counts.count > 1 {
            FileHandle.standardError.write(Data("warning: points hold different numbers of seeds (\(seedText)): their means are over different seeds\n".utf8))
        }
        if let chosen {
            let left = allStored.subtracting(chosen)
            if !left.isEmpty {
                FileHandle.standardError.write(Data("warning: the store holds \(left.count) more seed\(left.count == 1 ? "" : "s") of these points (\(Self.seedRanges(left.sorted()))) that --seeds/--first-seed leave out; omit both to use every stored seed\n".utf8))
            }
        }
    }

    /// Sorted seeds as ranges: "0…5", "0…3, 7".
    static func seedRanges(_ seeds: [UInt64]) -> String {
        guard let first = seeds.first else { return "none" }
        var ranges: [String] = []
        var low = first, high = first
        for seed in seeds.dropFirst() {
            if seed == high + 1 { high = seed; continue }
            ranges.append(low == high ? "\(low)" : "\(low)…\(high)")
            low = seed
            high = seed
        }
        ranges.append(low == high ? "\(low)" : "\(low)…\(high)")
        return ranges.joined(separator: ", ")
    }
}
