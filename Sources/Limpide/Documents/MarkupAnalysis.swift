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
        // `<abbr title="…">CAF</abbr>`: the page defines CAF itself, like "Caisse d'allocations
        // familiales (CAF)" in a text; the pipeline applies it to every CAF.
        let definitions = document.definitions.map {
            TextDefinition(form: $0.form, expansion: $0.expansion, position: $0.textOffset, range: $0.textOffset..<$0.textOffset)
        }
        let analysis = analyzer.analyze(document.text, definitions: definitions)
        self.textAnalysis = analysis
        let map = document.map
        self.originalRanges = analysis.findings.map { map.originalRange(of: $0.range) }
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
        var complexity = textAnalysis.complexity
        if var score = complexity {
            for k in score.hardestSentences.indices { score.hardestSentences[k].range = map.originalRange(of: score.hardestSentences[k].range) }
            complexity = score
        }
        return Analysis(
            source: document.source, tokens: mapped, sentences: sentences, findings: findings, domains: textAnalysis.domains,
            complexity: complexity)
    }
}
