/// Splits a token stream into sentences the way a reader would.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with the closing quotes and brackets that follow),
/// at an empty line, and at a line break followed by a capital, a digit or a bullet when the line
/// before does not end in the middle of a phrase. Abbreviations (`M.`, `art.`, `L.`) and numbers
/// (`1.5`) never end a sentence; `etc.` does when a capital follows.
public enum SentenceSplitter {
    public static func split(_ tokens: [Token], in p: UnsafeBufferPointer<UInt8>) -> [Sentence] {
        var sentences: [Sentence] = []
        sentences.reserveCapacity(tokens.count / 15 + 1)
        var start = 0
        var k = 0
        while k < tokens.count {
            var last = k
            var ends = false
            let token = tokens[k]
            if token.kind == .punctuation, isTerminal(p, token) {
                // Absorb closing quotes and brackets glued to the terminal mark, and runs like "?!".
                while last + 1 < tokens.count, tokens[last + 1].kind == .punctuation,
                    !tokens[last + 1].flags.contains(.newlineBefore),
                    isTerminal(p, tokens[last + 1]) || isCloser(p, tokens[last + 1])
                {
                    last += 1
                }
                ends = true
                if last + 1 < tokens.count {
                    let next = tokens[last + 1]
                    let isDot = p[token.start] == UInt8(ascii: ".")
                    if isDot || token.length == 3 && p[token.start] == 0xE2 {
                        // "..." or "." followed by a lower-case word on the same line: not an end.
                        if !next.flags.contains(.newlineBefore), next.kind == .word, !next.flags.contains(.initialUpper),
                            next.flags.contains(.hasLower)
                        {
                            ends = false
                        }
                    }
                }
            } else if token.flags.contains(.mayEndSentence), last + 1 < tokens.count,
                tokens[last + 1].flags.contains(.initialUpper)
            {
                ends = true
            }
            if !ends, last + 1 < tokens.count {
                let next = tokens[last + 1]
                if next.flags.contains(.blankLineBefore) {
                    ends = true
                } else if next.flags.contains(.newlineBefore), startsBlock(p, next), !continuesPhrase(p, token) {
                    ends = true
                }
            }
            if ends || last + 1 == tokens.count {
                sentences.append(Sentence(tokens: start..<(last + 1), range: tokens[start].start..<tokens[last].end))
                start = last + 1
            }
            k = last + 1
        }
        return sentences
    }

    static func isTerminal(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        let b = p[t.start]
        if t.length == 1 { return b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") }
        if b == UInt8(ascii: ".") { return true }  // "..."
        return t.length == 3 && b == 0xE2 && p[t.start + 1] == 0x80 && p[t.start + 2] == 0xA6  // …
    }

    static func isCloser(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        let b = p[t.start]
        if t.length == 1 { return b == UInt8(ascii: ")") || b == UInt8(ascii: "]") || b == UInt8(ascii: "\"") }
        if t.length == 2 { return b == 0xC2 && p[t.start + 1] == 0xBB }  // »
        return t.length == 3 && b == 0xE2 && p[t.start + 1] == 0x80 && (p[t.start + 2] == 0x9D || p[t.start + 2] == 0x99)  // ” ’
    }

    /// A line that starts with a capital, a digit, a bullet or a dash starts a new block.
    static func startsBlock(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        switch t.kind {
        case .word: return t.flags.contains(.initialUpper)
        case .number: return true
        case .punctuation, .symbol:
            let b = p[t.start]
            if b == UInt8(ascii: "-") || b == UInt8(ascii: "*") || b == UInt8(ascii: "(") { return true }
            return t.length == 3 && b == 0xE2 && (p[t.start + 1] == 0x80 && (p[t.start + 2] == 0xA2 || p[t.start + 2] == 0x93 || p[t.start + 2] == 0x94))  // • – —
        case .url, .email: return false
        }
    }

    /// A line that ends with a comma, a hyphen or a short function word continues on the next line.
    static func continuesPhrase(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        if t.kind == .punctuation {
            let b = p[t.start]
            return b == UInt8(ascii: ",") || b == UInt8(ascii: "-") || b == UInt8(ascii: "(")
        }
        guard t.kind == .word else { return false }
        if t.flags.contains(.elided) { return true }
        guard t.length <= 6, !t.flags.contains(.initialUpper) else { return false }
        return functionWords.contains(Array(p[t.start..<t.end]))
    }

    static let functionWords: Set<[UInt8]> = Set([
        "de", "du", "des", "la", "le", "les", "à", "au", "aux", "et", "ou", "en", "par", "pour", "sur", "avec",
        "dans", "un", "une", "que", "qui", "ne", "se", "sa", "son", "ses", "leur", "leurs", "ce", "cette",
        "ces", "est", "sont", "a", "ont", "vous", "nous", "votre", "vos", "notre", "nos", "mon", "ma", "mes",
        "sans", "sous", "vers", "chez", "entre", "dont", "si", "mais", "or", "donc", "ni", "car", "afin",
    ].map { Array($0.utf8) })
}
