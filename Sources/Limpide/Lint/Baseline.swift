import Foundation

/// The findings a project accepts for now (`--ecrire-reference`), so that `--reference` reports
/// only new ones.
///
/// A finding is matched by rule, file and text (white space runs folded to one space), never by
/// line: a paragraph added above does not make old findings new. The same text found several
/// times counts: three recorded, four found, the fourth (in text order) is new. Files are recorded
/// relative to the baseline's folder, so the baseline works from any working folder.
public struct Baseline: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Hashable {
        public var rule: String
        public var file: String
        public var text: String
        public var count: Int

        public init(rule: String, file: String, text: String, count: Int) {
            self.rule = rule
            self.file = file
            self.text = text
            self.count = count
        }
    }

    public static let schemaVersion = "1.0"
    public var schemaVersion = Baseline.schemaVersion
    public var tool = "limpide \(Limpide.version)"
    public var findings: [Entry]

    public init(findings: [Entry]) {
        self.findings = findings
    }

    struct Key: Hashable {
        var rule: String
        var file: String
        var text: String
    }

    /// The active (not suppressed) findings of a run, recorded relative to `directory`.
    public init(results: [LintFileResult], relativeTo directory: String) {
        var counts: [Key: Int] = [:]
        for file in results where file.error == nil {
            let name = Self.fileKey(file, relativeTo: directory)
            for issue in file.issues where issue.suppression == nil {
                counts[Key(rule: issue.rule, file: name, text: Self.normalized(issue.finding.text)), default: 0] += 1
            }
        }
        findings = counts.map { Entry(rule: $0.key.rule, file: $0.key.file, text: $0.key.text, count: $0.value) }.sorted {
            ($0.file, $0.rule, $0.text) < ($1.file, $1.rule, $1.text)
        }
    }

    /// A file as the baseline names it.
    static func fileKey(_ file: LintFileResult, relativeTo directory: String) -> String {
        file.path == "-" ? "-" : LintPaths.relativeWithParents(file.path, to: LintPaths.absolute(directory))
    }

    /// White space runs folded to one space, ends trimmed.
    public static func normalized(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Removes from `results` the issues the baseline knows (counting them in `known`); returns the
    /// entries that matched nothing in the files linted (other files are not judged).
    public func apply(to results: inout [LintFileResult], relativeTo directory: String) -> [Entry] {
        var remaining: [Key: Int] = [:]
        for entry in findings { remaining[Key(rule: entry.rule, file: entry.file, text: entry.text), default: 0] += entry.count }
        var linted = Set<String>()
        for index in results.indices where results[index].error == nil {
            let name = Self.fileKey(results[index], relativeTo: directory)
            linted.insert(name)
            var kept: [LintIssue] = []
            for issue in results[index].issues {
                guard issue.suppression == nil else {
                    kept.append(issue)
                    continue
                }
                let key = Key(rule: issue.rule, file: name, text: Self.normalized(issue.finding.text))
                if let left = remaining[key], left > 0 {
                    remaining[key] = left - 1
                    results[index].known += 1
                } else {
                    kept.append(issue)
                }
            }
            results[index].issues = kept
        }
        return remaining.filter { $0.value > 0 && linted.contains($0.key.file) }
            .map { Entry(rule: $0.key.rule, file: $0.key.file, text: $0.key.text, count: $0.value) }
            .sorted { ($0.file, $0.rule, $0.text) < ($1.file, $1.rule, $1.text) }
    }

    /// Reads a baseline file. Errors are in French.
    public static func load(path: String) throws(BaselineError) -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BaselineError(message: "la référence « \(path) » n'existe pas ou ne peut pas être lue. Créez-la avec --ecrire-reference \(path).")
        }
        do {
            let baseline = try JSONDecoder().decode(Baseline.self, from: data)
            guard baseline.schemaVersion.hasPrefix("1.") else {
                throw BaselineError(message: "la référence « \(path) » est d'une version inconnue (\(baseline.schemaVersion)).")
            }
            return baseline
        } catch let error as BaselineError {
            throw error
        } catch {
            throw BaselineError(message: "la référence « \(path) » n'est pas un fichier de référence de Limpide (JSON illisible). Recréez-la avec --ecrire-reference.")
        }
    }

    /// The baseline as JSON, stable (sorted keys and entries), for version control.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)) ?? Data()) + Data("\n".utf8)
    }

    public var count: Int { findings.reduce(0) { $0 + $1.count } }
}

/// A baseline that cannot be read.
public struct BaselineError: Error, Sendable, Equatable {
    public var message: String
}
