/// A markup document with Limpide's elements inserted.
public struct AnnotatedMarkup: Sendable {
    /// The annotated document.
    public var bytes: [UInt8]
    /// Byte ranges of `bytes` that Limpide inserted (start tags, end tags, the glossary block).
    /// Removing them gives back the original bytes exactly.
    public var insertions: [Range<Int>]
    /// Indices (into `MarkupAnalysis.findings`) of the findings wrapped in an element.
    public var wrapped: [Int]

    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Annotates a markup document for accessibility, inserting into a copy of the original bytes:
///
/// - the first occurrence of each acronym that can be wrapped becomes
///   `<abbr data-limpide="sigle" title="expansion">CAF</abbr>` (WCAG 2.2, 3.1.4 Abbreviations);
/// - the first occurrence of each term of jargon becomes a link to its glossary entry,
///   `<a data-limpide="jargon" href="#limpide-glossaire-3" title="explication">…</a>`, or, inside a
///   link or a button, `<dfn data-limpide="jargon" title="explication">…</dfn>` (3.1.3 Unusual Words);
/// - a glossary, `<div data-limpide="glossaire">`, goes before `</body>`.
///
/// Text in attributes, in `<title>`, `<option>` and the like, or split by inline markup, cannot
/// take an element: it is reported and listed in the glossary only. Every inserted element carries
/// `data-limpide`; removing the glossary and unwrapping the others gives back the document.
public enum MarkupAnnotator {
    public static func annotate(_ analysis: MarkupAnalysis) -> AnnotatedMarkup {
        let document = analysis.document
        let textFindings = analysis.textAnalysis.findings
        let map = document.map
        let items = Rewriter.glossary(for: analysis.textAnalysis)
        let prefix = idPrefix(avoiding: document.ids)
        let glossaryIndex = glossaryIndices(textFindings, items: items)

        struct Insertion {
            var offset: Int
            /// At one offset: end tags first, then the glossary, then start tags.
            var order: Int
            var text: String
        }
        var insertions: [Insertion] = []
        var wrapped: [Int] = []
        // An acronym the document already marks with its own <abbr title> needs no second one.
        var done = Set(document.definitions.map { "a:" + AcronymShape.foldedLetters($0.form) })
        var taken: [Range<Int>] = []
        for (index, finding) in textFindings.enumerated() where finding.kind == .acronym || finding.kind == .jargon {
            // An acronym Limpide cannot expand gets no <abbr>: it is listed in the glossary only.
            guard finding.suppression == nil, finding.meaning != nil, let gloss = Rewriter.gloss(for: finding) else { continue }
            let key = Rewriter.termKey(finding)
            guard !done.contains(key), let mode = wrapMode(of: finding.range, in: map) else { continue }
            let original = analysis.originalRanges[index]
            guard !original.isEmpty, !taken.contains(where: { $0.overlaps(original) }) else { continue }
            let explanation = stripped(gloss)
            let open: String
            let close: String
            if finding.kind == .acronym {
                let title = finding.isAmbiguous ? explanation : (finding.expansion ?? explanation)
                open = "<abbr data-limpide=\"sigle\" title=\"\(XMLEscaping.attribute(title))\">"
                close = "</abbr>"
            } else if mode == .full, let item = glossaryIndex[key] {
                open = "<a data-limpide=\"jargon\" href=\"#\(prefix)-\(item + 1)\" title=\"\(XMLEscaping.attribute(explanation))\">"
                close = "</a>"
            } else {
                open = "<dfn data-limpide=\"jargon\" title=\"\(XMLEscaping.attribute(explanation))\">"
                close = "</dfn>"
            }
            insertions.append(Insertion(offset: original.lowerBound, order: 2, text: open))
            insertions.append(Insertion(offset: original.upperBound, order: 0, text: close))
            done.insert(key)
            taken.append(original)
            wrapped.append(index)
        }
        if !items.isEmpty, let offset = document.glossaryOffset {
            insertions.append(Insertion(offset: offset, order: 1, text: glossaryBlock(items, prefix: prefix, xhtml: document.kind == .xhtml)))
        }
        insertions.sort { $0.offset != $1.offset ? $0.offset < $1.offset : $0.order < $1.order }

        let asciiOnly = !["utf-8", "utf8"].contains(document.declaredEncoding)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(document.bytes.count + insertions.reduce(0) { $0 + $1.text.utf8.count })
        var ranges: [Range<Int>] = []
        var cursor = 0
        for insertion in insertions {
            bytes.append(contentsOf: document.bytes[cursor..<insertion.offset])
            cursor = insertion.offset
            let start = bytes.count
            bytes.append(contentsOf: asciiOnly ? asciiEscaped(insertion.text) : Array(insertion.text.utf8))
            ranges.append(start..<bytes.count)
        }
        bytes.append(contentsOf: document.bytes[cursor...])
        return AnnotatedMarkup(bytes: bytes, insertions: ranges, wrapped: wrapped)
    }

    /// The widest element a text range can take, or nil when none fits: all of it must be in one
    /// run of element text (no tag inside), in a place that allows phrasing elements.
    static func wrapMode(of range: Range<Int>, in map: TextMap) -> WrapMode? {
        let pieces = map.pieces(overlapping: range)
        guard let first = pieces.first, first.run >= 0, first.kind != .separator else { return nil }
        var mode = first.wrap
        for piece in pieces {
            guard piece.kind != .separator, piece.run == first.run, piece.parent == first.parent else { return nil }
            mode = min(mode, piece.wrap)
        }
        return mode == .none ? nil : mode
    }

    /// Which glossary item each term links to. `Rewriter.glossary(for:)` lists terms in the order
    /// of their first appearance, each item made from one finding: walk both in step.
    static func glossaryIndices(_ findings: [Finding], items: [GlossaryItem]) -> [String: Int] {
        var indices: [String: Int] = [:]
        var next = 0
        for finding in findings where finding.kind == .acronym || finding.kind == .jargon {
            guard next < items.count else { break }
            let item = items[next]
            guard item.term == finding.text, item.kind == finding.kind, item.expansion == finding.expansion, item.explanation == finding.explanation
            else { continue }
            indices[Rewriter.termKey(finding)] = next
            next += 1
        }
        return indices
    }

    /// " (Caisse d'allocations familiales : …)" → "Caisse d'allocations familiales : …"
    static func stripped(_ gloss: String) -> String {
        var text = Substring(gloss)
        while text.first == " " { text = text.dropFirst() }
        if text.first == "(", text.last == ")" { text = text.dropFirst().dropLast() }
        return String(text)
    }

    /// A prefix for Limpide's ids that no id of the document starts with.
    static func idPrefix(avoiding ids: Set<String>) -> String {
        var prefix = "limpide-glossaire"
        var n = 1
        while ids.contains(where: { $0.hasPrefix(prefix) }) {
            n += 1
            prefix = "limpide\(n)-glossaire"
        }
        return prefix
    }

    static func glossaryBlock(_ items: [GlossaryItem], prefix: String, xhtml: Bool) -> String {
        let lang = xhtml ? "lang=\"fr\" xml:lang=\"fr\"" : "lang=\"fr\""
        var block = "<div data-limpide=\"glossaire\" id=\"\(prefix)\" \(lang)>\n<h2>Glossaire</h2>\n<dl>\n"
        for (k, item) in items.enumerated() {
            var definition = ""
            switch item.kind {
            case .acronym:
                definition = [item.expansion, item.explanation].compactMap { $0 }.joined(separator: " — ")
            default:
                definition = item.explanation ?? item.expansion ?? ""
            }
            if let replacement = item.replacement { definition += " (plus simple : « \(replacement) »)" }
            block += "<dt id=\"\(prefix)-\(k + 1)\">\(XMLEscaping.text(item.term))</dt>\n<dd>\(XMLEscaping.text(definition))</dd>\n"
        }
        block += "</dl>\n</div>"
        return block
    }

    /// For a document that declares another encoding than UTF-8: non-ASCII as character references.
    static func asciiEscaped(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        for c in text.unicodeScalars {
            if c.isASCII { out.append(UInt8(c.value)) } else { out.append(contentsOf: "&#\(c.value);".utf8) }
        }
        return out
    }
}
