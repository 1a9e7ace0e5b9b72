/// A long document analysed piece by piece, in bounded memory.
///
/// A 100 MB letter does not fit the one-piece pipeline comfortably (tokens, findings and the
/// rewritten text would each be several times its size). The caller cuts the bytes at paragraph
/// boundaries (``LongDocument/cutPoint(in:)``) and hands each piece to ``analyze(_:)``; the document
/// carries across pieces what a reader carries: the acronyms the text has defined, the terms
/// already explained (explained once per document, not once per piece), the glossary, line numbers
/// and byte offsets.
public struct LongDocument: Sendable {
    public let analyzer: Analyzer
    /// Bytes before the current piece.
    public private(set) var offset = 0
    /// Lines before the current piece.
    public private(set) var lines = 0
    /// Glossary so far, in order of first appearance.
    public private(set) var glossary: [GlossaryItem] = []
    /// Words and weighted complexity so far, for the whole-document score.
    public private(set) var words = 0
    private var weightedComplexity = 0.0
    private var weightedSubscores = ComplexitySubscores(phrases: 0, mots: 0, sigles: 0, jargon: 0, structure: 0)
    private var hardest: [HardSentence] = []
    private var definitions: [String: TextDefinition] = [:]
    private var explained = Set<String>()

    public init(analyzer: Analyzer) {
        self.analyzer = analyzer
    }

    /// Where to cut `bytes` so that a piece ends on a paragraph (or at least a line) boundary:
    /// the length of the piece to analyse now. Returns `bytes.count` when no boundary is found.
    public static func cutPoint(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let n = bytes.count
        var lastLine = -1
        var i = n - 1
        while i > 0 {
            if bytes[i] == 0x0A {
                if lastLine < 0 { lastLine = i + 1 }
                var j = i - 1
                if j >= 0, bytes[j] == 0x0D { j -= 1 }
                if j >= 0, bytes[j] == 0x0A { return i + 1 }
                if n - i > n / 2 { break }  // a paragraph boundary only in the second half
            }
            i -= 1
        }
        if lastLine > 0 { return lastLine }
        // No line break at all: cut after a space, never inside a UTF-8 sequence.
        var k = n - 1
        while k > n / 2, bytes[k] != 0x20 { k -= 1 }
        if k > n / 2 { return k + 1 }
        var cut = n
        while cut > 0, cut < n, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
        return cut
    }

    /// Analyses the next piece. Findings are positioned in the piece; add ``offset`` (before this
    /// call's update) for positions in the whole document, ``lines`` for line numbers.
    public mutating func analyze(_ piece: String) -> Analysis {
        let carried = definitions.values.map { TextDefinition(form: $0.form, expansion: $0.expansion, position: -1, range: -1 ..< -1) }
        let analysis = analyzer.analyze(piece, definitions: carried)
        // What the piece defines holds for the rest of the document.
        for (key, definition) in analysis.definitions where definitions[key] == nil { definitions[key] = definition }
        var findings = analysis.findings
        for index in findings.indices where findings[index].kind == .acronym || findings[index].kind == .jargon {
            guard findings[index].isFirstOccurrence else { continue }
            if !explained.insert(Rewriter.termKey(findings[index])).inserted {
                findings[index].isFirstOccurrence = false
                if findings[index].severity > .info, findings[index].kind == .acronym { findings[index].severity = .info }
            }
        }
        let result = Analysis(
            source: analysis.source, tokens: analysis.tokens, sentences: analysis.sentences, findings: findings,
            domains: analysis.domains, complexity: analysis.complexity)
        glossary += Rewriter.glossary(for: result)
        if let score = analysis.complexity {
            let w = Double(score.counts.words)
            words += score.counts.words
            weightedComplexity += w * score.complexity
            let s = score.subscores
            weightedSubscores = ComplexitySubscores(
                phrases: weightedSubscores.phrases + w * s.phrases, mots: weightedSubscores.mots + w * s.mots,
                sigles: weightedSubscores.sigles + w * s.sigles, jargon: weightedSubscores.jargon + w * s.jargon,
                structure: weightedSubscores.structure + w * s.structure)
            let base = offset
            hardest += score.hardestSentences.map { var h = $0; h.range = (h.range.lowerBound + base)..<(h.range.upperBound + base); return h }
            hardest = Array(hardest.sorted { $0.score > $1.score }.prefix(3))
        }
        offset += analysis.source.text.utf8.count
        lines += analysis.source.lineStarts.count - 1
        return result
    }

    /// The summary line for the whole document.
    public var summary: String { Rewriter.summary(acronyms: glossary.filter { $0.kind == .acronym }.count, jargon: glossary.filter { $0.kind == .jargon }.count) }

    /// The whole document's complexity: the pieces' scores weighted by their words (each piece is
    /// large, so its own statistics are stable); the three hardest sentences of the document.
    public var complexity: (complexity: Double, subscores: ComplexitySubscores, hardest: [HardSentence])? {
        guard words > 0 else { return nil }
        let w = Double(words)
        let s = weightedSubscores
        return (
            weightedComplexity / w,
            ComplexitySubscores(phrases: s.phrases / w, mots: s.mots / w, sigles: s.sigles / w, jargon: s.jargon / w, structure: s.structure / w),
            hardest
        )
    }
}
