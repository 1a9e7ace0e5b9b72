/// Checks the quality of a lexicon: what `limpide lexique verifier` reports.
public enum LexiconValidator {
    /// Words an explanation may have at most (an acronym's expansion is not counted).
    public static let maximumWords = 25

    static let prepositions: Set<String> = [
        "de", "a", "pour", "sur", "par", "avec", "dans", "vers", "sans", "selon", "malgre", "contre", "apres", "avant", "chez",
        "entre", "sous", "en", "depuis", "pendant", "jusque", "des", "du", "au", "aux",
    ]
    static let conjunctions: Set<String> = ["que", "si", "quand", "comme", "car", "parce que", "lorsque", "puisque", "pour que", "afin que"]

    /// Every problem of the lexicon: loading issues first, then quality checks, by file and line.
    public static func validate(_ lexicon: Lexicon, analyzer: Analyzer? = nil) -> [LexiconIssue] {
        var issues = lexicon.issues
        var lexiconOnly = Analyzer.Options()
        lexiconOnly.signals = false
        let analyzer = analyzer ?? Analyzer(lexicon: lexicon, options: lexiconOnly)
        // Duplicates: the same form with the same meaning twice.
        var seen: [String: [LexiconEntry]] = [:]
        for entry in lexicon.entries {
            for form in Set(entry.forms.map { AcronymShape.foldedLetters($0) }) {
                for other in seen[form] ?? [] where isSameMeaning(entry, other) {
                    issues.append(LexiconIssue(entry.location, "doublon : « \(entry.form) » a déjà ce sens en \(other.location)"))
                }
                seen[form, default: []].append(entry)
            }
        }
        for entry in lexicon.entries {
            if let explanation = entry.explanation {
                let words = explanation.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).count
                if words > maximumWords {
                    issues.append(LexiconIssue(entry.location, "explication trop longue pour « \(entry.form) » : \(words) mots (\(maximumWords) au plus)"))
                }
                issues += explanationIssues(entry, explanation, analyzer: analyzer)
            } else if !entry.kind.isAcronym {
                issues.append(LexiconIssue(entry.location, "explication vide pour « \(entry.form) »"))
            }
            if let replacement = entry.replacement {
                issues += replacementIssues(entry, replacement)
            }
        }
        return issues.sorted { ($0.location.file, $0.location.line) < ($1.location.file, $1.location.line) }
    }

    static func isSameMeaning(_ a: LexiconEntry, _ b: LexiconEntry) -> Bool {
        if a.kind.isAcronym != b.kind.isAcronym { return false }
        if a.kind.isAcronym {
            return Folding.fold(a.expansion ?? "") == Folding.fold(b.expansion ?? "")
        }
        return !Set(a.domains).isDisjoint(with: b.domains) || Folding.fold(a.explanation ?? "") == Folding.fold(b.explanation ?? "")
    }

    /// An explanation must not use jargon, nor an acronym that the lexicon does not explain.
    static func explanationIssues(_ entry: LexiconEntry, _ explanation: String, analyzer: Analyzer) -> [LexiconIssue] {
        var issues: [LexiconIssue] = []
        let analysis = analyzer.analyze(explanation)
        let ownForms = Set(entry.forms.map(Folding.fold))
        for finding in analysis.findings {
            if ownForms.contains(Folding.fold(finding.text)) { continue }
            switch finding.kind {
            case .jargon where finding.entryKind == .nom:
                break  // names of organisations are allowed, like explained acronyms
            case .jargon:
                issues.append(LexiconIssue(entry.location, "l'explication de « \(entry.form) » contient du jargon : « \(finding.text) »"))
            case .acronym where finding.rule == AcronymUnknownRule.description.id:
                issues.append(LexiconIssue(entry.location, "l'explication de « \(entry.form) » contient un sigle inconnu du lexique : « \(finding.text) »"))
            case .acronym:
                let explained = ([finding.meaning] + finding.candidates.map { Optional($0) }).contains { $0?.explanation != nil }
                if !explained {
                    issues.append(LexiconIssue(entry.location, "l'explication de « \(entry.form) » contient un sigle que le lexique n'explique pas : « \(finding.text) »"))
                }
            default:
                break
            }
        }
        return issues
    }

    /// A replacement must take the place of the form without breaking the sentence.
    static func replacementIssues(_ entry: LexiconEntry, _ replacement: Replacement) -> [LexiconIssue] {
        var issues: [LexiconIssue] = []
        let formWords = TokenKey.keys(of: entry.form, stripPlural: false).map { String(decoding: $0, as: UTF8.self) }
        for wording in [replacement.singular] + (replacement.plural.map { [$0] } ?? []) {
            let trimmed = wording.trimmingSpaces
            if trimmed.hasSuffix("'") || trimmed.hasSuffix("\u{2019}") {
                issues.append(LexiconIssue(entry.location, "remplacement « \(wording) » de « \(entry.form) » : ne pas écrire l'élision, Limpide la fait"))
                continue
            }
            if Folding.fold(trimmed) == Folding.fold(entry.form) {
                issues.append(LexiconIssue(entry.location, "remplacement identique à la forme « \(entry.form) »"))
                continue
            }
            let words = TokenKey.keys(of: trimmed, stripPlural: false).map { String(decoding: $0, as: UTF8.self) }
            guard let formLast = formWords.last, let last = words.last else { continue }
            let formEndsWithPreposition = ["de", "du", "des", "a", "au", "aux"].contains(formLast)
            let formEndsWithQue = formLast == "que"
            if formEndsWithPreposition, !prepositions.contains(last) {
                issues.append(LexiconIssue(entry.location, "remplacement « \(wording) » de « \(entry.form) » : la forme finit par « \(formLast) », le remplacement doit finir par une préposition (de, à, pour…)"))
            } else if formEndsWithQue, !conjunctions.contains(last), !(words.count >= 2 && conjunctions.contains(words.suffix(2).joined(separator: " "))) {
                issues.append(LexiconIssue(entry.location, "remplacement « \(wording) » de « \(entry.form) » : la forme finit par « que », le remplacement aussi doit introduire une proposition"))
            } else if !formEndsWithPreposition, !formEndsWithQue, ["de", "que", "a"].contains(last), !["de", "que", "a", "pour", "par", "sur"].contains(formLast) {
                issues.append(LexiconIssue(entry.location, "remplacement « \(wording) » de « \(entry.form) » : il finit par « \(last) » alors que la forme non"))
            }
        }
        return issues
    }
}

/// Counts of the lexicon, for `limpide lexique stats`.
public struct LexiconStatistics: Codable, Sendable {
    /// Distinct acronym forms.
    public var acronyms: Int
    /// Distinct acronym forms with at least one explained meaning.
    public var acronymsWithExplanation: Int
    /// Acronym meanings (lines).
    public var acronymMeanings: Int
    /// Entries that are not acronyms.
    public var jargon: Int
    public var jargonWithReplacement: Int
    /// Entries by domain.
    public var domains: [String: Int]
    /// Entries by kind.
    public var kinds: [String: Int]

    public init(_ lexicon: Lexicon) {
        var acronymForms = Set<String>()
        var explained = Set<String>()
        var domains: [String: Int] = [:]
        var kinds: [String: Int] = [:]
        var jargon = 0
        var replaced = 0
        var meanings = 0
        for entry in lexicon.entries {
            kinds[entry.kind.rawValue, default: 0] += 1
            for domain in entry.domains { domains[domain, default: 0] += 1 }
            if entry.kind.isAcronym {
                meanings += 1
                let key = AcronymShape.foldedLetters(entry.form)
                acronymForms.insert(key)
                if entry.explanation != nil { explained.insert(key) }
            } else {
                jargon += 1
                if entry.replacement != nil { replaced += 1 }
            }
        }
        self.acronyms = acronymForms.count
        self.acronymsWithExplanation = explained.count
        self.acronymMeanings = meanings
        self.jargon = jargon
        self.jargonWithReplacement = replaced
        self.domains = domains
        self.kinds = kinds
    }
}
