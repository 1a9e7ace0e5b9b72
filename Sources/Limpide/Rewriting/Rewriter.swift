/// How a letter is rewritten for its reader.
public enum RewriteStyle: String, Sendable, CaseIterable {
    /// Explain each term in place, the first time it appears (the default).
    case gloss = "expliquer"
    /// Replace terms that have a safe simpler wording; explain the others.
    case replace = "remplacer"
}

/// A rewritten text and where Limpide changed it.
public struct Rewrite: Sendable {
    /// The rewritten text.
    public var text: String
    /// Byte ranges of `text` that Limpide inserted (explanations). Removing them gives back the
    /// original text exactly in the gloss style.
    public var insertions: [Range<Int>]
    /// The edits applied, in source coordinates.
    public var edits: [Edit]
}

/// One line of the glossary.
public struct GlossaryItem: Sendable, Hashable, Codable {
    /// The term as first written in the text.
    public var term: String
    public var kind: FindingKind
    public var expansion: String?
    public var explanation: String?
    /// The simpler wording, when there is one.
    public var replacement: String?
}

/// Renders an analysis: edits for a style, the rewritten text, the glossary and the summary line.
public enum Rewriter {
    /// The explanation inserted after a term, or nil when there is nothing to add.
    public static func gloss(for finding: Finding) -> String? {
        guard let meaning = finding.meaning else {
            return finding.kind == .acronym ? " (sigle inconnu de Limpide : demandez son sens à l'expéditeur)" : nil
        }
        switch finding.kind {
        case .acronym:
            if finding.isAmbiguous {
                let options = ([meaning] + finding.candidates).prefix(3).compactMap(\.expansion)
                return options.isEmpty ? nil : " (sens possibles : " + options.joined(separator: " ; ") + ")"
            }
            if finding.rule == AcronymDefinedRule.description.id {
                // The text gave the long form before: only the plain explanation is new.
                return meaning.explanation.map { " (\($0))" }
            }
            guard let expansion = meaning.expansion else { return nil }
            if let explanation = meaning.explanation { return " (\(expansion) : \(explanation))" }
            return " (\(expansion))"
        case .jargon:
            return meaning.explanation.map { " (\($0))" }
        default:
            return nil
        }
    }

    /// The edits of a style for an analysis, sorted and never overlapping.
    public static func edits(for analysis: Analysis, style: RewriteStyle) -> [Edit] {
        var edits: [Edit] = []
        let tokens = analysis.tokens
        var tokenIndex = 0
        for finding in analysis.findings where finding.kind == .acronym || finding.kind == .jargon {
            if style == .replace, let fix = finding.fix {
                if let last = edits.last, last.range.upperBound > fix.range.lowerBound { continue }
                edits.append(fix)
                continue
            }
            guard finding.isFirstOccurrence, let gloss = gloss(for: finding) else { continue }
            // A match that ends with an elision ("bénéficier d'|une") is explained before the
            // elided word, so that no word is cut: "bénéficier (avoir droit à) d'une".
            var position = finding.range.upperBound
            while tokenIndex < tokens.count, tokens[tokenIndex].end < position { tokenIndex += 1 }
            if tokenIndex > 0, tokenIndex < tokens.count, tokens[tokenIndex].end == position, tokens[tokenIndex].flags.contains(.elided),
                tokens[tokenIndex - 1].end > finding.range.lowerBound
            {
                position = tokens[tokenIndex - 1].end
            }
            if let last = edits.last, last.range.upperBound > position { continue }
            edits.append(Edit(range: position..<position, text: gloss))
        }
        return edits
    }

    /// Applies sorted, non-overlapping edits to a text; everything outside them is copied byte for byte.
    public static func apply(_ edits: [Edit], to text: String) -> Rewrite {
        var output: [UInt8] = []
        var insertions: [Range<Int>] = []
        let bytes = Array(text.utf8)
        output.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.text.utf8.count })
        var cursor = 0
        for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            guard edit.range.lowerBound >= cursor, edit.range.upperBound <= bytes.count else { continue }
            output.append(contentsOf: bytes[cursor..<edit.range.lowerBound])
            let start = output.count
            output.append(contentsOf: edit.text.utf8)
            if edit.range.isEmpty { insertions.append(start..<output.count) }
            cursor = edit.range.upperBound
        }
        output.append(contentsOf: bytes[cursor...])
        return Rewrite(text: String(decoding: output, as: UTF8.self), insertions: insertions, edits: edits)
    }

    /// Rewrites an analysed text in a style.
    public static func rewrite(_ analysis: Analysis, style: RewriteStyle = .gloss) -> Rewrite {
        apply(edits(for: analysis, style: style), to: analysis.source.text)
    }

    /// What makes two findings the same term: an acronym's letters, a jargon entry. Glossaries,
    /// first uses across pieces and page annotations all key terms this way.
    public static func termKey(_ finding: Finding) -> String {
        if finding.kind == .acronym { return "a:" + AcronymShape.foldedLetters(finding.text) }
        if let entry = finding.meaning?.entry { return "j:\(entry)" }
        return "j:" + Folding.fold(finding.text)
    }

    /// The glossary: each explained term once, in the order of first appearance.
    public static func glossary(for analysis: Analysis) -> [GlossaryItem] {
        var items: [GlossaryItem] = []
        var seen = Set<String>()
        for finding in analysis.findings where finding.isFirstOccurrence && (finding.kind == .acronym || finding.kind == .jargon) {
            let meaning = finding.meaning ?? Meaning(expansion: nil, explanation: nil, domains: [], entry: nil)
            guard meaning.explanation != nil || meaning.expansion != nil || finding.kind == .acronym else { continue }
            let key = termKey(finding)
            guard seen.insert(key).inserted else { continue }
            items.append(
                GlossaryItem(
                    term: finding.text, kind: finding.kind, expansion: meaning.expansion, explanation: meaning.explanation,
                    replacement: finding.replacement))
        }
        return items
    }

    /// "3 sigles et 7 formules administratives expliqués."
    public static func summary(for analysis: Analysis) -> String {
        let items = glossary(for: analysis)
        return summary(acronyms: items.filter { $0.kind == .acronym }.count, jargon: items.filter { $0.kind == .jargon }.count)
    }

    /// "3 sigles et 7 formules administratives expliqués."
    public static func summary(acronyms: Int, jargon: Int) -> String {
        func plural(_ n: Int, _ singular: String, _ plural: String) -> String { "\(n) \(n > 1 ? plural : singular)" }
        let a = plural(acronyms, "sigle", "sigles")
        let j = plural(jargon, "formule administrative", "formules administratives")
        switch (acronyms, jargon) {
        case (0, 0): return "Aucun sigle ni formule administrative à expliquer."
        case (_, 0): return "\(a) expliqué\(acronyms > 1 ? "s" : "")."
        case (0, _): return "\(j) expliquée\(jargon > 1 ? "s" : "")."
        default: return "\(a) et \(j) expliqués."
        }
    }
}
