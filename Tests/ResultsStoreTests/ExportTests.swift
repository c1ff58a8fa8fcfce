import Foundation
import Testing
@testable import ResultsStore

@Suite("Export")
struct ExportTests {
    /// The columns of the JSON export (the table's, with the sampler, estimator and σ decoded from `extra`).
    let header = "configuration_key,seed,alpha,beta,m,n,d,data,features,solver,ridge,tail,tolerance,extra,sampler,estimator,noise,loss,loss_observed,loss_tail,loss_standard_error,observed_coordinates,rank,seconds,extras,tool_version,created_at,tag"
    /// The CSV header of `samplePoints`: `extra` split into its options, `extras` into its measurements.
    let csvHeader = "configuration_key,seed,alpha,beta,m,n,d,data,features,solver,ridge,tail,tolerance,sampler,estimator,noise,iterations,step,loss,loss_observed,loss_tail,loss_standard_error,observed_coordinates,rank,condition,gd_steps,seconds,tag,tool_version,created_at"
    /// The CSV header when no row has options or measurements.
    let plainCSVHeader = "configuration_key,seed,alpha,beta,m,n,d,data,features,solver,ridge,tail,tolerance,sampler,estimator,noise,loss,loss_observed,loss_tail,loss_standard_error,observed_coordinates,rank,seconds,tag,tool_version,created_at"

    @Test("CSV has the snake_case header and one line per row, with exact numbers")
    func csv() throws {
        try withTemporaryDirectory { folder in
            let store = try ResultsStore(path: folder.appendingPathComponent("r.sqlite").path)
            var points = samplePoints(configurations: 3, seeds: 2)
            points[0].seed = UInt64.max
            points[0].result.loss = 0.1 + 0.2
            points[1].result.loss = .nan
            try store.insert(contentsOf: points)
            let text = try store.csv()
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.first.map(String.init) == csvHeader)
            #expect(lines.count == points.count + 2)  // header, rows, final empty
            #expect(lines.last == "")
            #expect(text.contains(",18446744073709551615,"))
            #expect(text.contains(",0.30000000000000004,"))
            #expect(text.contains(",nan,"))
            // M = ∞ is inf; options and measurements are columns, empty where a row has none.
            let cells = lines.dropFirst().filter { !$0.isEmpty }.map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            let column = { (name: String) in csvHeader.split(separator: ",").firstIndex(of: Substring(name))! }
            #expect(cells.contains { $0[column("m")] == "inf" })
            #expect(!cells.contains { $0[column("m")] == "" })
            #expect(cells.contains { $0[column("step")] == "0.01" && $0[column("iterations")] == "1.0" })
            #expect(cells.contains { $0[column("gd_steps")] == "100.0" && $0[column("condition")] == "100000000.0" })
            #expect(cells.contains { $0[column("step")] == "" && $0[column("condition")] == "" })
        }
    }

    @Test("CSV of an empty store is its header")
    func emptyCSV() throws {
        try withTemporaryDirectory { folder in
            let store = try ResultsStore(path: folder.appendingPathComponent("r.sqlite").path)
            #expect(try store.csv() == plainCSVHeader + "\n")
            #expect(try store.json().trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]" || store.json().trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        }
    }

    @Test("JSON has every column for every row")
    func json() throws {
        try withTemporaryDirectory { folder in
            let store = try ResultsStore(path: folder.appendingPathComponent("r.sqlite").path)
            var points = samplePoints(configurations: 2, seeds: 3)
            points[0].seed = UInt64.max
            points[0].result.lossObserved = 1.0 / 3.0
            try store.insert(contentsOf: points)
            let text = try store.json()
            let rows = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
            #expect(rows.count == points.count)
            let columns = Set(header.split(separator: ",").map(String.init))
            #expect(rows.allSatisfy { Set($0.keys) == columns })
            #expect(text.contains("18446744073709551615"))
            #expect(text.contains("0.3333333333333333"))
            #expect(rows.contains { $0["m"] as? String == "inf" })
            #expect(!rows.contains { $0["m"] is NSNull })
        }
    }
}
