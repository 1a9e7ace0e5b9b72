/// Reads lexicon files (TSV with a header, see `Lexicon/README.md`).
///
/// Every bad line becomes a `LexiconIssue` (`fichier:ligne: message`) and is skipped; nothing throws.
public enum LexiconParser {
    static let columns = ["forme", "variantes", "type", "developpement", "explication", "remplacement", "domaines", "source", "note"]

    public struct Result: Sendable {
        public var entries: [LexiconEntry] = []
        public var issues: [LexiconIssue] = []
    }

    /// Parses the text of one lexicon file. `knownDomains` empty means any domain is accepted.
    public static func parse(_ text: String, file: String, knownDomains: Set<String> = []) -> Result {
        var result = Result()
        var header: [String: Int] = [:]
        var lineNumber = 0
        for rawLine in lines(of: text) {
            lineNumber += 1
            let location = LexiconLocation(file: file, line: lineNumber)
            if rawLine.utf8.containsReplacementCharacter {
                result.issues.append(LexiconIssue(location, "encodage invalide : le fichier doit être en UTF-8"))
                continue
            }
            var line = rawLine
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            if line.trimmingSpaces.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.splitBytes(0x09).map(unquote)
            if header.isEmpty {
                for (index, name) in cells.enumerated() { header[Folding.fold(name.trimmingSpaces)] = index }
                let missing = ["forme", "type"].filter { header[$0] == nil }
                if !missing.isEmpty {
                    result.issues.append(LexiconIssue(location, "en-tête incomplet : colonne(s) manquante(s) \(missing.joined(separator: ", ")) (attendu : \(columns.joined(separator: " ")))"))
                    return result
                }
                continue
            }
            func cell(_ name: String) -> String {
                guard let index = header[name], index < cells.count else { return "" }
                return cells[index].trimmingSpaces
            }
            if cells.count > header.count, cells[header.count...].contains(where: { !$0.trimmingSpaces.isEmpty }) {
                result.issues.append(LexiconIssue(location, "trop de colonnes (\(cells.count) au lieu de \(header.count)) : une tabulation en trop ?"))
                continue
            }
            let form = cell("forme")
            guard !form.isEmpty else {
                result.issues.append(LexiconIssue(location, "forme vide"))
                continue
            }
            guard let kind = EntryKind(rawValue: Folding.fold(cell("type"))) else {
                let given = cell("type")
                result.issues.append(LexiconIssue(location, given.isEmpty ? "type vide pour « \(form) » (sigle, jargon, formule, juridique ou latin)" : "type inconnu « \(given) » pour « \(form) » (sigle, jargon, formule, juridique ou latin)"))
                continue
            }
            let expansion = cell("developpement")
            let explanation = cell("explication")
            if kind.isAcronym, expansion.isEmpty {
                result.issues.append(LexiconIssue(location, "sigle « \(form) » sans développement"))
                continue
            }
            if !kind.isAcronym, explanation.isEmpty {
                result.issues.append(LexiconIssue(location, "explication vide pour « \(form) »"))
                continue
            }
            let domains = cell("domaines").splitBytes(UInt8(ascii: ",")).map(\.trimmingSpaces).filter { !$0.isEmpty }
            if !knownDomains.isEmpty, let unknown = domains.first(where: { !knownDomains.contains($0) }) {
                result.issues.append(LexiconIssue(location, "domaine inconnu « \(unknown) » pour « \(form) » (voir domaines.tsv)"))
                continue
            }
            var replacement: Replacement?
            let replacementCell = cell("remplacement")
            if !replacementCell.isEmpty {
                if kind.isAcronym {
                    result.issues.append(LexiconIssue(location, "un sigle n'a pas de remplacement (« \(form) »)"))
                    continue
                }
                let parts = replacementCell.splitBytes(UInt8(ascii: "|")).map(\.trimmingSpaces)
                guard parts.count <= 2, !parts.contains(where: \.isEmpty) else {
                    result.issues.append(LexiconIssue(location, "remplacement mal écrit « \(replacementCell) » (attendu : « singulier » ou « singulier | pluriel »)"))
                    continue
                }
                replacement = Replacement(singular: parts[0], plural: parts.count == 2 ? parts[1] : nil)
            }
            let variants = cell("variantes").splitBytes(UInt8(ascii: "|")).map(\.trimmingSpaces).filter { !$0.isEmpty }
            let source = cell("source")
            result.entries.append(
                LexiconEntry(
                    form: form, variants: variants, kind: kind, expansion: expansion.isEmpty ? nil : expansion,
                    explanation: explanation.isEmpty ? nil : explanation, replacement: replacement, domains: domains,
                    source: source.isEmpty ? nil : source, location: location))
        }
        return result
    }

    /// Parses `domaines.tsv`: `domaine`, `libelle`, `indices` (cue words separated by `|`).
    public static func parseDomains(_ text: String, file: String) -> (domains: [LexiconDomain], issues: [LexiconIssue]) {
        var domains: [LexiconDomain] = []
        var issues: [LexiconIssue] = []
        var lineNumber = 0
        var sawHeader = false
        for line in lines(of: text) {
            lineNumber += 1
            if line.trimmingSpaces.isEmpty || line.hasPrefix("#") { continue }
            if !sawHeader { sawHeader = true; continue }
            let cells = line.splitBytes(0x09).map(\.trimmingSpaces)
            guard cells.count >= 2, !cells[0].isEmpty else {
                issues.append(LexiconIssue(LexiconLocation(file: file, line: lineNumber), "ligne de domaine incomplète"))
                continue
            }
            let cues = cells.count > 2 ? cells[2].splitBytes(UInt8(ascii: "|")).map(\.trimmingSpaces).filter { !$0.isEmpty } : []
            domains.append(LexiconDomain(id: cells[0], label: cells[1], cues: cues))
        }
        return (domains, issues)
    }

    /// Lines without their terminator, accepting LF, CRLF and CR (scanned as bytes: the
    /// lexicon is read at every start of the tool).
    static func lines(of text: String) -> [String] {
        var result: [String] = []
        var copy = text
        copy.withUTF8 { p in
            var start = 0
            var i = 0
            while i < p.count {
                let b = p[i]
                if b == 0x0A || b == 0x0D {
                    result.append(String(decoding: UnsafeBufferPointer(rebasing: p[start..<i]), as: UTF8.self))
                    if b == 0x0D, i + 1 < p.count, p[i + 1] == 0x0A { i += 1 }
                    start = i + 1
                }
                i += 1
            }
            if start < p.count { result.append(String(decoding: UnsafeBufferPointer(rebasing: p[start..<p.count]), as: UTF8.self)) }
        }
        return result
    }

    /// Spreadsheets quote cells that contain quotes: `"il dit ""oui"""`.
    static func unquote(_ cell: String) -> String {
        guard cell.count >= 2, cell.hasPrefix("\""), cell.hasSuffix("\"") else { return cell }
        return String(cell.dropFirst().dropLast()).replacing("\"\"", with: "\"")
    }
}

extension String {
    /// Splits on an ASCII byte, keeping empty parts (cells of a TSV line).
    func splitBytes(_ separator: UInt8) -> [String] {
        utf8.split(separator: separator, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

}

extension String.UTF8View {
    /// Whether the text holds U+FFFD, the mark of bytes that were not valid UTF-8.
    var containsReplacementCharacter: Bool {
        var state = 0
        for byte in self {
            switch (state, byte) {
            case (_, 0xEF): state = 1
            case (1, 0xBF): state = 2
            case (2, 0xBD): return true
            default: state = 0
            }
        }
        return false
    }
}
