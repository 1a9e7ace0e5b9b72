/// How serious a finding is.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case info
    case avertissement
    case erreur

    var rank: Int {
        switch self {
        case .info: 0
        case .avertissement: 1
        case .erreur: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// What a finding is about.
public enum FindingKind: String, Sendable, Codable {
    /// An acronym (known to the lexicon or not).
    case acronym
    /// An expression of the lexicon that is not an acronym (jargon, formula, legal term, Latin).
    case jargon
    /// A sentence-level signal (length, passive voice, negation…).
    case sentence
    /// A word-level signal (long words, capitals, numbers).
    case word
    /// A document-level signal (complexity).
    case document
}

/// One meaning of a term, as offered to the reader.
public struct Meaning: Sendable, Hashable, Codable {
    public var expansion: String?
    public var explanation: String?
    public var domains: [String]
    /// The lexicon entry, when the meaning comes from the lexicon.
    public var entry: Int?

    public init(expansion: String?, explanation: String?, domains: [String], entry: Int?) {
        self.expansion = expansion
        self.explanation = explanation
        self.domains = domains
        self.entry = entry
    }
}

/// A change to the text: replace the bytes of `range` with `text` (an insertion when the range is empty).
public struct Edit: Sendable, Hashable, Codable {
    public var range: Range<Int>
    public var text: String
    public init(range: Range<Int>, text: String) {
        self.range = range
        self.text = text
    }
}

/// Something Limpide found in a text: plain data that every renderer and reporter reads.
public struct Finding: Sendable, Hashable {
    /// The stable id of the rule (`sigle-non-defini`, `jargon-remplacable`…).
    public var rule: String
    public var kind: FindingKind
    public var severity: Severity
    /// UTF-8 byte range of the finding in the analysed text.
    public var range: Range<Int>
    /// The text of `range`, exactly as in the source.
    public var text: String
    /// A sentence for people, in French. For acronyms and jargon it is derived from the other
    /// fields when needed (most findings are never shown one by one).
    public var message: String {
        get { messageOverride ?? defaultMessage }
        set { messageOverride = newValue }
    }
    private var messageOverride: String?
    /// Several meanings fit equally well: the reader is offered them rather than a guess.
    public var isAmbiguous: Bool
    /// The chosen meaning (acronyms and jargon).
    public var meaning: Meaning?
    /// The other meanings the lexicon knows, when the term is ambiguous.
    public var candidates: [Meaning]
    /// The simpler wording that can replace `text`, already adapted to the sentence.
    public var replacement: String?
    /// The edit that applies `replacement` (it may reach a neighbouring elision: `d'` → `de `).
    public var fix: Edit?
    /// The text itself defines this acronym.
    public var definedInText: Bool
    /// First occurrence of this term (this meaning) in the document.
    public var isFirstOccurrence: Bool
    /// The kind of lexicon entry (sigle, jargon, formule…), when there is one.
    public var entryKind: EntryKind?
    /// Why the finding is suppressed, when a suppression comment covers it.
    public var suppression: String?

    public init(
        rule: String, kind: FindingKind, severity: Severity, range: Range<Int>, text: String, message: String? = nil, isAmbiguous: Bool = false,
        meaning: Meaning? = nil, candidates: [Meaning] = [], replacement: String? = nil, fix: Edit? = nil,
        definedInText: Bool = false, isFirstOccurrence: Bool = true, entryKind: EntryKind? = nil, suppression: String? = nil
    ) {
        self.rule = rule
        self.kind = kind
        self.severity = severity
        self.range = range
        self.text = text
        self.messageOverride = message
        self.isAmbiguous = isAmbiguous
        self.meaning = meaning
        self.candidates = candidates
        self.replacement = replacement
        self.fix = fix
        self.definedInText = definedInText
        self.isFirstOccurrence = isFirstOccurrence
        self.entryKind = entryKind
        self.suppression = suppression
    }

    private var defaultMessage: String {
        switch kind {
        case .acronym:
            guard let expansion = meaning?.expansion else {
                return "« \(text) » : sigle inconnu ; ni le lexique ni le texte ne disent ce qu'il veut dire"
            }
            if rule == AcronymDefinedLaterRule.description.id {
                return "« \(text) » (\(expansion)) est employé avant que le texte ne donne son sens : développez-le dès sa première apparition"
            }
            if isAmbiguous {
                let options = ([meaning] + candidates.map { Optional($0) }).prefix(3).compactMap { $0?.expansion }
                return "« \(text) » a plusieurs sens possibles ici : " + options.joined(separator: " ; ")
            }
            var message = "« \(text) » : \(meaning?.expansion ?? "")"
            if let explanation = meaning?.explanation { message += " — \(explanation)" }
            return message
        case .jargon:
            if let replacement { return "« \(text) » peut s'écrire « \(replacement) » (\(meaning?.explanation ?? ""))" }
            return "« \(text) » : \(meaning?.explanation ?? "")"
        default:
            return ""
        }
    }

    public var expansion: String? { meaning?.expansion }
    public var explanation: String? { meaning?.explanation }
}
