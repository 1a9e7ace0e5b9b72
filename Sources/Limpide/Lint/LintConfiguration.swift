import Foundation
import Yams

/// A rule's setting in a configuration: off, or on (with a severity, or the rule's default).
public enum RuleSetting: Sendable, Hashable {
    case off
    case on(Severity?)
}

/// The thresholds a configuration can set; nil keeps Limpide's default.
public struct LintThresholds: Sendable, Hashable {
    /// `phrase-longue`: more words than this is a long sentence (default 20).
    public var longSentence: Int?
    /// `phrase-tres-longue`: more words than this is a very long sentence (default 30).
    public var veryLongSentence: Int?
    /// `nominalisations`: this many action nouns in one sentence or more (default 3).
    public var nominalisations: Int?
    /// `complexite-max`: a complexity above this fails (no maximum by default).
    public var maximumComplexity: Double?

    public init(longSentence: Int? = nil, veryLongSentence: Int? = nil, nominalisations: Int? = nil, maximumComplexity: Double? = nil) {
        self.longSentence = longSentence
        self.veryLongSentence = veryLongSentence
        self.nominalisations = nominalisations
        self.maximumComplexity = maximumComplexity
    }

    /// These thresholds with the ones `other` sets on top.
    public func overlaid(with other: LintThresholds) -> LintThresholds {
        LintThresholds(
            longSentence: other.longSentence ?? longSentence, veryLongSentence: other.veryLongSentence ?? veryLongSentence,
            nominalisations: other.nominalisations ?? nominalisations, maximumComplexity: other.maximumComplexity ?? maximumComplexity)
    }
}

/// What a configuration, or one of its `par-chemin` sections, says about rules.
public struct LintRuleSet: Sendable, Hashable {
    public var rules: [String: RuleSetting] = [:]
    public var thresholds = LintThresholds()
    /// Extra lexicon files, absolute paths.
    public var lexicons: [String] = []
    /// Terms never reported (acronyms or jargon), as written in the configuration.
    public var ignoredTerms: [String] = []
    public var failOn: Severity?

    public init() {}

    /// This set with `other` on top: its rules and thresholds win, its lexicons and ignored terms add up.
    public func overlaid(with other: LintRuleSet) -> LintRuleSet {
        var merged = self
        merged.rules.merge(other.rules) { _, new in new }
        merged.thresholds = thresholds.overlaid(with: other.thresholds)
        merged.lexicons += other.lexicons.filter { !lexicons.contains($0) }
        merged.ignoredTerms += other.ignoredTerms
        merged.failOn = other.failOn ?? failOn
        return merged
    }
}

/// The settings that apply to one file: its configuration, its overrides and the command line merged.
public struct LintSettings: Sendable, Hashable {
    public var rules: [String: RuleSetting] = [:]
    public var thresholds = LintThresholds()
    public var lexicons: [String] = []
    public var ignoredTerms: [String] = []
    /// The lowest severity that makes the run fail.
    public var failOn: Severity = .erreur
    /// The configuration file these settings come from, if any.
    public var configurationFile: String?

    public init() {}

    public init(_ set: LintRuleSet, configurationFile: String?) {
        rules = set.rules
        thresholds = set.thresholds
        lexicons = set.lexicons
        ignoredTerms = set.ignoredTerms
        failOn = set.failOn ?? .erreur
        self.configurationFile = configurationFile
    }

    public func isEnabled(_ rule: String) -> Bool {
        if case .off = rules[rule] { return false }
        return true
    }

    /// The severity of a rule's findings: the configuration's, or the one the analysis gave.
    public func severity(of rule: String, default severity: Severity) -> Severity {
        if case .on(let configured?) = rules[rule] { return configured }
        return severity
    }
}

/// A configuration error: where in the file, and what, in French.
public struct LintConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `.limpide.yml:7:3: …`
    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// A `.limpide.yml` file: rules, thresholds, lexicons, ignored terms, file patterns, per-path overrides.
///
/// ```yaml
/// regles:
///   voix-passive: non            # off
///   phrase-longue: erreur        # another severity
/// seuils:
///   phrase-longue: 25
///   complexite-max: 60
/// lexiques: [lexique-maison.tsv]
/// termes-ignores: [RSA]
/// inclure: ["modeles/**"]
/// exclure: [brouillons]
/// echec-a: avertissement
/// par-chemin:
///   - fichiers: "mentions-legales/**"
///     seuils: { phrase-longue: 40 }
/// ```
///
/// Paths and patterns are relative to the folder of the file.
public struct LintConfiguration: Sendable, Hashable {
    /// A `par-chemin` section: settings for the files its patterns match.
    public struct Override: Sendable, Hashable {
        public var files: [Glob]
        public var set: LintRuleSet
        public init(files: [Glob], set: LintRuleSet) {
            self.files = files
            self.set = set
        }
    }

    /// The file, nil for the defaults.
    public var file: String?
    /// The absolute folder that patterns and lexicon paths are relative to.
    public var directory: String
    public var base = LintRuleSet()
    public var include: [Glob] = []
    public var exclude: [Glob] = []
    public var overrides: [Override] = []

    /// The names looked for, in each folder from the file's up to the repository's root.
    public static let fileNames = [".limpide.yml", ".limpide.yaml"]

    /// The keys a configuration may hold.
    static let topKeys = ["regles", "seuils", "lexiques", "termes-ignores", "inclure", "exclure", "echec-a", "par-chemin"]
    static let overrideKeys = ["fichiers", "regles", "seuils", "lexiques", "termes-ignores", "echec-a"]
    static let thresholdKeys = ["phrase-longue", "phrase-tres-longue", "nominalisations", "complexite-max"]

    /// The defaults (every rule on at its own severity), relative to a folder.
    public init(directory: String) {
        self.directory = LintPaths.absolute(directory)
    }

    /// Reads a configuration file; `name` is how messages name it (the path by default).
    public static func load(path: String, name: String? = nil) throws(LintConfigurationError) -> LintConfiguration {
        let absolute = LintPaths.absolute(path)
        let name = name ?? path
        guard let data = FileManager.default.contents(atPath: absolute) else {
            throw LintConfigurationError(file: name, line: 1, column: 1, message: "impossible de lire la configuration (fichier absent ou droits d'accès).")
        }
        let text: String
        do {
            text = try TextDecoder.decode(Array(data)).text
        } catch {
            throw LintConfigurationError(file: name, line: 1, column: 1, message: "la configuration n'est pas un texte lisible (UTF-8 attendu).")
        }
        let directory = (absolute as NSString).deletingLastPathComponent
        return try parse(text, file: name, directory: directory)
    }

    /// Parses a configuration's text. `file` names it in messages; `directory` is where its
    /// relative paths start.
    public static func parse(_ yaml: String, file: String, directory: String) throws(LintConfigurationError) -> LintConfiguration {
        var parser = ConfigurationParser(file: file, directory: LintPaths.absolute(directory))
        return try parser.parse(yaml)
    }

    /// The path of a file relative to this configuration's folder, or nil when it is outside.
    public func relativePath(of absolutePath: String) -> String? {
        if directory == "/" { return String(absolutePath.dropFirst()) }
        guard absolutePath.hasPrefix(directory + "/") else { return nil }
        return String(absolutePath.dropFirst(directory.count + 1))
    }

    /// Whether `exclure` covers a file.
    public func excludes(_ absolutePath: String) -> Bool {
        guard let relative = relativePath(of: absolutePath) else { return false }
        return exclude.contains { $0.matches(relative) }
    }

    /// Whether a file found in a folder is to be linted: `inclure` when it is set (it replaces the
    /// default extensions), the default extensions otherwise; never when `exclure` covers it.
    public func includesDiscovered(_ absolutePath: String) -> Bool {
        if excludes(absolutePath) { return false }
        guard !include.isEmpty else { return LintDocumentKind.isLintedByDefault(absolutePath) }
        guard let relative = relativePath(of: absolutePath) else { return false }
        return include.contains { $0.matches(relative) }
    }

    /// The settings for a file: the base, then every `par-chemin` section whose patterns match, in order.
    public func settings(for absolutePath: String) -> LintSettings {
        var set = base
        if let relative = relativePath(of: absolutePath) {
            for override in overrides where override.files.contains(where: { $0.matches(relative) }) {
                set = set.overlaid(with: override.set)
            }
        }
        return LintSettings(set, configurationFile: file)
    }
}

/// Turns YAML nodes into a configuration, with the line of every mistake.
struct ConfigurationParser {
    let file: String
    let directory: String

    func error(_ node: Node?, _ message: String) -> LintConfigurationError {
        LintConfigurationError(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, message: message)
    }

    mutating func parse(_ yaml: String) throws(LintConfigurationError) -> LintConfiguration {
        var configuration = LintConfiguration(directory: directory)
        configuration.file = file
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let yamlError as YamlError {
            throw translate(yamlError)
        } catch {
            throw LintConfigurationError(file: file, line: 1, column: 1, message: "YAML illisible.")
        }
        guard let root else { return configuration }
        guard let mapping = root.mapping else {
            if root.scalar?.string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { return configuration }
            throw error(root, "la configuration doit être une liste de clés (regles, seuils, lexiques…), pas une valeur seule.")
        }
        for (keyNode, value) in mapping {
            let key = try keyName(keyNode, allowed: LintConfiguration.topKeys)
            switch key {
            case "inclure": configuration.include = try strings(value, key).map { Glob($0.0) }
            case "exclure": configuration.exclude = try strings(value, key).map { Glob($0.0) }
            case "par-chemin": configuration.overrides = try overrides(value)
            default: try apply(key, value, to: &configuration.base)
            }
        }
        return configuration
    }

    /// `regles`, `seuils`, `lexiques`, `termes-ignores`, `echec-a`.
    func apply(_ key: String, _ value: Node, to set: inout LintRuleSet) throws(LintConfigurationError) {
        switch key {
        case "regles": set.rules = try rules(value)
        case "seuils": set.thresholds = try thresholds(value)
        case "lexiques": set.lexicons = try lexicons(value)
        case "termes-ignores": set.ignoredTerms = try strings(value, key).map(\.0)
        case "echec-a": set.failOn = try severity(value)
        default: break
        }
    }

    func keyName(_ node: Node, allowed: [String]) throws(LintConfigurationError) -> String {
        guard let key = node.scalar?.string else { throw error(node, "une clé doit être un mot (par exemple « regles »).") }
        guard allowed.contains(key) else {
            var message = "clé inconnue « \(key) »"
            if let near = Suggestions.nearest(key, in: allowed) { message += " ; vouliez-vous dire « \(near) » ?" }
            throw error(node, message + " Clés possibles : \(allowed.joined(separator: ", ")).")
        }
        return key
    }

    func rules(_ node: Node) throws(LintConfigurationError) -> [String: RuleSetting] {
        guard let mapping = node.mapping else {
            throw error(node, "« regles » attend une liste « identifiant: réglage » (par exemple « voix-passive: non »).")
        }
        var rules: [String: RuleSetting] = [:]
        for (keyNode, value) in mapping {
            guard let id = keyNode.scalar?.string else { throw error(keyNode, "l'identifiant d'une règle doit être un mot.") }
            guard LintRules.description(of: id) != nil else {
                var message = "règle inconnue « \(id) »"
                if let near = Suggestions.nearest(id, in: LintRules.ids) { message += " ; vouliez-vous dire « \(near) » ?" }
                throw error(keyNode, message + " La liste : limpide regles.")
            }
            rules[id] = try setting(value)
        }
        return rules
    }

    func setting(_ node: Node) throws(LintConfigurationError) -> RuleSetting {
        guard let text = node.scalar?.string else {
            throw error(node, "réglage attendu : non, oui, erreur, avertissement ou info.")
        }
        switch Folding.fold(text.trimmingCharacters(in: .whitespaces)) {
        case "non", "no", "false", "off", "desactivee", "desactive": return .off
        case "oui", "yes", "true", "on", "activee", "active": return .on(nil)
        default:
            if let severity = Self.severity(text) { return .on(severity) }
            throw error(node, "réglage « \(text) » inconnu ; valeurs possibles : non, oui, erreur, avertissement, info.")
        }
    }

    static func severity(_ text: String) -> Severity? {
        Severity(rawValue: Folding.fold(text.trimmingCharacters(in: .whitespaces)))
    }

    func severity(_ node: Node) throws(LintConfigurationError) -> Severity {
        guard let text = node.scalar?.string, let severity = Self.severity(text) else {
            throw error(node, "gravité attendue : erreur, avertissement ou info.")
        }
        return severity
    }

    func thresholds(_ node: Node) throws(LintConfigurationError) -> LintThresholds {
        guard let mapping = node.mapping else {
            throw error(node, "« seuils » attend une liste « nom: nombre » (par exemple « phrase-longue: 25 »).")
        }
        var thresholds = LintThresholds()
        for (keyNode, value) in mapping {
            let key = try keyName(keyNode, allowed: LintConfiguration.thresholdKeys)
            let text = value.scalar?.string.trimmingCharacters(in: .whitespaces) ?? ""
            if key == "complexite-max" {
                guard let number = Double(text.replacingOccurrences(of: ",", with: ".")), number >= 0, number <= 100 else {
                    throw error(value, "« complexite-max » attend un nombre de 0 à 100.")
                }
                thresholds.maximumComplexity = number
                continue
            }
            guard let number = Int(text), number >= 1, number <= 1000 else {
                throw error(value, "« \(key) » attend un nombre entier positif.")
            }
            switch key {
            case "phrase-longue": thresholds.longSentence = number
            case "phrase-tres-longue": thresholds.veryLongSentence = number
            default: thresholds.nominalisations = number
            }
        }
        return thresholds
    }

    /// A string or a list of strings, each with its node.
    func strings(_ node: Node, _ key: String) throws(LintConfigurationError) -> [(String, Node)] {
        if let scalar = node.scalar { return scalar.string.isEmpty ? [] : [(scalar.string, node)] }
        guard let sequence = node.sequence else { throw error(node, "« \(key) » attend un texte ou une liste de textes.") }
        var out: [(String, Node)] = []
        for item in sequence {
            guard let text = item.scalar?.string else { throw error(item, "« \(key) » attend une liste de textes.") }
            out.append((text, item))
        }
        return out
    }

    /// Lexicon paths, relative to the configuration's folder; each must exist.
    func lexicons(_ node: Node) throws(LintConfigurationError) -> [String] {
        var paths: [String] = []
        for (path, item) in try strings(node, "lexiques") {
            let absolute = LintPaths.absolute(path, relativeTo: directory)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), !isDirectory.boolValue else {
                throw error(item, "le lexique « \(path) » n'existe pas (chemin relatif au dossier de la configuration).")
            }
            paths.append(absolute)
        }
        return paths
    }

    func overrides(_ node: Node) throws(LintConfigurationError) -> [LintConfiguration.Override] {
        guard let sequence = node.sequence else {
            throw error(node, "« par-chemin » attend une liste de sections qui commencent par « - fichiers: … ».")
        }
        var overrides: [LintConfiguration.Override] = []
        for item in sequence {
            guard let mapping = item.mapping else { throw error(item, "chaque section de « par-chemin » est une liste de clés (fichiers, regles, seuils…).") }
            var files: [Glob]?
            var set = LintRuleSet()
            for (keyNode, value) in mapping {
                let key = try keyName(keyNode, allowed: LintConfiguration.overrideKeys)
                if key == "fichiers" {
                    files = try strings(value, key).map { Glob($0.0) }
                } else {
                    try apply(key, value, to: &set)
                }
            }
            guard let files, !files.isEmpty else { throw error(item, "cette section de « par-chemin » doit dire à quels fichiers elle s'applique (« fichiers: … »).") }
            overrides.append(LintConfiguration.Override(files: files, set: set))
        }
        return overrides
    }

    /// YAML syntax errors, in French, with their line.
    func translate(_ yamlError: YamlError) -> LintConfigurationError {
        let known: [(String, String)] = [
            ("mapping values are not allowed", "deux-points inattendu (une valeur contient « : » ? mettez-la entre guillemets)"),
            ("found character that cannot start any token", "caractère inattendu (une tabulation ? YAML n'accepte que des espaces)"),
            ("did not find expected key", "indentation incohérente"),
            ("did not find expected '-' indicator", "indentation incohérente dans une liste"),
            ("could not find expected ':'", "« : » attendu après une clé"),
            ("found unexpected end of stream", "fin de fichier inattendue (guillemet non fermé ?)"),
            ("found undefined tag handle", "étiquette YAML inconnue"),
        ]
        func french(_ problem: String) -> String {
            for (english, french) in known where problem.contains(english) { return "YAML invalide : \(french)." }
            return "YAML invalide (\(problem))."
        }
        switch yamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return LintConfigurationError(file: file, line: mark.line, column: mark.column, message: french(problem))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return LintConfigurationError(
                file: file, line: context.mark.line, column: context.mark.column,
                message: "clé répétée : \(duplicates.joined(separator: ", ")).")
        case .reader(let problem, _, _, _):
            return LintConfigurationError(file: file, line: 1, column: 1, message: french(problem))
        default:
            return LintConfigurationError(file: file, line: 1, column: 1, message: "YAML illisible.")
        }
    }
}

/// "Did you mean": the closest word within two edits.
enum Suggestions {
    static func nearest(_ word: String, in candidates: [String]) -> String? {
        let a = Array(Folding.fold(word))
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(a, Array(candidate))
            if d <= 2, d < (best?.1 ?? .max) { best = (candidate, d) }
        }
        return best?.0
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// Absolute, normalised paths (`.` and `..` resolved, symbolic links kept).
public enum LintPaths {
    public static func absolute(_ path: String, relativeTo base: String? = nil) -> String {
        let start: String
        if path.hasPrefix("/") {
            start = path
        } else {
            let root = base ?? FileManager.default.currentDirectoryPath
            start = root.hasSuffix("/") ? root + path : root + "/" + path
        }
        var parts: [Substring] = []
        for part in start.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `path` relative to `base` when it is inside it (`docs/a.md`), else nil.
    public static func relative(_ path: String, to base: String) -> String? {
        if base == "/" { return String(path.dropFirst()) }
        if path == base { return "." }
        guard path.hasPrefix(base + "/") else { return nil }
        return String(path.dropFirst(base.count + 1))
    }

    /// `path` relative to `base`, with `..` when it is outside (`../shared/a.txt`).
    public static func relativeWithParents(_ path: String, to base: String) -> String {
        let a = path.split(separator: "/")
        let b = base.split(separator: "/")
        var common = 0
        while common < a.count, common < b.count, a[common] == b[common] { common += 1 }
        let up = Array(repeating: "..", count: b.count - common)
        let rest = a[common...].map(String.init)
        let parts = up + rest
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
