import SparseScaling

/// The one-line `--help` abstract of each experiment measured through the store, by its name.
enum ExperimentAbstract {
    /// The abstract of the experiment whose output is named `name`.
    static func text(for name: String) -> String {
        switch name {
        case LinearSweepsResult.name: return "Sparse/dense N- and D-sweeps with linear features: joint exponent of three, separate exponent of the sparse D-sweep (Fig. 5)."
        case CollapseResult.name: return "Loss over N for several D in collapse coordinates, with the double-descent peak vs Γ(1−1/β) (Fig. 2)."
        case FrontierResult.name: return "Loss vs compute C = N·D·min(N,D) for fixed-N curves; lower envelope and its exponent vs (α+β)/(β+2) (Fig. 3)."
        case ModelRichLossResult.name: return "Loss of heavily overparameterized models vs Σ λ_i(1−p_i)^D and its asymptote (Theorem 3.3)."
        case ReLUSweepsResult.name: return "The four sweeps with ReLU features, by pseudoinverse and by Nesterov: joint vs separate exponents (Figs. 4 and 6)."
        case LabelNoiseResult.name: return "Label noise σ² ∈ {0, 1e-4, 1e-2}: N- and D-sweeps (median, 10/90% quantiles), noise floor, peak growth, and the ridge that tames the peak (docs/theory.md §7.1)."
        case OnlineResult.name: return "One-pass SGD (each sample used once): loss vs steps t for several N, exponents in t and N, and the compute-optimal frontier under C = N·t (docs/theory.md §7.3)."
        default: preconditionFailure("no abstract for the experiment \(name)")
        }
    }
}
