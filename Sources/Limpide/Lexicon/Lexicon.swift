/// The lexicon: every entry, its domains, and the matcher compiled from them.
///
/// Build it once (``bundled()`` or ``init(files:)``) and share it: it is an immutable value,
/// safe to use from many tasks at once.
public struct Lexicon: Sendable {
    /// All entries; an entry's `id` is its index here.
    public let entries: [LexiconEntry]
    /// The known domains (from `domaines.tsv`).
    public let domains: [LexiconDomain]
    /// Problems found while loading (bad lines are skipped, never fatal).
    public let issues: [LexiconIssue]
    let matcher: Matcher
    /// For one-word entries written with accents: the accent keys of their one-word forms.
    let accentForms: [Int: Set<[UInt32]>]
    /// Inflection facts of the entries that have a replacement.
    let inflections: [Int: EntryInflection]
    /// `cueDomains[i]` is the domain of the cue phrase with value `i` in the matcher.
    let cueDomains: [String]

    /// A lexicon file: its name (for messages) and its text.
    public struct File: Sendable {
        public var name: String
        public var text: String
        public init(name: String, text: String) {
            self.name = name
            self.text = text
        }
    }

    /// The name of the file that lists the domains.
    public static let domainsFileName = "domaines.tsv"

    /// Loads lexicon files. A file named `domaines.tsv` defines the domains; entries naming an
    /// unknown domain are then reported and skipped.
    public init(files: [File]) {
        self = Lexicon(entries: [], domains: [], issues: []).adding(files)
    }

    init(entries: [LexiconEntry], domains: [LexiconDomain], issues: [LexiconIssue]) {
        self.entries = entries
        self.domains = domains
        self.issues = issues
        var cues: [(String, Int32)] = []
        var cueDomains: [String] = []
        for domain in domains {
            for cue in domain.cues {
                cues.append((cue, Int32(cueDomains.count)))
                cueDomains.append(domain.id)
            }
        }
        self.matcher = Matcher(entries: entries, cues: cues)
        var accentForms: [Int: Set<[UInt32]>] = [:]
        for entry in entries where !entry.kind.isAcronym {
            for form in entry.forms where !form.utf8.contains(0x20) && form.utf8.contains(where: { $0 >= 0x80 }) {
                let scalars = Substring(form).unicodeScalars
                guard AccentKey.hasAccents(scalars), !scalars.contains(where: { $0 == "'" || $0 == "\u{2019}" }) else { continue }
                accentForms[entry.id, default: []].insert(AccentKey.key(scalars))
            }
        }
        self.accentForms = accentForms
        var inflections: [Int: EntryInflection] = [:]
        for entry in entries where entry.replacement != nil { inflections[entry.id] = EntryInflection(entry) }
        self.inflections = inflections
        self.cueDomains = cueDomains
    }

    /// The lexicon that ships with Limpide, compiled into the library.
    public static func bundled() -> Lexicon { bundledLexicon }

    /// The files of the bundled lexicon.
    public static var bundledFiles: [File] { EmbeddedLexicon.files.map { File(name: $0.name, text: $0.text) } }

    /// This lexicon with the entries of more files on top (user lexicons). Their entries come after
    /// the bundled ones; their domains must be known unless they bring a `domaines.tsv`.
    public func adding(_ files: [File]) -> Lexicon {
        var domains = self.domains
        var issues = self.issues
        for file in files where file.name.hasSuffix(Lexicon.domainsFileName) {
            let parsed = LexiconParser.parseDomains(file.text, file: file.name)
            domains += parsed.domains
            issues += parsed.issues
        }
        let known = Set(domains.map(\.id))
        var entries = self.entries
        for file in files where !file.name.hasSuffix(Lexicon.domainsFileName) {
            let parsed = LexiconParser.parse(file.text, file: file.name, knownDomains: known)
            issues += parsed.issues
            for var entry in parsed.entries {
                entry.id = entries.count
                entries.append(entry)
            }
        }
        return Lexicon(entries: entries, domains: domains, issues: issues)
    }

    /// Entries whose main form or a variant is `term` (ignoring case and accents).
    public func entries(for term: String) -> [LexiconEntry] {
        // A linear scan: look-ups by people are rare, and an index would slow every start.
        let wanted = Folding.fold(term)
        return entries.filter { entry in entry.forms.contains { Folding.fold($0) == wanted } }
    }
}

/// Compiled on first use, then shared: immutable.
private let bundledLexicon = Lexicon(files: Lexicon.bundledFiles)
