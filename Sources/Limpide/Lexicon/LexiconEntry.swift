/// What kind of term an entry is.
public enum EntryKind: String, Sendable, Codable, CaseIterable {
    /// An acronym or initialism: APL, Urssaf, C.A.F.
    case sigle
    /// An administrative word: allocataire, pièce justificative.
    case jargon
    /// A set phrase of administrative letters: il vous appartient de.
    case formule
    /// A legal or procedural term: forclusion, mise en demeure.
    case juridique
    /// Latin or old phrasing: nonobstant, ledit, a fortiori.
    case latin
    /// The name of an organisation, a programme or a public service: France Travail, Assurance
    /// Maladie. Like an explained acronym, it may appear in other explanations.
    case nom

    public var isAcronym: Bool { self == .sigle }
}

/// A simpler wording that can take the place of an entry in a sentence.
public struct Replacement: Sendable, Hashable, Codable {
    public var singular: String
    /// The plural wording when it differs (`document | documents`).
    public var plural: String?

    public init(singular: String, plural: String? = nil) {
        self.singular = singular
        self.plural = plural
    }
}

/// Where a line of a lexicon file is.
public struct LexiconLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
    public var description: String { "\(file):\(line)" }
}

/// One meaning of one term of the lexicon.
public struct LexiconEntry: Sendable, Hashable, Identifiable {
    /// Index of the entry in its lexicon.
    public var id: Int
    /// The main form, as it is displayed: `APL`, `à compter de`.
    public var form: String
    /// Other spellings.
    public var variants: [String]
    public var kind: EntryKind
    /// What the letters of an acronym stand for.
    public var expansion: String?
    /// A plain-French explanation, written by the Limpide team.
    public var explanation: String?
    public var replacement: Replacement?
    /// Domain identifiers (`famille-logement`, `impots`…).
    public var domains: [String]
    /// Where the expansion comes from.
    public var source: String?
    public var location: LexiconLocation

    public init(
        id: Int = 0, form: String, variants: [String] = [], kind: EntryKind, expansion: String? = nil,
        explanation: String? = nil, replacement: Replacement? = nil, domains: [String] = [], source: String? = nil,
        location: LexiconLocation = LexiconLocation(file: "(code)", line: 0)
    ) {
        self.id = id
        self.form = form
        self.variants = variants
        self.kind = kind
        self.expansion = expansion
        self.explanation = explanation
        self.replacement = replacement
        self.domains = domains
        self.source = source
        self.location = location
    }

    /// All forms: the main one first.
    public var forms: [String] { [form] + variants }
}

/// A domain of French administration, with cue words that point to it.
public struct LexiconDomain: Sendable, Hashable {
    public var id: String
    public var label: String
    public var cues: [String]
}

/// A problem in a lexicon file, at a line.
public struct LexiconIssue: Sendable, Hashable, CustomStringConvertible {
    public var location: LexiconLocation
    public var message: String
    public init(_ location: LexiconLocation, _ message: String) {
        self.location = location
        self.message = message
    }
    public var description: String { "\(location): \(message)" }
}
