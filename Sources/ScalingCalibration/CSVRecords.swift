/// RFC 4180 records of a CSV text: fields split at commas, double quotes around fields that hold commas,
/// quotes or line breaks (`""` inside them is one quote); CRLF or LF line ends; blank lines skipped.
enum CSVRecords {
    /// The records of `text` with the 1-based line each starts on; throws `.malformedCSV` on an
    /// unterminated quote or a quote in the middle of an unquoted field.
    static func parse(_ text: String) throws(CalibrationError) -> [(line: Int, fields: [String])] {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = [], field = ""
        var quoted = false, wasQuoted = false, line = 1, recordLine = 1
        var scalars = Array(text.unicodeScalars)[...]
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !wasQuoted) { records.append((recordLine, fields)) }
            fields = []; field = ""; wasQuoted = false
        }
        while let c = scalars.popFirst() {
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars.removeFirst() } else { quoted = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                guard field.isEmpty, !wasQuoted else { throw .malformedCSV(line: line, reason: "a quote inside an unquoted field") }
                quoted = true; wasQuoted = true
            case ",":
                fields.append(field); field = ""; wasQuoted = false
            case "\r":
                if scalars.first == "\n" { continue }
                endRecord(); line += 1; recordLine = line
            case "\n":
                endRecord(); line += 1; recordLine = line
            default:
                guard !wasQuoted else { throw .malformedCSV(line: line, reason: "text after a closing quote") }
                field.unicodeScalars.append(c)
            }
        }
        if quoted { throw .malformedCSV(line: recordLine, reason: "a quoted field is not closed") }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        return records
    }
}
