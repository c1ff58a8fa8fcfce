import Foundation
import SparseScaling

extension BenchmarkReport {
    /// An aligned text table, the growth fits and the verdict list.
    package func text() -> String {
        let header = ["name", "N", "D", "M", "K", "seconds", "cpu s", "baseline s", "ratio", "stream s", "dense s", "GFLOP/s", "% peak", "RSS MiB", "note"]
        let body = rows.map { r in
            [r.name, int(r.n), int(r.d), r.m.map(String.init) ?? (r.d == nil ? "" : "inf"), int(r.observedCount),
             num(r.seconds, "%.4f"), num(r.cpuSeconds, "%.3f"), num(r.baselineSeconds, "%.4f"), num(r.ratio, "%.1f"), num(r.streamSeconds, "%.3f"),
             num(r.denseSeconds, "%.3f"), num(r.gflops, "%.1f"), num(r.peakFraction.map { 100 * $0 }, "%.0f"),
             num(r.rssMegabytes, "%.0f"), noteText(r)]
        }
        var widths = header.map(\.count)
        for line in body { for (i, cell) in line.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func render(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                i == 0 || i == cells.count - 1
                    ? cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[i] - cell.count) + cell
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        var lines = [render(header), render(widths.map { String(repeating: "-", count: $0) })]
        lines += body.map(render)
        lines.append("")
        lines.append("dgemm peak: " + (dgemmPeakGflops.map { String(format: "%.1f GFLOP/s", $0) } ?? "not measured in this run"))
        lines.append("environment: " + environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
        if let p = provenance {
            lines.append("run: \(p.command) at commit \(p.commit ?? "unknown"), \(p.started) to \(p.finished), \(p.processor), load "
                + [p.loadAtStart, p.loadAtEnd].map { $0.map { String(format: "%.1f", $0) } ?? "?" }.joined(separator: " → "))
        }
        lines.append("")
        lines.append("growth exponents (time ∝ x^g, fitted on the largest points):")
        for g in growth {
            let fitted = g.measured.map { m in
                String(format: "g = %.2f", m) + (g.standardError.map { String(format: " ± %.2f", $0) } ?? "")
            } ?? "g not fitted (too few points)"
            lines.append(String(format: "  %@: %@ (§3 cost model: %@) over %.0f…%.0f", g.name, fitted,
                                g.modelPrediction.map { String(format: "%.2f", $0) } ?? "—", g.from, g.to))
        }
        lines.append("")
        lines.append("verdicts:")
        for v in verdicts { lines.append("  [\(v.label)] \(v.target): \(v.detail)") }
        return lines.joined(separator: "\n")
    }

    private func int(_ x: Int?) -> String { x.map(String.init) ?? "" }
    private func num(_ x: Double?, _ format: String) -> String { x.map { String(format: format, $0) } ?? "" }
    private func noteText(_ r: BenchmarkRow) -> String {
        var parts: [String] = []
        if let diff = r.lossRelativeDifference { parts.append(String(format: "loss rel. diff %.1e", diff)) }
        if let note = r.note, !note.isEmpty { parts.append(note) }
        return parts.joined(separator: "; ")
    }
}
