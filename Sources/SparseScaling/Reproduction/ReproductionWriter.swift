import Foundation
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
        var figures: [(String, String, Figure, String)] = [
            ("phase-diagram", "Phase diagram", PhaseDiagramFigure.figure(parameters: parameters),
             "Left: the regimes of the (D, N) plane. Below the interpolation threshold N = K(D) (the expected number of observed coordinates, exact sum) the model is underparameterized and L ∝ N^{−α_{N}}; between K(D) and D it is intermediate; above N = D heavily overparameterized, where L ∝ D^{−α_{D}}. Right: the (α, β) plane — one exponent for β ≤ 1, two exponents α_{N} = α+β and α_{D} = (α+β)/β for β > 1, gradient-descent spikes for α < −1; the diamond marks this report's parameters."),
            ("linear-sweeps", "Linear random features: four sweeps (Fig. 5)", ExperimentFigures.linearSweeps(results.linear),
             "Mean test loss ± SE over \(results.plan.linearSweeps.seeds) seeds (data, embedding and teacher redrawn per seed). Solid lines: least-squares power-law fits on the last \(results.plan.linearSweeps.fitTail) points (exponent ± SE in the legend); dashed: the predicted slopes. The sparse N-sweep and both dense sweeps share one exponent ≈ α_{N} = α+β; the sparse D-sweep (N = \(fourSignificantDigits(results.plan.linearSweeps.modelRichRatio))·D) decays with its own exponent ≈ α_{D} = (α+β)/β. Dash-dotted: the predicted loss curve of the sparse sweeps (docs/theory.md §6.3, det below the peak, the exact law mixed over the rank above it); the theory does not cover dense data.\n\(results.linear.summaryText())"),
            ("collapse", "Scaling collapse and double descent (Fig. 2)", CollapseFigure.figure(results.collapse),
             "L·D^{α_{D}} against N/D^{1/β} for several D: the median over \(results.plan.collapse.seeds) seeds (markers) with its 10–90% quantile band (shaded). Near the interpolation threshold N ≈ K(D) the mean loss is infinite (docs/theory.md §6.1: E[L | data] = ∞ for N ∈ {r − 1, r, r + 1}), so a mean ± SE there is seed noise; the curves and the peak are shown on the median.\nEach D in its own colour: the median (markers), its 10–90% band (shaded, outlined), the predicted mean (dashed; det, none in the peak band) and the predicted median (dotted; from the exact law of §6.1, mixed over the rank; not claimed below the peak). Vertical lines: the asymptotic threshold Γ(1−1/β) (gray solid), the predicted median peak at these D (gray dash-dotted) and the measured median peak (black solid), each the geometric mean over D.\n\(results.collapse.summaryText())"),
            ("frontier", "Compute-optimal frontier (Fig. 3)", FrontierFigure.figure(results.frontier),
             "Loss against the direct-solve compute proxy C = N·D·min(N, D) for fixed-N curves sweeping D (mean ± SE over \(results.plan.frontier.seeds) seeds). The black line fits the lower envelope (points with a lower loss than every point of smaller compute; points in the peak band, whose mean is infinite, are left out and drawn as their median, diamonds); the dashed line has the predicted slope −(α+β)/(β+2); dash-dotted lines are the predicted loss curve of each N (docs/theory.md §6.3).\n\(results.frontier.summaryText())"),
            ("theory-checks", "Observed coordinates and model-rich loss (Lemma 3.2, Theorem 3.3)", TheoryCheckFigures.figure(observed: results.observedCoordinates, modelRich: results.modelRichLoss),
             "Left: the number of coordinates active in at least one training sample, mean ± SE over \(results.plan.observedCoordinates.seeds) seeds, against the exact expectation Σ_{i} [1 − (1 − p_{i})^{D}] (solid) and the asymptote Γ(1−1/β)·D^{1/β} (dotted). Right: the loss of heavily overparameterized models (N = \(fourSignificantDigits(results.plan.modelRichLoss.modelRichRatio))·D) against the exact model-rich loss Σ_{i} λ_{i} (1 − p_{i})^{D} and its asymptote."),
        ] + zip(results.relu.sets, ExperimentFigures.reluSweeps(results.relu)).map { set, drawn in
            let solver = ExperimentFigures.solverName(set.solver)
            return (drawn.stem, "ReLU random features, \(solver) (Figs. 4 and 6)", drawn.figure,
             "The four sweeps with f = ReLU(W x), trained by \(solver); the test loss is a Monte-Carlo estimate on \(results.plan.reluSweeps.testSamples) fresh samples per point (never-seen coordinates get their W columns and teacher weights on demand), mean ± SE over \(results.plan.reluSweeps.seeds) seeds. Dashed lines are the linear-feature predictions for reference. The asymmetry between the sparse N- and D-sweeps persists with ReLU features, smaller than for linear ones.")
        } + [
            ("gd-failure", "Gradient-descent failure probability (Table 4)", GDFailureFigure.figure(results.gdFailure),
             "Probability that full-batch GD with step η diverges (η·λ_{max}(F Fᵀ/D) > 2) at α = \(fourSignificantDigits(results.gdFailure.alpha)) < −1, where single late activations make λ_{max} spike. Small D: plain Monte Carlo over \(results.plan.gdFailure.plainReplicates) datasets per D; large D: importance sampling of the late, large activations (\(results.plan.gdFailure.importanceReplicates) weighted datasets per D), which reaches probabilities plain sampling cannot. The solid line fits the largest D; the dashed line has the predicted asymptotic slope (α+β)/(1+α). Local slopes and counts are in the table below."),
            ("loss-curve", "The whole loss curve: predicted vs measured (docs/theory.md §6)", LossCurveFigure.figure(results.lossCurve),
             "Measured mean ± SE (circles; corrected by control variates with exact expectations: each seed's unobserved mass T, and its teacher energy below the peak) and median (diamonds) over \(results.plan.lossCurve.seeds) seeds (\(max(results.plan.lossCurve.seeds, results.plan.lossCurve.underparameterizedSeeds)) below the peak) against the predicted mean (dashed: det below the peak, E[T](N − 1)/(N − 1 − E[K]) above) and the predicted median (dotted: the exact F law of docs/theory.md §6.1 mixed over r ≈ K and T above the peak, the peak mixture in the band), at settings including α < 0 and β = 3. Shaded: the predicted peak band, where the mean loss is infinite and only medians are compared.\n\(results.lossCurve.summaryText())"),
        ]
        figures += [
            ("label-noise", "Label noise: floor, peak and ridge (future work, docs/theory.md §7.1)", LabelNoiseFigure.figure(results.labelNoise),
             "Labels y = w*·x + σε, solved exactly in the reduced space (c = Rᵀw*_S + σz, z ~ N(0, I_r)); \(results.plan.labelNoise.seeds) seeds per point. Markers are medians, bars the 10–90% quantiles: on the interpolating side a coordinate observed once with small amplitude ξ gets a noise coefficient ∝ σ/ξ and E[1/χ²₁] = ∞, so means are dominated by single seeds (flagged in the data table). Left: N-sweep through the double-descent peak (excess loss). Middle: model-rich D-sweep (test loss = excess + σ²) with fits c·D^−γ + floor; dotted lines are σ². Right: ridge at the peak N; dotted lines the ridgeless medians. \(results.labelNoise.summaryText().replacingOccurrences(of: "\n", with: " "))"),
            ("online", "One-pass SGD: loss vs steps and the C = N·t frontier (future work, docs/theory.md §7.3)", OnlineFigure.figure(results.online),
             "Each sample used once, in order (v ← v − η(v·f − y)f, O(N·nnz) per step, W columns drawn on demand); the loss at each checkpoint is exact (observed part over the coordinates seen so far plus the expected tail). Measured: the curves, the exponents and the frontier. The paper has no prediction for this regime; the dashed curves, the shaded band and the red slope are OUR OWN (docs/theory-online-sgd.md): per N the predicted median over seeds (the decoupled law's median plus the finite-N leaks, where A(t) ≤ N/2), the predicted 10–90% band over seeds at the largest N, the decoupled N = ∞ mean (black), a_t = (α+β)/(1+α+β) and the frontier L* ∝ C^−(α+β)/(2+α+β); the gray slope is the paper's direct-solve frontier for C = N·D·min(N, D), a different compute measure. The measured medians jump together at some t for every N (e.g. t ≈ 10⁴ and 7.5·10⁴): seed s uses the same sample stream at every N, so one rare large-amplitude sample kicks that seed's curve at every N at once, and a median over a few seeds moves by one order statistic when one or two seeds are kicked; it is sampling noise of a median over few seeds (the summary prints its typical size from the predicted law), not a feature of the loss curve. The band is the predicted spread of one seed's loss without those rare kicks, which the law leaves out (their mean is in the predicted mean as the cross injection). \(results.online.summaryText().replacingOccurrences(of: "\n", with: " "))"),
        ]
        var sections: [HTMLReport.Section] = []
        for (file, title, figure, caption) in figures {
            // The file name prefixes every id, so the inline figures of report.html never share one.
            let svg = figure.svg(idPrefix: file)
            try AtomicFileWriter.write(svg, to: folder.appendingPathComponent("figures/\(file).svg"))
            sections.append(HTMLReport.Section(title: title, svg: inlineSVG(svg), caption: caption, file: "figures/\(file).svg"))
        }
        let report = HTMLReport(
            title: "Asymmetric scaling laws from sparse features — reproduction (\(results.plan.profile.rawValue) profile)",
            rows: results.comparisonRows, sections: sections,
            appendices: [
                ("GD failure: counts, probabilities and local slopes", results.gdFailure.summaryText()),
                ("ReLU sweeps: fitted exponents", results.relu.summaryText()),
                ("Label noise: floors, peaks, ridge", results.labelNoise.summaryText()),
                ("One-pass SGD: exponents and frontier (measured vs our own prediction)", results.online.summaryText()),
                ("Closed-form theory at α = \(fourSignificantDigits(results.alpha)), β = \(fourSignificantDigits(results.beta))", results.theory.textTable()),
            ],
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
