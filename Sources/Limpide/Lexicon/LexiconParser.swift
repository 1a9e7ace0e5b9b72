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
    ///
    /// Scans UTF-8 bytes and builds a `String` only for the cells it keeps: the bundled lexicon is
    /// read at every start of the tool.
    public static func parse(_ text: String, file: String, knownDomains: Set<String> = []) -> Result {
        var result = Result()
        var copy = text
        copy.withUTF8 { p in
            var columnOf: [String: Int] = [:]
            var columnIndex: [Int] = []
            var headerCount = 0
            var cells: [Range<Int>] = []
            var lineNumber = 0
            var lineStart = 0
            var i = 0
            let n = p.count
            while lineStart < n {
                // One line: [lineStart, i).
                i = lineStart
                while i < n, p[i] != 0x0A, p[i] != 0x0D { i += 1 }
                let lineEnd = i
                if i < n, p[i] == 0x0D, i + 1 < n, p[i + 1] == 0x0A { i += 1 }
                let next = i + 1
                lineNumber += 1
                defer { lineStart = next }
                let location = LexiconLocation(file: file, line: lineNumber)
                var first = lineStart
                if lineNumber == 1, lineEnd - first >= 3, p[first] == 0xEF, p[first + 1] == 0xBB, p[first + 2] == 0xBF { first += 3 }
                let line = UnsafeBufferPointer(rebasing: p[first..<lineEnd])
                if containsReplacement(line) {
                    result.issues.append(LexiconIssue(location, "encodage invalide : le fichier doit être en UTF-8"))
                    continue
                }
                let trimmed = trim(p, first..<lineEnd)
                if trimmed.isEmpty || p[trimmed.lowerBound] == UInt8(ascii: "#") { continue }
                cells.removeAll(keepingCapacity: true)
                var cellStart = first
                for k in first..<lineEnd where p[k] == 0x09 {
                    cells.append(cellStart..<k)
                    cellStart = k + 1
                }
                cells.append(cellStart..<lineEnd)
                func string(_ range: Range<Int>) -> String {
                    let trimmed = trim(p, range)
                    return unquote(String(decoding: UnsafeBufferPointer(rebasing: p[trimmed]), as: UTF8.self))
                }
                if headerCount == 0 {
                    for (index, range) in cells.enumerated() { columnOf[Folding.fold(string(range))] = index }
                    headerCount = cells.count
                    columnIndex = Column.allCases.map { columnOf[$0.name] ?? -1 }
                    let missing = ["forme", "type"].filter { columnOf[$0] == nil }
                    if !missing.isEmpty {
                        result.issues.append(LexiconIssue(location, "en-tête incomplet : colonne(s) manquante(s) \(missing.joined(separator: ", ")) (attendu : \(columns.joined(separator: " ")))"))
                        return
                    }
                    continue
                }
                func cell(_ column: Column) -> String {
                    let index = columnIndex[column.rawValue]
                    guard index >= 0, index < cells.count else { return "" }
                    return string(cells[index])
                }
                if cells.count > headerCount, cells[headerCount...].contains(where: { !trim(p, $0).isEmpty }) {
                    result.issues.append(LexiconIssue(location, "trop de colonnes (\(cells.count) au lieu de \(headerCount)) : une tabulation en trop ?"))
                    continue
                }
                if let entry = entry(cell: cell, location: location, knownDomains: knownDomains, issues: &result.issues) {
                    result.entries.append(entry)
                }
            }
        }
        return result
    }

    /// Builds an entry from the cells of a line, or reports why it cannot.
    /// The columns a lexicon file may have, in their usual order.
    enum Column: Int, CaseIterable {
        case form, variants, kind, expansion, explanation, replacement, domains, source

        var name: String { LexiconParser.columns[rawValue] }
    }

    static func entry(cell: (Column) -> String, location: LexiconLocation, knownDomains: Set<String>, issues: inout [LexiconIssue]) -> LexiconEntry? {
        let form = cell(.form)
        guard !form.isEmpty else {
            issues.append(LexiconIssue(location, "forme vide"))
            return nil
        }
        let given = cell(.kind)
        guard let kind = EntryKind(rawValue: given) ?? EntryKind(rawValue: Folding.fold(given)) else {
            issues.append(LexiconIssue(location, given.isEmpty ? "type vide pour « \(form) » (sigle, jargon, formule, juridique, latin ou nom)" : "type inconnu « \(given) » pour « \(form) » (sigle, jargon, formule, juridique, latin ou nom)"))
            return nil
        }
        let expansion = cell(.expansion)
        let explanation = cell(.explanation)
        if kind.isAcronym, expansion.isEmpty {
            issues.append(LexiconIssue(location, "sigle « \(form) » sans développement"))
            return nil
        }
        if !kind.isAcronym, explanation.isEmpty {
            issues.append(LexiconIssue(location, "explication vide pour « \(form) »"))
            return nil
        }
        let domains = split(cell(.domains), UInt8(ascii: ","))
        if !knownDomains.isEmpty, let unknown = domains.first(where: { !knownDomains.contains($0) }) {
            issues.append(LexiconIssue(location, "domaine inconnu « \(unknown) » pour « \(form) » (voir domaines.tsv)"))
            return nil
        }
        var replacement: Replacement?
        let replacementCell = cell(.replacement)
        if !replacementCell.isEmpty {
            if kind.isAcronym {
                issues.append(LexiconIssue(location, "un sigle n'a pas de remplacement (« \(form) »)"))
                return nil
            }
            let parts = replacementCell.splitBytes(UInt8(ascii: "|")).map(\.trimmingSpaces)
            guard parts.count <= 2, !parts.contains(where: \.isEmpty) else {
                issues.append(LexiconIssue(location, "remplacement mal écrit « \(replacementCell) » (attendu : « singulier » ou « singulier | pluriel »)"))
                return nil
            }
            replacement = Replacement(singular: parts[0], plural: parts.count == 2 ? parts[1] : nil)
        }
        let source = cell(.source)
        return LexiconEntry(
            form: form, variants: split(cell(.variants), UInt8(ascii: "|")), kind: kind, expansion: expansion.isEmpty ? nil : expansion,
            explanation: explanation.isEmpty ? nil : explanation, replacement: replacement, domains: domains,
            source: source.isEmpty ? nil : source, location: location)
    }

    static func split(_ cell: String, _ separator: UInt8) -> [String] {
        if cell.isEmpty { return [] }
        if !cell.utf8.contains(separator) { return [cell] }  // the usual case: one domain, no variant
        return cell.splitBytes(separator).map(\.trimmingSpaces).filter { !$0.isEmpty }
    }

    /// The range without spaces, tabs and no-break spaces at either end.
    static func trim(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper {
            if p[lower] == 0x20 || p[lower] == 0x09 { lower += 1 } else if p[lower] == 0xC2, lower + 1 < upper, p[lower + 1] == 0xA0 { lower += 2 } else { break }
        }
        while upper > lower {
            if p[upper - 1] == 0x20 || p[upper - 1] == 0x09 { upper -= 1 } else if p[upper - 1] == 0xA0, upper - 2 >= lower, p[upper - 2] == 0xC2 { upper -= 2 } else { break }
        }
        return lower..<upper
    }

    static func containsReplacement(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count >= 3 else { return false }
        for k in 0..<(line.count - 2) where line[k] == 0xEF && line[k + 1] == 0xBF && line[k + 2] == 0xBD { return true }
        return false
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
        guard cell.utf8.count >= 2, cell.utf8.first == 0x22, cell.utf8.last == 0x22 else { return cell }
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
