/// What a token is made of.
public enum TokenKind: UInt8, Sendable {
    /// Letters, possibly with digits, hyphens, an elision or an abbreviation dot: `l'`, `ci-joint`, `C.A.F.`, `M.`.
    case word
    /// A number, amount, date, time, reference or ordinal: `1 234,56`, `12/03/2025`, `262-37`, `1er`.
    case number
    /// Sentence and clause punctuation, brackets, quotes, dashes.
    case punctuation
    /// Symbols such as `€`, `%`, `§`, `+`.
    case symbol
    /// A web address, including bare domains such as `service-public.fr`.
    case url
    /// An e-mail address.
    case email
}

/// Facts about a token, decided once by the tokenizer.
public struct TokenFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// Ends with an elision apostrophe: `l'`, `d'`, `qu'`, `jusqu'`.
    public static let elided = TokenFlags(rawValue: 1 << 0)
    /// Contains a hyphen between letters: `ci-joint`.
    public static let hyphenated = TokenFlags(rawValue: 1 << 1)
    /// A dotted acronym: `C.A.F.`.
    public static let dotted = TokenFlags(rawValue: 1 << 2)
    /// Ends with an abbreviation dot that does not end the sentence: `M.`, `art.`, `n°`.
    public static let abbreviation = TokenFlags(rawValue: 1 << 3)
    /// Its first letter is upper case.
    public static let initialUpper = TokenFlags(rawValue: 1 << 4)
    /// Has at least one upper-case letter.
    public static let hasUpper = TokenFlags(rawValue: 1 << 5)
    /// Has at least one lower-case letter.
    public static let hasLower = TokenFlags(rawValue: 1 << 6)
    /// Has at least one digit.
    public static let hasDigit = TokenFlags(rawValue: 1 << 7)
    /// At least one line break stands between this token and the previous one.
    public static let newlineBefore = TokenFlags(rawValue: 1 << 8)
    /// An empty line stands between this token and the previous one (a new paragraph).
    public static let blankLineBefore = TokenFlags(rawValue: 1 << 9)
    /// Ends with an inclusive-writing suffix: `pièce(s)`, `soussigné(e)`, `amené/e`.
    public static let inclusiveSuffix = TokenFlags(rawValue: 1 << 10)
    /// An abbreviation that may still end a sentence (`etc.`).
    public static let mayEndSentence = TokenFlags(rawValue: 1 << 11)
    /// Contains bytes outside ASCII.
    public static let nonASCII = TokenFlags(rawValue: 1 << 12)
    /// Nothing but white space stands between the previous token and this one, on the same line.
    public static let spaceBefore = TokenFlags(rawValue: 1 << 13)
}

/// A token: its exact place in the source bytes, its kind and its flags.
///
/// Offsets are UTF-8 byte offsets into the text the tokenizer was given; `end` is exclusive.
public struct Token: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var kind: TokenKind
    public var flags: TokenFlags

    public init(start: Int, end: Int, kind: TokenKind, flags: TokenFlags) {
        self.start = start
        self.end = end
        self.kind = kind
        self.flags = flags
    }

    public var range: Range<Int> { start..<end }
    public var length: Int { end - start }

    /// All letters are upper case (and there are at least two of them, or a dotted form).
    public var isAllUpper: Bool { flags.contains(.hasUpper) && !flags.contains(.hasLower) }
    /// All letters are lower case.
    public var isAllLower: Bool { flags.contains(.hasLower) && !flags.contains(.hasUpper) }
}

/// A sentence: a run of tokens and the bytes from its first token to its last.
public struct Sentence: Sendable, Hashable {
    /// Indices into the token array.
    public var tokens: Range<Int>
    /// UTF-8 byte range in the source, from the first token's start to the last token's end.
    public var range: Range<Int>

    public init(tokens: Range<Int>, range: Range<Int>) {
        self.tokens = tokens
        self.range = range
    }
}
