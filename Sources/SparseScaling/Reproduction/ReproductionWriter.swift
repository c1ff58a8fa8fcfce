import Foundation
import ScalingAnalysis
import SVGPlot

/// Writes the output folder of `reproduce`: report.html, verdicts.md, figures/*.svg, data/*.csv and *.json, and
/// summary.json (written last, so its presence means the folder is complete).
package enum ReproductionWriter {
    /// Writes every file of `results` into `folder`; `command` and `provenance` go into the report,
    /// `command`, `version` and `commit` (nil: unknown) into summary.json.
    package static func write(_ results: ReproductionResults, to folder: URL, command: String, provenance: [String],
                              version: String? = nil, commit: String? = nil) throws {
        let data = folder.appendingPathComponent("data")
        try ExperimentWriter.write(results.observedCoordinates, to: data)
        try ExperimentWriter.write(results.modelRichLoss, to: data)
        try ExperimentWriter.write(results.linear, to: data)
        try ExperimentWriter.write(results.collapse, to: data)
        try ExperimentWriter.write(results.frontier, to: data)
        try ExperimentWriter.write(results.relu, to: data)
        try ExperimentWriter.write(results.gdFailure, to: data)
        try ExperimentWriter.write(results.lossCurve, to: data)
        try ExperimentWriter.write(results.labelNoise, to: data)
        try ExperimentWriter.write(results.online, to: data)
        try AtomicFileWriter.write(try results.theory.jsonString() + "\n", to: data.appendingPathComponent("theory.json"))

        let parameters = try DataParameters(alpha: results.alpha, beta: results.beta, inputDimension: results.beta > 1 ? .infinite : .finite(1 << 20))
        let plan = results.plan
        // Each figure: file stem, heading, drawing, a caption of one to three sentences, and the long
        // text (method and the experiment's numbers) that the report shows in a collapsible block.
        typealias FigureEntry = (String, String, Figure, String, String?)
        var figures: [FigureEntry] = [
            ("phase-diagram", "Phase diagram", PhaseDiagramFigure.figure(parameters: parameters),
             "Left: the regimes of the (D, N) plane, separated by the interpolation threshold N = K(D) and by N = D. Right: the (α, β) plane, with one exponent for β ≤ 1, two for β > 1 and gradient-descent spikes for α < −1; the diamond marks this report's parameters.",
             "Below the interpolation threshold N = K(D) (the expected number of observed coordinates, exact sum) the model is underparameterized and L ∝ N^{−α_{N}}; between K(D) and D it is intermediate; above N = D heavily overparameterized, where L ∝ D^{−α_{D}}. For β > 1 the two exponents are α_{N} = α+β and α_{D} = (α+β)/β."),
            ("linear-sweeps", "Linear random features: four sweeps (Fig. 5)", ExperimentFigures.linearSweeps(results.linear),
             "Mean test loss ± SE over \(Typography.counted(plan.linearSweeps.seeds, "seed")) with power-law fits (solid) and the predicted slopes (dashed). The sparse N-sweep and both dense sweeps share one exponent ≈ α_{N} = α+β; the sparse D-sweep decays with its own exponent ≈ α_{D} = (α+β)/β.",
             "Data, embedding and teacher are redrawn per seed. Fits: least squares on the last \(Typography.counted(plan.linearSweeps.fitTail, "point")) (exponent ± SE in the legend). The sparse D-sweep has N = \(fourSignificantDigits(plan.linearSweeps.modelRichRatio))·D. Dash-dotted: the predicted loss curve of the sparse sweeps (docs/theory.md §6.3, det below the peak, the exact law mixed over the rank above it); the theory does not cover dense data.\n\n\(results.linear.summaryText())"),
            ("collapse", "Scaling collapse and double descent (Fig. 2)", CollapseFigure.figure(results.collapse),
             "L·D^{α_{D}} against N/D^{1/β} for several D, each in its own colour: the median over \(Typography.counted(plan.collapse.seeds, "seed")) (markers) with its 10–90% quantile band, and the predicted mean (dashed) and median (dotted). Near the interpolation threshold the mean loss is infinite (docs/theory.md §6.1), so the curves and the peak are shown on the median.",
             "E[L | data] = ∞ for N ∈ {r − 1, r, r + 1}, so a mean ± SE near the threshold N ≈ K(D) is seed noise. Each D in its own colour: the median (markers), its 10–90% band (shaded, outlined), the predicted mean (dashed; det, none in the peak band) and the predicted median (dotted; from the exact law of §6.1, mixed over the rank; not claimed below the peak). Vertical lines: the asymptotic threshold Γ(1−1/β) (gray solid), the predicted median peak at these D (gray dash-dotted) and the measured median peak (black solid), each the geometric mean over D.\n\n\(results.collapse.summaryText())"),
            ("frontier", "Compute-optimal frontier (Fig. 3)", FrontierFigure.figure(results.frontier),
             "Loss against the direct-solve compute C = N·D·min(N, D) for fixed-N curves sweeping D (mean ± SE over \(Typography.counted(plan.frontier.seeds, "seed"))). The black line fits the lower envelope; the dashed line has the predicted slope −(α+β)/(β+2).",
             "The envelope holds the points with a lower loss than every point of smaller compute; points in the peak band, whose mean is infinite, are left out and drawn as their median (diamonds). Dash-dotted lines are the predicted loss curve of each N (docs/theory.md §6.3).\n\n\(results.frontier.summaryText())"),
            ("theory-checks", "Observed coordinates and model-rich loss (Lemma 3.2, Theorem 3.3)", TheoryCheckFigures.figure(observed: results.observedCoordinates, modelRich: results.modelRichLoss),
             "Left: the number of coordinates active in at least one training sample against its exact expectation Σ_{i} [1 − (1 − p_{i})^{D}] and the asymptote Γ(1−1/β)·D^{1/β}. Right: the loss of heavily overparameterized models (N = \(fourSignificantDigits(plan.modelRichLoss.modelRichRatio))·D) against the exact model-rich loss Σ_{i} λ_{i} (1 − p_{i})^{D} and its asymptote.",
             "Measured values are means ± SE over \(Typography.counted(plan.observedCoordinates.seeds, "seed")) (left) and \(Typography.counted(plan.modelRichLoss.seeds, "seed")) (right).\n\n\(results.observedCoordinates.summaryText())\n\(results.modelRichLoss.summaryText())"),
        ]
        figures += zip(results.relu.sets, ExperimentFigures.reluSweeps(results.relu)).map { set, drawn -> FigureEntry in
            let solver = ExperimentFigures.solverName(set.solver)
            let seeds = Typography.counted(plan.reluSweeps.seeds, "seed"), samples = Typography.counted(plan.reluSweeps.testSamples, "fresh sample")
            return (drawn.stem, "ReLU random features, \(solver) (Figs. 4 and 6)", drawn.figure,
             "The four sweeps with f = ReLU(W x), trained by \(solver), mean ± SE over \(seeds); dashed lines are the linear-feature predictions for reference. The asymmetry between the sparse N- and D-sweeps persists with ReLU features, smaller than for linear ones.",
             "The test loss is a Monte-Carlo estimate on \(samples) per point (never-seen coordinates get their W columns and teacher weights on demand).\n\n\(results.relu.summaryText())")
        }
        figures += [
            ("gd-failure", "Gradient-descent failure probability (Table 4)", GDFailureFigure.figure(results.gdFailure),
             "Probability that full-batch GD with step η diverges (η·λ_{max}(F Fᵀ/D) > 2) at α = \(fourSignificantDigits(results.gdFailure.alpha)) < −1, where single late activations make λ_{max} spike. The solid line fits the largest D; the dashed line has the predicted asymptotic slope (α+β)/(1+α).",
             "Small D: plain Monte Carlo over \(Typography.counted(plan.gdFailure.plainReplicates, "dataset")) per D; large D: importance sampling of the late, large activations (\(Typography.counted(plan.gdFailure.importanceReplicates, "weighted dataset")) per D), which reaches probabilities plain sampling cannot.\n\n\(results.gdFailure.summaryText())"),
            ("loss-curve", "The whole loss curve: predicted vs measured (docs/theory.md §6)", LossCurveFigure.figure(results.lossCurve),
             "Measured mean ± SE (circles) and median (diamonds) against the predicted mean (dashed) and median (dotted), at settings including α < 0 and β = 3. Shaded: the predicted peak band, where the mean loss is infinite and only medians are compared.",
             "Means are corrected by control variates with exact expectations (each seed's unobserved mass T, and its teacher energy below the peak), over \(Typography.counted(plan.lossCurve.seeds, "seed")) (\(max(plan.lossCurve.seeds, plan.lossCurve.underparameterizedSeeds)) below the peak). Predicted mean: det below the peak, E[T](N − 1)/(N − 1 − E[K]) above; predicted median: the exact F law of docs/theory.md §6.1 mixed over r ≈ K and T above the peak, the peak mixture in the band.\n\n\(results.lossCurve.summaryText())"),
            ("label-noise", "Label noise: floor, peak and ridge (future work, docs/theory.md §7.1)", LabelNoiseFigure.figure(results.labelNoise),
             "Labels y = w*·x + σε, solved exactly; markers are medians over \(Typography.counted(plan.labelNoise.seeds, "seed")), bars the 10–90% quantiles (means are dominated by single seeds on the interpolating side). Left: N-sweep through the double-descent peak; middle: model-rich D-sweep with its floor σ² (dotted); right: ridge at the peak N.",
             "The reduced space is solved exactly (c = Rᵀw*_S + σz, z ~ N(0, I_r)). On the interpolating side a coordinate observed once with small amplitude ξ gets a noise coefficient ∝ σ/ξ and E[1/χ²₁] = ∞, so means are dominated by single seeds (flagged in the data table). Left: excess loss. Middle: test loss = excess + σ², with fits c·D^−γ + floor. Right: dotted lines are the ridgeless medians.\n\n\(results.labelNoise.summaryText())"),
            ("online", "One-pass SGD: loss vs steps and the C = N·t frontier (future work, docs/theory.md §7.3)", OnlineFigure.figure(results.online),
             "Each sample used once (v ← v − η(v·f − y)f); the loss at each checkpoint is exact. The paper has no prediction for this regime: the dashed curves (the predicted median per N), the shaded band and the red slope are OUR OWN; the gray slope is the paper's direct-solve frontier, for a different compute measure.",
             "O(N·nnz) per step, W columns drawn on demand; the checkpoint loss is the observed part over the coordinates seen so far plus the expected tail. OUR prediction (docs/theory-online-sgd.md): per N the predicted median over seeds (the decoupled law with the fast coordinates' cross injection drawn, plus the finite-N mean path's excess and the leaked noise, where A(t) ≤ N/2), the predicted 10–90% band over seeds at the largest N, the decoupled N = ∞ mean (black), a_t = (α+β)/(1+α+β) and the frontier L* ∝ C^−(α+β)/(2+α+β). The measured medians jump together at some t for every N: seed s uses the same sample stream at every N, so one rare large-amplitude sample kicks that seed's curve at every N at once, and a median over a few seeds moves by one order statistic; it is sampling noise of a median over few seeds (the summary prints its typical size from the predicted law), not a feature of the loss curve. The band is the predicted spread of one seed's loss; the injection into slow coordinates enters it at its mean.\n\n\(results.online.summaryText())"),
        ]
        var sections: [HTMLReport.Section] = []
        for (file, title, figure, caption, details) in figures {
            // The file name prefixes every id, so the inline figures of report.html never share one.
            let svg = figure.svg(idPrefix: file)
            try AtomicFileWriter.write(svg, to: folder.appendingPathComponent("figures/\(file).svg"))
            sections.append(HTMLReport.Section(title: title, svg: inlineSVG(svg), caption: caption, details: details, file: "figures/\(file).svg"))
        }
        let report = HTMLReport(
            title: "Asymmetric scaling laws from sparse features — reproduction (\(plan.profile.rawValue) profile)",
            rows: results.comparisonRows, sections: sections,
            appendices: [try TheoryAppendix.appendix(parameters: parameters, dataSizes: results.collapse.curves.map(\.sampleCount))],
            provenance: ["command: \(command)"] + provenance + [String(format: "wall-clock: %.1f s", results.seconds)])
        try AtomicFileWriter.write(report.render(), to: folder.appendingPathComponent("report.html"))
        try AtomicFileWriter.write(VerdictTable.markdown(
            results.comparisonRows,
            provenance: ["command: \(command)"] + (provenance.contains { $0.hasPrefix("commit:") } ? [] : ["commit: \(commit ?? "unknown")"]) + provenance),
                                   to: folder.appendingPathComponent("verdicts.md"))
        try AtomicFileWriter.write(try ReproductionSummary.json(results, provenance: ReproductionProvenance(
            version: version ?? SparseScalingVersion.current, commit: commit, command: command)), to: folder.appendingPathComponent("summary.json"))
    }

    /// The SVG without an XML declaration, for embedding in HTML.
    static func inlineSVG(_ svg: String) -> String {
        guard svg.hasPrefix("<?xml"), let end = svg.range(of: "?>") else { return svg }
        return String(svg[end.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
