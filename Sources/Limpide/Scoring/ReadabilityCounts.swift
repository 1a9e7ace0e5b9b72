/// Words, sentences, syllables and long words of a text, as our tokenizer and sentence splitter see it.
///
/// - A **word** is a word or number token: `l'` and `d'` are words of their own (the article and the
///   preposition a reader parses), `rendez-vous` and `celui-ci` are one word, `25` and `2025` are words
///   (they are read); punctuation, symbols (`€`, `%`), web and e-mail addresses are not.
/// - A **sentence** is a `SentenceSplitter` sentence with at least one word: abbreviations (`M.`,
///   `art.`, `L. 262-46`) do not end one; headings and list items without a final stop do.
/// - **Syllables** come from `Syllables`; elided words have none of their own, numbers one per digit,
///   and `-ent` is mute after `ils`/`elles`.
/// - A **long word** has more than 6 letters (hyphens, apostrophes and dots do not count).
///
/// Why these counts differ from textstat's (0.7.13, used in `reference/readability/values.json`), and
/// why ours are right:
/// - textstat ends a sentence at every dot: `article L. 262-46` and `M. Dupont` become two sentences,
///   so legal texts look shorter-sentenced than they are (text 04: 6 sentences for 2 real ones). Our
///   splitter knows abbreviations.
/// - textstat ignores sentences of two words or fewer (`C'est gratuit.`), although they are the
///   easiest sentences of a plain text; we count them.
/// - textstat deletes apostrophes, so `l'article` is the one word `larticle` (8 letters, "long") and
///   `d'agréer` is `dagréer`. We count the elided article as a word and the noun for its own length:
///   `d'accord` has no long word, `l'expression` has one.
/// - Its syllables come from pyphen's hyphenation points (written syllables, wrong on `examen`,
///   `avons`, `prions`, acronyms); ours follow spoken French (see `Syllables`).
public struct ReadabilityCounts: Sendable, Hashable, Codable {
    public var words: Int
    public var sentences: Int
    public var syllables: Int
    public var longWords: Int

    public init(words: Int = 0, sentences: Int = 0, syllables: Int = 0, longWords: Int = 0) {
        self.words = words
        self.sentences = sentences
        self.syllables = syllables
        self.longWords = longWords
    }

    public var wordsPerSentence: Double { ReadabilityFormulas.ratio(words, sentences) }
    public var syllablesPerWord: Double { ReadabilityFormulas.ratio(syllables, words) }
    /// Share of long words, 0…1.
    public var longWordShare: Double { ReadabilityFormulas.ratio(longWords, words) }

    public var kandelMoles: Double { ReadabilityFormulas.kandelMoles(words: words, sentences: sentences, syllables: syllables) }
    public var lix: Double { ReadabilityFormulas.lix(words: words, sentences: sentences, longWords: longWords) }
    public var rix: Double { ReadabilityFormulas.rix(longWords: longWords, sentences: sentences) }

    public static func + (a: ReadabilityCounts, b: ReadabilityCounts) -> ReadabilityCounts {
        ReadabilityCounts(
            words: a.words + b.words, sentences: a.sentences + b.sentences, syllables: a.syllables + b.syllables,
            longWords: a.longWords + b.longWords)
    }

    /// Counts a text.
    public static func count(_ text: String) -> ReadabilityCounts {
        var copy = text
        return copy.withUTF8 { p in
            let tokens = Tokenizer.tokenize(p)
            return count(tokens: tokens, sentences: SentenceSplitter.split(tokens, in: p), bytes: p)
        }
    }

    /// Counts a tokenized text.
    public static func count(tokens: [Token], sentences: [Sentence], bytes p: UnsafeBufferPointer<UInt8>) -> ReadabilityCounts {
        perSentence(tokens: tokens, sentences: sentences, bytes: p).reduce(ReadabilityCounts(), +)
    }

    /// The counts of each sentence (`sentences` is 1, or 0 for a sentence without words).
    public static func perSentence(tokens: [Token], sentences: [Sentence], bytes p: UnsafeBufferPointer<UInt8>) -> [ReadabilityCounts] {
        var scratch: [UInt8] = []
        scratch.reserveCapacity(32)
        return sentences.map { sentence in
            var counts = ReadabilityCounts()
            var subject = SubjectContext()
            for k in sentence.tokens {
                let token = tokens[k]
                guard isWord(token) else { continue }
                LowerForm.write(p, token.range, into: &scratch)
                let pluralVerb = subject.isPluralVerbPosition
                subject.advance(scratch)
                counts.words += 1
                counts.syllables += Syllables.count(lowered: scratch, p, token, pluralVerb: pluralVerb)
                if letters(p, token) > 6 { counts.longWords += 1 }
            }
            if counts.words > 0 { counts.sentences = 1 }
            return counts
        }
    }

    /// Whether a token counts as a word.
    @inline(__always)
    public static func isWord(_ token: Token) -> Bool { token.kind == .word || token.kind == .number }

    /// Words in a sentence (cheap: no syllables).
    public static func wordCount(_ sentence: Sentence, tokens: [Token]) -> Int {
        var n = 0
        for k in sentence.tokens where isWord(tokens[k]) { n += 1 }
        return n
    }

    /// Letters of a word token, without hyphens, apostrophes, dots, digits or an inclusive suffix.
    /// Inside a word token every non-ASCII scalar is a letter but `’ ‐ ° º` and combining marks.
    static func letters(_ p: UnsafeBufferPointer<UInt8>, _ token: Token) -> Int {
        guard token.kind == .word else { return 0 }
        var n = 0
        for i in token.range {
            let b = p[i]
            if b < 0x80 {
                if b == UInt8(ascii: "(") || b == UInt8(ascii: "/") { break }
                if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A { n += 1 }
            } else if b >= 0xC3, b != 0xCC, b != 0xCD, b != 0xE2 {
                n += 1  // a lead byte: C3 (é, ç…), C5 (œ), other scripts
            }
        }
        return n
    }
}

/// Tracks whether the next word may be the verb of `ils`/`elles` (allowing clitics between:
/// `ils ne les présentent`), so that its `-ent` is mute.
struct SubjectContext {
    /// Words since `ils`/`elles`, or nil when there is none before.
    private var distance: Int?

    var isPluralVerbPosition: Bool { distance != nil }

    /// Takes the lower-case form of the word just read.
    mutating func advance(_ form: [UInt8]) {
        if LowerForm.equals(form, "ils") || LowerForm.equals(form, "elles") {
            distance = 0
        } else if let d = distance, d < 3, Self.isClitic(form) {
            distance = d + 1
        } else {
            distance = nil
        }
    }

    static func isClitic(_ form: [UInt8]) -> Bool {
        clitics.contains { $0 == form }
    }

    static let clitics: [[UInt8]] = ["ne", "n'", "se", "s'", "leur", "lui", "y", "en", "les", "la", "le", "l'", "nous", "vous", "me", "m'", "te", "t'"]
        .map { Array($0.utf8) }
}
