/// Escaping for XML and XHTML output (the annotated pages, JUnit reports): one place for it.
enum XMLEscaping {
    /// Text content: `&`, `<` and `>` escaped; control characters that XML 1.0 forbids become U+FFFD.
    static func text(_ text: String) -> String { escape(text, quotes: false) }

    /// An attribute value in double quotes: also `"`, and line breaks and tabs as character
    /// references so that the value is read back exactly.
    static func attribute(_ text: String) -> String { escape(text, quotes: true) }

    private static func escape(_ text: String, quotes: Bool) -> String {
        // Most texts have nothing to escape.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || (quotes && $0 == 0x22) || $0 == 0xEF }) {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "\n" where quotes: out += "&#10;"
            case "\r" where quotes: out += "&#13;"
            case "\t" where quotes: out += "&#9;"
            case "\n", "\r", "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
