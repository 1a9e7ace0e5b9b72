import Foundation

/// The JSON report of `limpide --format json`, described by `schemas/limpide-report.schema.json`.
public struct JSONReport: Codable, Sendable {
    public static let schemaVersion = "1.0"

    public struct Tool: Codable, Sendable {
        public var name = "limpide"
        public var version = Limpide.version
    }

    public struct Candidate: Codable, Sendable {
        public var expansion: String?
        public var explanation: String?
        public var domains: [String]
    }

    public struct Item: Codable, Sendable {
        public var rule: String
        public var kind: String
        public var severity: String
        public var message: String
        public var text: String
        public var offset: Int
        public var length: Int
        public var line: Int
        public var column: Int
        public var endLine: Int
        public var endColumn: Int
        public var entryKind: String?
        public var expansion: String?
        public var explanation: String?
        public var replacement: String?
        public var definedInText: Bool?
        public var firstOccurrence: Bool
        public var domains: [String]?
        public var candidates: [Candidate]?
        public var suppression: String?
    }

    public struct Statistics: Codable, Sendable {
        public var bytes: Int
        public var words: Int
        public var sentences: Int
        public var acronyms: Int
        public var jargon: Int

        public init(bytes: Int, words: Int, sentences: Int, acronyms: Int, jargon: Int) {
            self.bytes = bytes
            self.words = words
            self.sentences = sentences
            self.acronyms = acronyms
            self.jargon = jargon
        }
    }

    public var schemaVersion = JSONReport.schemaVersion
    public var tool = Tool()
    public var file: String
    public var encoding: String
    public var findings: [Item]
    public var statistics: Statistics
    public var glossary: [GlossaryItem]
    public var summary: String
    public var domains: [String]
    /// The complexity score, 0 (limpide) to 100 (opaque).
    public var complexity: Double?
    public var kandelMoles: Double?
    public var lix: Double?
    public var rix: Double?
    /// The score once Limpide has explained the letter.
    public var complexityAfterExplanation: Double?
    /// The whole score: band, school level, sub-scores, hardest sentences.
    public var score: ComplexityReport?

    /// Builds the report of one analysed document. `file` is the path as given, or `-` for stdin.
    public init(analysis: Analysis, file: String, encoding: SourceEncoding = .utf8, after: ComplexityReport? = nil) {
        self.file = file
        self.encoding = encoding.rawValue
        let source = analysis.source
        self.findings = analysis.findings.map { Self.item(for: $0, in: source) }
        let glossary = Rewriter.glossary(for: analysis)
        self.glossary = glossary
        self.statistics = Statistics(
            bytes: source.text.utf8.count,
            words: analysis.tokens.lazy.filter { $0.kind == .word }.count,
            sentences: analysis.sentences.count,
            acronyms: glossary.filter { $0.kind == .acronym }.count,
            jargon: glossary.filter { $0.kind == .jargon }.count)
        self.summary = Rewriter.summary(for: analysis)
        self.domains = Array(analysis.domains.prefix(3))
        if let score = analysis.complexity {
            self.score = score
            self.complexity = Self.rounded(score.complexity)
            self.kandelMoles = Self.rounded(score.kandelMoles)
            self.lix = Self.rounded(score.lix)
            self.rix = Self.rounded(score.rix)
        }
        self.complexityAfterExplanation = after.map { Self.rounded($0.complexity) }
    }

    static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    /// The JSON item of a finding. `offset` and `lines` are the bytes and lines of the document
    /// before `source`, when the document is read in pieces.
    public static func item(for finding: Finding, in source: SourceText, offset: Int = 0, lines: Int = 0) -> Item {
        let start = source.location(of: finding.range.lowerBound)
        let end = source.location(of: finding.range.upperBound)
        let isLexicon = finding.kind == .acronym || finding.kind == .jargon
        return Item(
            rule: finding.rule, kind: finding.kind.rawValue, severity: finding.severity.rawValue, message: finding.message,
            text: finding.text, offset: finding.range.lowerBound + offset, length: finding.range.count, line: start.line + lines,
            column: start.column, endLine: end.line + lines, endColumn: end.column, entryKind: finding.entryKind?.rawValue,
            expansion: finding.expansion, explanation: finding.explanation, replacement: finding.replacement,
            definedInText: finding.kind == .acronym ? finding.definedInText : nil, firstOccurrence: finding.isFirstOccurrence,
            domains: isLexicon ? finding.meaning?.domains : nil,
            candidates: isLexicon ? finding.candidates.map { Candidate(expansion: $0.expansion, explanation: $0.explanation, domains: $0.domains) } : nil,
            suppression: finding.suppression)
    }

    /// The report as pretty-printed JSON, keys in a stable order.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
