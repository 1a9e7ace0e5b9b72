/// An acronym that the text defines itself: "Caisse d'allocations familiales (Caf)".
public struct TextDefinition: Sendable, Hashable {
    public init(form: String, expansion: String, position: Int, range: Range<Int>) {
        self.form = form
        self.expansion = expansion
        self.position = position
        self.range = range
    }

    /// The acronym as written.
    public var form: String
    /// The long form, as written in the text.
    public var expansion: String
    /// Byte offset of the acronym in the definition.
    public var position: Int
    /// Byte range of the whole definition (long form and acronym).
    public var range: Range<Int>
}

/// Finds the definitions a text gives of its acronyms, in the French styles:
/// `Caisse d'allocations familiales (CAF)`, `la CAF (Caisse d'allocations familiales)`,
/// `CAF : Caisse d'allocations familiales`, `…, dite COMED`, `ci-après dénommé « le FSL »`.
///
/// The acronym's letters must be found in order in the long form, starting with the first letter
/// of its first significant word, so that a random parenthesis is not taken for a definition.
struct DefinitionDetector {
    let tokens: [Token]
    let bytes: UnsafeBufferPointer<UInt8>
    /// Token ids from the lexicon's vocabulary: words are compared as integers, not strings.
    let ids: [Int32]
    let skippedIds: Set<Int32>
    let namingIds: Set<Int32>
    let articleIds: Set<Int32>
    let ciApresId: Int32

    init(tokens: [Token], bytes: UnsafeBufferPointer<UInt8>, ids: [Int32], reserved: [String: Int32]) {
        self.tokens = tokens
        self.bytes = bytes
        self.ids = ids
        func set(_ words: [String]) -> Set<Int32> { Set(words.compactMap { reserved[$0] }) }
        // Elisions are keyed restored: l' → le, d' → de.
        skippedIds = set(["de", "du", "des", "la", "le", "les", "et", "a", "au", "aux", "en", "pour", "sur"])
        namingIds = set(["dit", "dite", "denomme", "denommee", "appele", "appelee", "designe", "designee"])
        articleIds = set(["le", "la", "les"])
        ciApresId = reserved["ci-apre"] ?? -2
    }

    func isSkipped(_ k: Int) -> Bool { skippedIds.contains(ids[k]) }

    /// Definitions by folded acronym letters; the first one in the text wins.
    func definitions() -> [String: TextDefinition] {
        var result: [String: TextDefinition] = [:]
        func add(_ definition: TextDefinition?) {
            guard let definition else { return }
            let key = AcronymShape.foldedLetters(definition.form)
            if result[key] == nil { result[key] = definition }
        }
        for k in tokens.indices {
            let token = tokens[k]
            if token.kind == .punctuation, bytes[token.start] == UInt8(ascii: "(") {
                add(longFormThenAcronym(open: k))
                add(acronymThenLongForm(open: k))
            } else if token.kind == .punctuation, isDash(token) {
                add(longFormThenAcronym(open: k))
            } else if token.kind == .punctuation, bytes[token.start] == UInt8(ascii: ":"), token.length == 1 {
                add(acronymColonLongForm(colon: k))
            } else if token.kind == .word, namingIds.contains(ids[k]) {
                add(namedAfter(k))
            }
        }
        return result
    }

    func key(_ token: Token) -> String {
        var out: [UInt8] = []
        _ = TokenKey.make(bytes, token, into: &out, stripPlural: false)
        return String(decoding: out, as: UTF8.self)
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    func isDash(_ token: Token) -> Bool {
        let b = bytes[token.start]
        if token.length == 1 { return b == UInt8(ascii: "-") }
        return token.length == 3 && b == 0xE2 && bytes[token.start + 1] == 0x80 && (bytes[token.start + 2] == 0x93 || bytes[token.start + 2] == 0x94)
    }

    func isComma(_ token: Token) -> Bool {
        token.kind == .punctuation && token.length == 1 && bytes[token.start] == UInt8(ascii: ",")
    }

    /// A token shaped like an acronym: 1 to 10 letters with a capital and not a plain capitalised word.
    /// A digit multiplies the letter after it: "3E" stands for three words in E.
    func acronymLetters(_ token: Token) -> [UInt8]? {
        guard token.kind == .word, token.flags.contains(.hasUpper) else { return nil }
        var out: [UInt8] = []
        _ = TokenKey.make(bytes, token, into: &out, stripPlural: false)
        var letters: [UInt8] = []
        var repeatCount = 1
        for byte in out where byte != UInt8(ascii: "-") {
            if byte >= 0x31 && byte <= 0x35 { repeatCount = Int(byte - 0x30); continue }
            letters += Array(repeating: byte, count: repeatCount)
            repeatCount = 1
        }
        guard letters.count >= 1, letters.count <= 12 else { return nil }
        return letters
    }

    /// Whether `letters` appear in order in the words, starting with the first letter of the first word.
    func lettersFit(_ letters: [UInt8], words: ArraySlice<Token>) -> Bool {
        let significant = words.indices.filter { words[$0].kind == .word && !isSkipped($0) }.map { words[$0] }
        guard let first = significant.first, letters.count >= 1 else { return false }
        let firstKey = Array(key(first).utf8)
        guard firstKey.first == letters[0] else { return false }
        // The long form should not be much longer than the acronym: at most 3 significant words per letter + 2.
        guard significant.count <= letters.count * 3 + 2 else { return false }
        var index = 1
        var started = false
        for word in words where word.kind == .word {
            let wordKey = Array(key(word).utf8)
            var position = 0
            if !started {
                guard word.start == first.start else { continue }
                started = true
                position = 1
            }
            while index < letters.count, position < wordKey.count {
                if wordKey[position] == letters[index] { index += 1 }
                position += 1
            }
        }
        return index == letters.count
    }

    /// Words of a long form: letters only (apostrophes and hyphens inside words are fine).
    func isLongFormWord(_ token: Token) -> Bool {
        token.kind == .word && !token.isAllUpper
    }

    /// `Caisse d'allocations familiales (Caf)`, `contrat initiative emploi (CUI-CIE)` (the last
    /// part is defined), `autorité organisatrice de transport - AOT`.
    func longFormThenAcronym(open k: Int) -> TextDefinition? {
        let isParenthesis = bytes[tokens[k].start] == UInt8(ascii: "(")
        var acronym = k + 1
        guard acronym < tokens.count else { return nil }
        if acronym + 3 < tokens.count, isDash(tokens[acronym + 1]), acronymLetters(tokens[acronym + 2]) != nil, acronymLetters(tokens[acronym]) != nil {
            acronym += 2  // CUI-CIE: the generic part, then the defined one
        }
        guard let letters = acronymLetters(tokens[acronym]), letters.count >= 2 else { return nil }
        let after = acronym + 1
        if isParenthesis {
            guard after < tokens.count, bytes[tokens[after].start] == UInt8(ascii: ")") else { return nil }
        } else if after < tokens.count, !tokens[after].flags.contains(.newlineBefore) {
            let b = bytes[tokens[after].start]
            guard tokens[after].kind == .punctuation, b == UInt8(ascii: ")") || b == UInt8(ascii: ",") || b == UInt8(ascii: ".") || b == UInt8(ascii: ";") else { return nil }
        }
        var start = k
        let limit = max(0, k - (letters.count * 3 + 6))
        while start > limit, !tokens[start].flags.contains(.blankLineBefore) {
            let previous = tokens[start - 1]
            guard isLongFormWord(previous) || (isComma(previous) && start < k) else { break }
            start -= 1
            if tokens[start].kind == .word, !isSkipped(start), key(tokens[start]).utf8.first == letters[0],
                lettersFit(letters, words: tokens[start..<k])
            {
                let range = tokens[start].start..<tokens[k - 1].end
                let end = after < tokens.count ? tokens[after].end : tokens[acronym].end
                return TextDefinition(form: text(tokens[acronym].range), expansion: text(range), position: tokens[acronym].start, range: tokens[start].start..<end)
            }
        }
        return nil
    }

    /// `la CAF (Caisse d'allocations familiales)`, and `T (Travail)` for a single letter.
    func acronymThenLongForm(open k: Int) -> TextDefinition? {
        guard k > 0, let letters = acronymLetters(tokens[k - 1]) else { return nil }
        var close = k + 1
        while close < tokens.count, close - k <= letters.count * 3 + 6, isLongFormWord(tokens[close]) || (isComma(tokens[close]) && close > k + 1) { close += 1 }
        guard close < tokens.count, close > k + 1, bytes[tokens[close].start] == UInt8(ascii: ")") else { return nil }
        // A single letter is an acronym only when the text spells it out in a word or two.
        if letters.count == 1, !tokens[k - 1].isAllUpper || close - k - 1 > 2 { return nil }
        guard lettersFit(letters, words: tokens[(k + 1)..<close]) else { return nil }
        let range = tokens[k + 1].start..<tokens[close - 1].end
        return TextDefinition(form: text(tokens[k - 1].range), expansion: text(range), position: tokens[k - 1].start, range: tokens[k - 1].start..<tokens[close].end)
    }

    /// `CAF : Caisse d'allocations familiales` (the acronym opens its line).
    func acronymColonLongForm(colon k: Int) -> TextDefinition? {
        guard k > 0, tokens[k - 1].flags.contains(.newlineBefore) || k == 1, let letters = acronymLetters(tokens[k - 1]), letters.count >= 2 else { return nil }
        var end = k + 1
        while end < tokens.count, end - k <= letters.count * 3 + 4, isLongFormWord(tokens[end]), !tokens[end].flags.contains(.newlineBefore) || end == k + 1 { end += 1 }
        guard end > k + 1, lettersFit(letters, words: tokens[(k + 1)..<end]) else { return nil }
        let range = tokens[k + 1].start..<tokens[end - 1].end
        return TextDefinition(form: text(tokens[k - 1].range), expansion: text(range), position: tokens[k - 1].start, range: tokens[k - 1].start..<tokens[end - 1].end)
    }

    /// `la commission de médiation, dite COMED` / `ci-après dénommé « le FSL »`
    func namedAfter(_ k: Int) -> TextDefinition? {
        var j = k + 1
        while j < tokens.count, j <= k + 3, tokens[j].kind == .punctuation || articleIds.contains(ids[j]) { j += 1 }
        guard j < tokens.count, let letters = acronymLetters(tokens[j]), letters.count >= 2, tokens[j].isAllUpper || tokens[j].flags.contains(.initialUpper) else { return nil }
        // The long form ends before the naming word, after a comma or "ci-après".
        var end = k
        while end > 0, tokens[end - 1].kind == .punctuation || ids[end - 1] == ciApresId { end -= 1 }
        var start = end
        let limit = max(0, end - (letters.count * 3 + 4))
        while start > limit, isLongFormWord(tokens[start - 1]) {
            start -= 1
            if !isSkipped(start), lettersFit(letters, words: tokens[start..<end]) {
                let range = tokens[start].start..<tokens[end - 1].end
                return TextDefinition(form: text(tokens[j].range), expansion: text(range), position: tokens[j].start, range: tokens[start].start..<tokens[j].end)
            }
        }
        return nil
    }
}

extension AcronymShape {
    /// Folded letters of an acronym as written: `C.A.F.` → `caf`.
    static func foldedLetters(_ text: String) -> String {
        String(Folding.fold(text).unicodeScalars.filter { $0 != "." })
    }
}
