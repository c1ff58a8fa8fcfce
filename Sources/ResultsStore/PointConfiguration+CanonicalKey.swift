extension PointConfiguration {
    /// Stable text of every field, equal exactly when the configurations are equal; used for uniqueness and sharding.
    ///
    /// Format: `alpha=…;beta=…;m=…|inf;n=…;d=…;data=…;features=…;solver=…;ridge=…;tail=…;tolerance=…|default;extra=…`,
    /// doubles in their shortest round-trip form, with `%`, `;` and `=` percent-escaped inside text fields.
    public var key: String {
        let fields: [(String, String)] = [
            ("alpha", CanonicalText.double(alpha)),
            ("beta", CanonicalText.double(beta)),
            ("m", m.map { String($0) } ?? "inf"),
            ("n", String(n)),
            ("d", String(d)),
            ("data", data.rawValue),
            ("features", features.rawValue),
            ("solver", solver.rawValue),
            ("ridge", CanonicalText.double(ridge)),
            ("tail", tail.rawValue),
            ("tolerance", tolerance.map { CanonicalText.double($0) } ?? "default"),
            ("extra", CanonicalText.escaped(extra)),
        ]
        return fields.map { "\($0.0)=\($0.1)" }.joined(separator: ";")
    }

    /// Canonical text for ``extra`` from named numeric options: keys sorted, `name=value` joined by `,`.
    public static func canonicalExtra(_ options: [String: Double]) -> String {
        options.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            .map { CanonicalText.escaped($0.key) + "=" + CanonicalText.double($0.value) }
            .joined(separator: ",")
    }
}

/// Exact, locale-independent text for values inside canonical keys and exports.
enum CanonicalText {
    /// Shortest text that parses back to the same bits (`-0.0`, `inf`, `nan` included; NaN payloads are not kept).
    static func double(_ value: Double) -> String {
        value.description
    }

    /// The escape of each character that delimits key fields.
    static let escapes: [Character: String] = ["%": "%25", ";": "%3B", "=": "%3D", ",": "%2C"]

    /// Percent-escapes the characters that delimit key fields (`%`, `;`, `=`, `,`).
    static func escaped(_ text: String) -> String {
        text.reduce(into: "") { result, character in
            if let escape = escapes[character] { result += escape } else { result.append(character) }
        }
    }
}
