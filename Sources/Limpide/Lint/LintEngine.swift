import Dispatch
import Foundation

/// Lints files: reads each one (text, Markdown, HTML, XHTML), analyses it with the one pipeline,
/// applies its settings (rules on or off, severities, thresholds, ignored terms, maximum
/// complexity) and its suppression comments, and with `fix` writes the safe replacements.
///
/// Immutable and `Sendable`: files are linted in parallel, each with an analyzer built once per
/// set of lexicon files and shared by every task.
public struct LintEngine: Sendable {
    /// Write the safe replacements (`--corriger`).
    public var fix: Bool
    let base: Analyzer
    /// Analyzers for the targets' extra lexicon files, keyed by their paths.
    let analyzers: [[String]: Analyzer]
    /// Bad lines of the extra lexicons (`fichier:ligne: message`).
    public let lexiconIssues: [String]

    /// Prepares the analyzers the targets need. Throws a French message when a lexicon file
    /// cannot be read.
    public init(base: Analyzer = Analyzer(), targets: [LintTarget], fix: Bool = false) throws(LintInputError) {
        self.base = base
        self.fix = fix
        var analyzers: [[String]: Analyzer] = [:]
        var issues: [String] = []
        for paths in Set(targets.map(\.settings.lexicons)) where !paths.isEmpty {
            var files: [Lexicon.File] = []
            var names: [String] = []
            let cwd = LintPaths.absolute(FileManager.default.currentDirectoryPath)
            for path in paths {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw LintInputError(message: "impossible de lire le lexique « \(path) ».")
                }
                guard let decoded = try? TextDecoder.decode(Array(data)) else {
                    throw LintInputError(message: "le lexique « \(path) » n'est pas un texte lisible (UTF-8 attendu).")
                }
                let name = LintPaths.relative(path, to: cwd) ?? path
                names.append(name)
                files.append(Lexicon.File(name: name, text: decoded.text))
            }
            let lexicon = base.lexicon.adding(files)
            for issue in lexicon.issues where names.contains(issue.location.file) {
                let line = issue.description
                if !issues.contains(line) { issues.append(line) }
            }
            analyzers[paths] = Analyzer(lexicon: lexicon, options: base.options)
        }
        self.analyzers = analyzers
        self.lexiconIssues = issues
    }

    /// Lints targets on `jobs` threads; results sorted by path, whatever the order they finish in.
    public func lint(_ targets: [LintTarget], jobs: Int = ProcessInfo.processInfo.activeProcessorCount) -> [LintFileResult] {
        let work = WorkQueue(count: targets.count)
        let workers = max(1, min(jobs, targets.count))
        if workers == 1 {
            for (index, target) in targets.enumerated() { work.store(lint(target), at: index) }
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let index = work.take() { work.store(lint(targets[index]), at: index) }
            }
        }
        return work.results().sorted { ($0.displayPath, $0.path) < ($1.displayPath, $1.path) }
    }

    /// Lints one target.
    public func lint(_ target: LintTarget) -> LintFileResult {
        var result = LintFileResult(path: target.path, displayPath: target.displayPath, kind: target.kind, settings: target.settings)
        let bytes: [UInt8]
        let modified: Date?
        if let contents = target.contents {
            bytes = contents
            modified = nil
        } else {
            modified = AtomicFileWriter.modificationDate(target.path)
            guard let data = FileManager.default.contents(atPath: target.path) else {
                result.error = "impossible de lire « \(target.displayPath) » (droits d'accès ?)."
                return result
            }
            bytes = Array(data)
        }
        let analyzer = analyzer(for: target.settings)
        let document: LintDocument
        do {
            document = try LintDocument.load(bytes, kind: target.kind, name: target.displayPath, analyzer: analyzer)
        } catch {
            result.error = error.message
            return result
        }
        result.encoding = document.encoding
        result.complexity = document.complexity
        result.notes = document.notes
        result.issues = issues(of: document, settings: target.settings, lexicon: analyzer.lexicon)
        guard fix, target.contents == nil else { return result }
        return fixed(result, bytes: bytes, modified: modified, document: document, analyzer: analyzer)
    }

    /// `--corriger`: writes the safe replacements, then lints the new text to report what remains.
    func fixed(_ result: LintFileResult, bytes: [UInt8], modified: Date?, document: LintDocument, analyzer: Analyzer) -> LintFileResult {
        var result = result
        let edits = LintFixer.edits(for: result.issues)
        guard !edits.isEmpty else { return result }
        guard result.kind == .texte || result.kind == .markdown else {
            result.notes.append(
                LintNote(line: nil, message: "--corriger ne modifie pas les pages HTML et XHTML : \(edits.count) remplacement(s) à faire à la main."))
            return result
        }
        guard document.encoding == .utf8 || document.encoding == .utf8WithBOM else {
            result.notes.append(
                LintNote(
                    line: nil,
                    message: "--corriger ne réécrit que les fichiers UTF-8 (celui-ci est en \(document.encoding.rawValue)) : \(edits.count) remplacement(s) à faire à la main."))
            return result
        }
        let newBytes = LintFixer.apply(edits, to: bytes)
        do {
            try AtomicFileWriter.replace(path: result.path, expected: bytes, modified: modified, with: newBytes)
        } catch {
            switch error {
            case .changed:
                result.notes.append(LintNote(line: nil, message: "le fichier a changé pendant l'analyse : il n'est pas corrigé. Relancez limpide lint --corriger."))
            case .failed(let message):
                result.notes.append(LintNote(line: nil, message: "correction impossible : \(message)"))
            }
            return result
        }
        var after = result
        do {
            let redone = try LintDocument.load(newBytes, kind: result.kind, name: result.displayPath, analyzer: analyzer)
            after.issues = issues(of: redone, settings: result.settings, lexicon: analyzer.lexicon)
            after.complexity = redone.complexity
            after.notes = redone.notes
        } catch {
            after.error = error.message
        }
        after.fixesApplied = edits.count
        return after
    }

    /// The analyzer for a file's settings: its lexicons, its thresholds.
    func analyzer(for settings: LintSettings) -> Analyzer {
        var analyzer = analyzers[settings.lexicons] ?? base
        let thresholds = settings.thresholds
        if let long = thresholds.longSentence { analyzer.options.signalDetector.longSentence = long }
        if let veryLong = thresholds.veryLongSentence { analyzer.options.signalDetector.veryLongSentence = veryLong }
        // A very long sentence is at least a long one.
        let detector = analyzer.options.signalDetector
        analyzer.options.signalDetector.veryLongSentence = max(detector.veryLongSentence, detector.longSentence)
        if let nouns = thresholds.nominalisations { analyzer.options.signalDetector.nominalisationsPerSentence = nouns }
        return analyzer
    }

    /// Findings turned into issues under the settings and the suppression comments.
    func issues(of document: LintDocument, settings: LintSettings, lexicon: Lexicon) -> [LintIssue] {
        let index = SuppressionIndex(document.directives)
        let ignored = Set(settings.ignoredTerms.map { Self.ignoreKey($0) })
        let source = document.source
        var issues: [LintIssue] = []
        for finding in document.findings where settings.isEnabled(finding.rule) {
            let isTerm = finding.kind == .acronym || finding.kind == .jargon
            // An acronym is reported once, where it first appears.
            if finding.kind == .acronym, !finding.isFirstOccurrence { continue }
            if isTerm, !ignored.isEmpty, isIgnored(finding, ignored, lexicon) { continue }
            var reported = finding
            reported.message = LintMessages.message(for: finding)
            let start = source.location(of: finding.range.lowerBound)
            let suppression = index.suppression(rule: finding.rule, offset: finding.range.lowerBound, line: start.line)
            if let suppression { reported.suppression = suppression.reason ?? "" }
            issues.append(
                LintIssue(
                    finding: reported, severity: settings.severity(of: finding.rule, default: finding.severity), start: start,
                    end: source.location(of: finding.range.upperBound), fixStart: finding.fix.map { source.location(of: $0.range.lowerBound) },
                    fixEnd: finding.fix.map { source.location(of: $0.range.upperBound) }, suppression: suppression))
        }
        let rule = ComplexityRule.description
        if let maximum = settings.thresholds.maximumComplexity, settings.isEnabled(rule.id), let score = document.complexity,
            score.complexity > maximum
        {
            var message = "Complexité \(FrenchNumber.oneDecimal(score.complexity))/100 (\(score.band.rawValue)) : au-dessus du maximum fixé (\(FrenchNumber.oneDecimal(maximum)))."
            let lines = score.hardestSentences.map { "ligne \(source.location(of: $0.range.lowerBound).line)" }
            if !lines.isEmpty { message += " Phrases à reprendre d'abord : \(lines.joined(separator: ", "))." }
            var finding = Finding(rule: rule.id, kind: .document, severity: rule.severity, range: 0..<0, text: "", message: message)
            let suppression = index.suppression(rule: rule.id, offset: 0, line: 1, documentLevel: true)
            if let suppression { finding.suppression = suppression.reason ?? "" }
            let start = SourceLocation(line: 1, column: 1)
            issues.insert(
                LintIssue(
                    finding: finding, severity: settings.severity(of: rule.id, default: rule.severity), start: start, end: start,
                    suppression: suppression), at: 0)
        }
        return issues
    }

    static func ignoreKey(_ term: String) -> String {
        Folding.fold(term).filter { $0 != "." }.split(whereSeparator: { $0 == " " }).joined(separator: " ")
    }

    /// Whether an ignored term covers a finding: its text, or any form of its lexicon entry.
    func isIgnored(_ finding: Finding, _ ignored: Set<String>, _ lexicon: Lexicon) -> Bool {
        if ignored.contains(Self.ignoreKey(finding.text)) { return true }
        guard let entry = finding.meaning?.entry, entry >= 0, entry < lexicon.entries.count else { return false }
        return lexicon.entries[entry].forms.contains { ignored.contains(Self.ignoreKey($0)) }
    }
}

/// A file that cannot be linted, or a lexicon that cannot be read: a French message.
public struct LintInputError: Error, Sendable, Equatable {
    public var message: String
    public init(message: String) { self.message = message }
}

/// A document read and analysed, whatever its kind, positioned in the original file.
struct LintDocument {
    /// The file's text (original bytes for UTF-8), with its line index.
    var source: SourceText
    var encoding: SourceEncoding
    /// Findings in `source`, with their text as in `source`.
    var findings: [Finding]
    var complexity: ComplexityReport?
    var directives: [SuppressionDirective]
    var notes: [LintNote]

    static func load(_ bytes: [UInt8], kind: LintDocumentKind, name: String, analyzer: Analyzer) throws(LintInputError) -> LintDocument {
        if let markupKind = kind.markupKind {
            let document: MarkupDocument
            do {
                document = try MarkupDocument(bytes: bytes, kind: markupKind)
            } catch {
                throw LintInputError(message: "\(name):\(error.line):\(error.column): \(error.message)")
            }
            let analysis = MarkupAnalysis(document: document, analyzer: analyzer).reportAnalysis()
            let found = DirectiveParser.htmlComments(in: bytes, source: document.source)
            let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
            return LintDocument(
                source: document.source, encoding: hasBOM ? .utf8WithBOM : .utf8, findings: analysis.findings, complexity: analysis.complexity,
                directives: found.directives, notes: found.problems.map { LintNote(line: $0.line, message: $0.message) })
        }
        let decoded: DecodedText
        do {
            decoded = try TextDecoder.decode(bytes)
        } catch {
            throw LintInputError(message: describe(error, name: name))
        }
        let source = SourceText(decoded.text)
        let prepared = TextPreparation.prepare(decoded.text, kind: kind, source: source)
        let analysis = analyzer.analyze(prepared.analysisText)
        var findings = analysis.findings
        if prepared.analysisText != decoded.text {
            // Blanked code may sit inside a finding (a long sentence): report the original text.
            for k in findings.indices { findings[k].text = source.slice(findings[k].range) }
        }
        return LintDocument(
            source: source, encoding: decoded.encoding, findings: findings, complexity: analysis.complexity, directives: prepared.directives,
            notes: prepared.notes)
    }

    static func describe(_ error: DecodingError, name: String) -> String {
        error.message(file: name)
    }
}

/// Messages for the author of a text (the analysis's messages speak to its reader).
enum LintMessages {
    static func message(for finding: Finding) -> String {
        let text = finding.text
        switch finding.rule {
        case AcronymUndefinedRule.description.id:
            if finding.isAmbiguous {
                let options = ([finding.meaning] + finding.candidates.map { Optional($0) }).prefix(3).compactMap { $0?.expansion }
                return "« \(text) » n'est pas développé et a plusieurs sens possibles (\(options.joined(separator: " ; "))) : écrivez le sens voulu à sa première apparition."
            }
            guard let expansion = finding.expansion else {
                return "« \(text) » n'est pas développé : écrivez son sens en toutes lettres à sa première apparition."
            }
            return "« \(text) » n'est pas développé : écrivez « \(expansion) (\(text)) » à sa première apparition."
        case AcronymUnknownRule.description.id:
            return "« \(text) » : sigle inconnu de Limpide, que le texte ne développe pas ; écrivez son sens en toutes lettres à sa première apparition."
        case AcronymDefinedRule.description.id:
            if let explanation = finding.explanation {
                return "« \(text) » est développé dans le texte ; une explication en mots simples aiderait encore : \(explanation)"
            }
            return "« \(text) » est développé dans le texte."
        case ReplaceableJargonRule.description.id:
            if let replacement = finding.replacement { return "« \(text) » peut s'écrire plus simplement « \(replacement) »." }
            return finding.message
        case JargonToExplainRule.description.id:
            if let explanation = finding.explanation { return "« \(text) » est un terme à expliquer au lecteur, par exemple : \(explanation)" }
            return "« \(text) » est un terme à expliquer au lecteur."
        default:
            return finding.message
        }
    }
}

/// Hands out indices to worker threads and keeps their results. The lock makes it safe to share.
final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var slots: [LintFileResult?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ result: LintFileResult, at index: Int) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func results() -> [LintFileResult] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
