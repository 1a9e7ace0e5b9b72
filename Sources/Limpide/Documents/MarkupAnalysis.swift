/// A markup document analysed: the pipeline's findings on the text a person reads, mapped back to
/// the original bytes.
public struct MarkupAnalysis: Sendable {
    public let document: MarkupDocument
    /// The pipeline's analysis of `document.text`, with the document's own `<abbr>` definitions
    /// applied to its findings. Ranges are in the analysis text.
    public let textAnalysis: Analysis
    /// Where each finding of `textAnalysis` is in the original bytes (same order): a reference
    /// counts whole; a term split by inline markup spans the markup.
    public let originalRanges: [Range<Int>]

    /// The findings with ranges (and fixes) in the original bytes; `text` stays the decoded text.
    /// Computed on each access: big pages keep one copy of their findings.
    public var findings: [Finding] {
        zip(textAnalysis.findings, originalRanges).map { finding, range in
            var mapped = finding
            mapped.range = range
            if var fix = finding.fix {
                fix.range = document.map.originalRange(of: fix.range)
                mapped.fix = fix
            }
            return mapped
        }
    }

    /// Analyses a document with an analyzer (the one pipeline every adapter feeds).
    public init(document: MarkupDocument, analyzer: Analyzer) {
        self.document = document
        let raw = analyzer.analyze(document.text)
        let textFindings = Self.applyingDefinitions(document.definitions, to: raw.findings, lexicon: analyzer.lexicon)
        self.textAnalysis = Analysis(source: raw.source, tokens: raw.tokens, sentences: raw.sentences, findings: textFindings, domains: raw.domains)
        let map = document.map
        self.originalRanges = textFindings.map { map.originalRange(of: $0.range) }
    }

    /// Line and column, in the original file, of an original byte offset.
    public func location(of offset: Int) -> SourceLocation { document.source.location(of: offset) }

    /// An `Analysis` positioned in the original file, for reporters (`JSONReport`): its source is
    /// the original file, its findings, tokens and sentences point into the original bytes.
    public func reportAnalysis() -> Analysis {
        let map = document.map
        let tokens = textAnalysis.tokens
        let starts = map.originalStarts(ofSorted: tokens.lazy.map(\.start))
        let ends = map.originalEnds(ofSortedLastBytes: tokens.lazy.map { max($0.start, $0.end - 1) })
        var mapped = tokens
        for k in mapped.indices {
            mapped[k].start = starts[k]
            mapped[k].end = max(starts[k], ends[k])
        }
        let sentences = textAnalysis.sentences.map { sentence in
            Sentence(tokens: sentence.tokens, range: map.originalRange(of: sentence.range))
        }
        return Analysis(source: document.source, tokens: mapped, sentences: sentences, findings: findings, domains: textAnalysis.domains)
    }

    /// `<abbr title="…">CAF</abbr>`: the document defines CAF itself. Acronym findings with the same
    /// letters take that definition the way a definition in the text would ("Caisse d'allocations
    /// familiales (CAF)"): the lexicon meaning with that long form if there is one, else the title;
    /// the rule says whether the page defines it before this use or only after.
    static func applyingDefinitions(_ definitions: [MarkupDefinition], to findings: [Finding], lexicon: Lexicon) -> [Finding] {
        guard !definitions.isEmpty else { return findings }
        var byLetters: [String: MarkupDefinition] = [:]
        for definition in definitions {
            let key = AcronymShape.foldedLetters(definition.form)
            if byLetters[key] == nil { byLetters[key] = definition }
        }
        return findings.map { finding in
            guard finding.kind == .acronym, !finding.definedInText,
                let definition = byLetters[AcronymShape.foldedLetters(finding.text)]
            else { return finding }
            var result = finding
            let known = (finding.meaning.map { [$0] } ?? []) + finding.candidates
            let text = TextDefinition(form: definition.form, expansion: definition.expansion, position: definition.textOffset, range: definition.textOffset..<definition.textOffset)
            if let chosen = LexiconDetector.meaning(for: text, among: known.compactMap(\.entry), lexicon: lexicon) {
                result.meaning = chosen
                result.candidates = known.filter { $0.entry != chosen.entry }
            } else {
                result.meaning = Meaning(expansion: definition.expansion, explanation: nil, domains: [], entry: nil)
                result.candidates = known
            }
            result.definedInText = true
            result.isAmbiguous = false
            // Defined by the page before (or at) this use, or only later: the text pipeline's rules.
            let rule = definition.textOffset <= finding.range.lowerBound ? AcronymDefinedRule.description : AcronymDefinedLaterRule.description
            result.rule = rule.id
            result.severity = rule.severity
            return result
        }
    }
}
