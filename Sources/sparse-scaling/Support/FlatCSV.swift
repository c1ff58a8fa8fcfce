import Foundation

/// A JSON object as a two-line CSV (header, one row): nested objects flattened to `parent_child` columns,
/// columns sorted, null as an empty cell, arrays joined with `;`.
enum FlatCSV {
    /// The CSV of the JSON object in `json`.
    static func fromJSONObject(_ json: String) throws -> String {
        guard let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            throw RuntimeError("internal: expected a JSON object")
        }
        var cells: [String: String] = [:]
        flatten(object, prefix: "", into: &cells)
        let keys = cells.keys.sorted()
        return keys.map(quoted).joined(separator: ",") + "\n" + keys.map { quoted(cells[$0]!) }.joined(separator: ",") + "\n"
    }

    private static func flatten(_ value: Any, prefix: String, into cells: inout [String: String]) {
        switch value {
        case let object as [String: Any]:
            for (key, child) in object { flatten(child, prefix: prefix.isEmpty ? key : prefix + "_" + key, into: &cells) }
        case let array as [Any]:
            cells[prefix] = array.map { text($0) }.joined(separator: ";")
        default:
            cells[prefix] = text(value)
        }
    }

    private static func text(_ value: Any) -> String {
        switch value {
        case is NSNull: return ""
        case let number as NSNumber: return "\(number)"
        default: return "\(value)"
        }
    }

    private static func quoted(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
