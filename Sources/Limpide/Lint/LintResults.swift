import Foundation

/// One finding as `limpide lint` reports it: the finding (positions in the original file), its
/// severity once the configuration applies, where it is for people, and its suppression.
public struct LintIssue: Sendable, Hashable {
    /// Range, fix and text in the file's text (UTF-8 bytes of the original file, or of the decoded
    /// text for UTF-16 and Windows-1252 files). The message is written for the author.
    public var finding: Finding
    /// The severity after the configuration (`regles: id: gravité`).
    public var severity: Severity
    public var start: SourceLocation
    public var end: SourceLocation
    /// Where `finding.fix` starts and ends, when there is a fix.
    public var fixStart: SourceLocation?
    public var fixEnd: SourceLocation?
    /// The comment that silences it, if any.
    public var suppression: Suppression?

    public var rule: String { finding.rule }
    public var message: String { finding.message }
    /// A result about the whole document (`complexite`), placed at line 1.
    public var isDocumentLevel: Bool { finding.kind == .document }

    public init(
        finding: Finding, severity: Severity, start: SourceLocation, end: SourceLocation, fixStart: SourceLocation? = nil,
        fixEnd: SourceLocation? = nil, suppression: Suppression? = nil
    ) {
        self.finding = finding
        self.severity = severity
        self.start = start
        self.end = end
        self.fixStart = fixStart
        self.fixEnd = fixEnd
        self.suppression = suppression
    }
}

/// What linting one file gave.
public struct LintFileResult: Sendable {
    public var path: String
    public var displayPath: String
    public var kind: LintDocumentKind
    public var settings: LintSettings
    /// The encoding the file was read in (nil when it could not be read).
    public var encoding: SourceEncoding?
    /// Every issue, suppressed ones included, in text order (document-level results first).
    public var issues: [LintIssue]
    /// The document's complexity, when it was analysed.
    public var complexity: ComplexityReport?
    /// Why the file could not be linted, in French (the run then exits with 2).
    public var error: String?
    public var notes: [LintNote]
    /// Replacements `--corriger` wrote into the file.
    public var fixesApplied: Int
    /// Issues of this file that the baseline already knew (left out of `issues`).
    public var known: Int

    public init(
        path: String, displayPath: String, kind: LintDocumentKind, settings: LintSettings, encoding: SourceEncoding? = nil,
        issues: [LintIssue] = [], complexity: ComplexityReport? = nil, error: String? = nil, notes: [LintNote] = [],
        fixesApplied: Int = 0, known: Int = 0
    ) {
        self.path = path
        self.displayPath = displayPath
        self.kind = kind
        self.settings = settings
        self.encoding = encoding
        self.issues = issues
        self.complexity = complexity
        self.error = error
        self.notes = notes
        self.fixesApplied = fixesApplied
        self.known = known
    }

    /// The issues no comment suppresses.
    public var active: [LintIssue] { issues.filter { $0.suppression == nil } }

    /// Whether an issue makes the run fail: not suppressed, and at or above the file's `echec-a`,
    /// or a complexity above the maximum.
    public func fails(_ issue: LintIssue) -> Bool {
        guard issue.suppression == nil else { return false }
        return issue.rule == ComplexityRule.description.id || issue.severity >= settings.failOn
    }
}

/// Counts for summaries.
public struct LintSummary: Sendable, Hashable, Codable {
    public var files: Int = 0
    public var errors: Int = 0
    public var warnings: Int = 0
    public var infos: Int = 0
    /// Findings silenced by a comment.
    public var suppressed: Int = 0
    /// Findings the baseline already knew.
    public var known: Int = 0
    /// Replacements written by `--corriger`.
    public var fixed: Int = 0
    /// Findings that make the run fail.
    public var failing: Int = 0
    /// Files that could not be read.
    public var unreadable: Int = 0
    public var averageComplexity: Double?
    public var maximumComplexity: Double?
    public var mostComplexFile: String?

    public init() {}
}

/// A whole `limpide lint` run: what reporters read.
public struct LintRun: Sendable {
    /// Results sorted by path.
    public var files: [LintFileResult]
    /// Problems with the arguments (missing files), in French.
    public var errors: [String]
    /// With `--reference-stricte`: baseline entries that no longer match anything.
    public var absent: [Baseline.Entry]
    /// Every rule that can be reported, with its metadata.
    public var rules: [RuleDescription]
    /// Files left out by `exclure`.
    public var excluded: Int

    public init(files: [LintFileResult], errors: [String] = [], absent: [Baseline.Entry] = [], rules: [RuleDescription] = LintRules.all, excluded: Int = 0) {
        self.files = files
        self.errors = errors
        self.absent = absent
        self.rules = rules
        self.excluded = excluded
    }

    public var summary: LintSummary {
        var s = LintSummary()
        s.files = files.count
        var scores: [(Double, String)] = []
        for file in files {
            if file.error != nil { s.unreadable += 1 }
            s.fixed += file.fixesApplied
            s.known += file.known
            if let c = file.complexity { scores.append((c.complexity, file.displayPath)) }
            for issue in file.issues {
                if issue.suppression != nil {
                    s.suppressed += 1
                    continue
                }
                switch issue.severity {
                case .erreur: s.errors += 1
                case .avertissement: s.warnings += 1
                case .info: s.infos += 1
                }
                if file.fails(issue) { s.failing += 1 }
            }
        }
        if !scores.isEmpty {
            s.averageComplexity = scores.reduce(0) { $0 + $1.0 } / Double(scores.count)
            let top = scores.max { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 > $1.1) }
            s.maximumComplexity = top?.0
            s.mostComplexFile = top?.1
        }
        return s
    }

    /// 2 for an input, argument or configuration problem; 1 when something fails (`--echec-a`,
    /// complexity, strict baseline); 0 otherwise.
    public var exitCode: Int32 {
        if !errors.isEmpty || files.contains(where: { $0.error != nil }) { return 2 }
        if !absent.isEmpty { return 1 }
        return files.contains { file in file.issues.contains { file.fails($0) } } ? 1 : 0
    }

    public func rule(_ id: String) -> RuleDescription? { rules.first { $0.id == id } }
}

/// French number formatting for people: `72,4`.
enum FrenchNumber {
    static func oneDecimal(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.1f", rounded).replacingOccurrences(of: ".", with: ",")
    }

    static func plural(_ n: Int, _ singular: String, _ plural: String) -> String { "\(n) \(n > 1 ? plural : singular)" }
}
