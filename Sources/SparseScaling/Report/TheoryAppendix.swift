import Foundation
import ScalingTheory

/// The closed-form theory (docs/theory.md §4) of the report's parameters as a table in which every
/// row has a value or says why it has none: quantities of D alone are given at the report's data
/// sizes; quantities of (N, D) and undefined ones say so.
enum TheoryAppendix {
    /// The appendix for `parameters`, with D-dependent values at `dataSizes` (e.g. the collapse's D).
    static func appendix(parameters: DataParameters, dataSizes: [Int]) throws -> HTMLReport.Appendix {
        let base = try TheoryReport(parameters: parameters)
        let atSize = try dataSizes.map { try TheoryReport(parameters: parameters, sampleCount: Double($0)).tableRows() }
        let sizes = dataSizes.map(String.init).joined(separator: ", ")
        let rows = base.tableRows().enumerated().map { index, row -> [String] in
            [row.quantity, value(row, atSize: atSize.map { $0[index] }, sizes: sizes), row.formula]
        }
        let title = "Closed-form theory at α = \(fourSignificantDigits(parameters.alpha)), β = \(fourSignificantDigits(parameters.beta))"
        let caption = "The asymptotic predictions of docs/theory.md §4 for this report's parameters (the `theory` command prints the same table). "
            + "Quantities of D alone are given at the data sizes of the collapse figure; quantities of N and D have one value per measured point. "
            + "Solver costs (Table 3): " + base.solverCosts.conditions.joined(separator: "; ") + "."
        return HTMLReport.Appendix(title: title, caption: caption, body: .table(header: ["quantity", "value", "formula"], rows: rows))
    }

    /// A value of the theory table (up to 10 significant digits) to four, integers below 10^7 kept whole.
    static func shortNumber(_ text: String) -> String {
        guard let x = Double(text) else { return text }
        return x == x.rounded() && abs(x) < 1e7 ? text : fourSignificantDigits(x)
    }

    /// The row's value; for a missing one, its values at the data sizes or the reason it has none.
    static func value(_ row: TheoryTableRow, atSize: [TheoryTableRow], sizes: String) -> String {
        if let value = row.value { return value }
        switch row.absence {
        case .needsDataSize? where atSize.isEmpty:
            return "depends on the data size D"
        case .needsDataSize?:
            let values = atSize.map { $0.value.map(shortNumber) ?? "—" }
            return "at D = \(sizes): \(values.joined(separator: ", "))"
        case .needsModelAndDataSize?:
            return "depends on N and D: one value per measured point, none for the report as a whole"
        case .undefined(let reason)?:
            return "not defined: \(reason)"
        case nil:
            return "not given"
        }
    }
}
