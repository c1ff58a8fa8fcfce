import Foundation

extension BenchmarkReport {
    /// The README's performance table: one line on where and when the run was measured, then one row
    /// per target with its verdict and the measured value that decides it.
    package func markdown() -> String {
        var lines: [String] = []
        if let p = provenance {
            let commit = p.commit.map { " at commit `\(String($0.prefix(12)))`" } ?? ""
            let load = [p.loadAtStart.map { String(format: "%.1f at the start", $0) },
                        p.loadAtEnd.map { String(format: "%.1f at the end", $0) }].compactMap { $0 }
            lines.append("Measured by `\(p.command)`\(commit), \(p.started) to \(p.finished), on \(p.processor) "
                + "(\(p.processors) processors, \(String(format: "%.0f", p.memoryGiB)) GiB)"
                + (load.isEmpty ? "." : "; load average \(load.joined(separator: ", ")) (wall-clock rows grow with the load; CPU seconds do not)."))
        } else {
            lines.append("Measured by `sparse-scaling bench` (run recorded without its provenance).")
        }
        lines.append("")
        lines.append("| target | verdict | measured |")
        lines.append("|---|---|---|")
        for v in verdicts {
            lines.append("| \(Self.cell(v.target)) | \(v.met.map { $0 ? "met" : "**missed**" } ?? "not measured") | \(Self.cell(v.detail)) |")
        }
        return lines.joined(separator: "\n")
    }

    /// `text` as one Markdown table cell: pipes escaped, line breaks as spaces.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
