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

    /// Builds the report of one analysed document. `file` is the path as given, or `-` for stdin.
    public init(analysis: Analysis, file: String, encoding: SourceEncoding = .utf8) {
        self.file = file
        self.encoding = encoding.rawValue
        let source = analysis.source
        self.findings = analysis.findings.map { finding in
            let start = source.location(of: finding.range.lowerBound)
            let end = source.location(of: finding.range.upperBound)
            let isLexicon = finding.kind == .acronym || finding.kind == .jargon
            return Item(
                rule: finding.rule, kind: finding.kind.rawValue, severity: finding.severity.rawValue, message: finding.message,
                text: finding.text, offset: finding.range.lowerBound, length: finding.range.count, line: start.line,
                column: start.column, endLine: end.line, endColumn: end.column, entryKind: finding.entryKind?.rawValue,
                expansion: finding.expansion, explanation: finding.explanation, replacement: finding.replacement,
                definedInText: finding.kind == .acronym ? finding.definedInText : nil, firstOccurrence: finding.isFirstOccurrence,
                domains: isLexicon ? finding.meaning?.domains : nil,
                candidates: isLexicon ? finding.candidates.map { Candidate(expansion: $0.expansion, explanation: $0.explanation, domains: $0.domains) } : nil,
                suppression: finding.suppression)
        }
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
    }

    /// The report as pretty-printed JSON, keys in a stable order.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
