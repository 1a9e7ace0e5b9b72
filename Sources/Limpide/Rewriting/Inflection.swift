/// Adapts a lexicon replacement to the place it goes: number, contractions (`du`, `au`), elision
/// with the neighbouring words (`afin d'obtenir` → `pour obtenir`, `de à partir` never) and capitals.
/// What inflection needs to know about an entry's main form, computed once per lexicon.
struct EntryInflection: Sendable {
    var formPluralMarks: Int
    var formLastKey: String
    /// The replacement's words, singular and plural.
    var singularWords: [String]
    var pluralWords: [String]?

    init(_ entry: LexiconEntry) {
        singularWords = entry.replacement.map { $0.singular.split(separator: " ").map(String.init) } ?? []
        pluralWords = entry.replacement?.plural.map { $0.split(separator: " ").map(String.init) }
        let keys = TokenKey.keys(of: entry.form, stripPlural: false).map { String(decoding: $0, as: UTF8.self) }
        formPluralMarks = Inflection.pluralMarks(keys)
        // The matching key of the last word: plural s/x dropped from words of four letters or more.
        var last = keys.last ?? ""
        if last.utf8.count >= 4, last.hasSuffix("s") || last.hasSuffix("x"), !last.contains(where: \.isNumber), !last.hasSuffix("'") { last.removeLast() }
        formLastKey = last
    }
}

enum Inflection {
    static let vowels: Set<UInt8> = Set("aeiouy".utf8)

    /// Elidable words and their elided stems.
    static let elisions: [String: String] = [
        "de": "d", "le": "l", "la": "l", "que": "qu", "je": "j", "ne": "n", "se": "s", "me": "m", "te": "t", "ce": "c",
        "jusque": "jusqu", "lorsque": "lorsqu", "puisque": "puisqu",
    ]
    /// Elided stems and their full words (`l'` is left out: le or la cannot be told apart).
    static let unelisions: [String: String] = [
        "d": "de", "qu": "que", "j": "je", "n": "ne", "m": "me", "t": "te", "c": "ce", "jusqu": "jusque",
        "lorsqu": "lorsque", "puisqu": "puisque",
    ]

    struct Context {
        let tokens: [Token]
        let bytes: UnsafeBufferPointer<UInt8>
        /// The apostrophe the document uses most: ' or ’.
        let apostrophe: String

        func text(_ token: Token) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]), as: UTF8.self)
        }
        func key(_ token: Token, stripPlural: Bool = false) -> String {
            var key: [UInt8] = []
            _ = TokenKey.make(bytes, token, into: &key, stripPlural: stripPlural)
            return String(decoding: key, as: UTF8.self)
        }
    }

    /// The replacement text and the edit for `entry` at `match`, or nil when no replacement fits safely.
    static func fix(for entry: LexiconEntry, info: EntryInflection, match: Range<Int>, in context: Context) -> (String, Edit)? {
        guard entry.replacement != nil else { return nil }
        let tokens = context.tokens
        // 1. Number.
        let textPlural = pluralMarks(tokens[match], context.bytes)
        let formPlural = info.formPluralMarks
        var words: [String]
        if let plural = info.pluralWords {
            let usePlural = textPlural > formPlural || (textPlural == formPlural && formPlural > 0)
            words = usePlural ? plural : info.singularWords
        } else {
            guard textPlural == formPlural else { return nil }
            words = info.singularWords
        }
        guard !words.isEmpty else { return nil }
        // 2. Contraction at the end: "à compter du" → "à partir du".
        if let lastToken = tokens[match].last, lastToken.length <= 3, lastToken.kind == .word {
            let lastKey = context.key(lastToken)
            if ["du", "des", "au", "aux"].contains(lastKey), info.formLastKey != lastKey {
                let plural = lastKey.hasSuffix("s") || lastKey.hasSuffix("x")
                switch Folding.fold(words[words.count - 1]) {
                case "de": words[words.count - 1] = plural ? "des" : "du"
                case "a": words[words.count - 1] = plural ? "aux" : "au"
                default: words.append(plural ? "les" : "le")
                }
            }
        }
        var start = tokens[match.lowerBound].start
        var end = tokens[match.upperBound - 1].end
        var text = words.joined(separator: " ")
        // 3. Elision at the end.
        let lastToken = tokens[match.upperBound - 1]
        let lastWord = Folding.fold(words[words.count - 1])
        if lastToken.flags.contains(.elided) {
            if let stem = elisions[lastWord] {
                words[words.count - 1] = String(words[words.count - 1].prefix(stem.count)) + apostrophe(of: lastToken, context)
                text = words.joined(separator: " ")
            } else {
                text += " "
            }
        } else if let stem = elisions[lastWord], match.upperBound < tokens.count {
            let next = tokens[match.upperBound]
            if next.kind == .word, next.flags.contains(.spaceBefore), startsWithVowel(next, context) {
                words[words.count - 1] = String(words[words.count - 1].prefix(stem.count)) + context.apostrophe
                text = words.joined(separator: " ")
                end = next.start
            }
        }
        // 4. Elision at the start, with the word before.

        var prefix = ""
        if match.lowerBound > 0 {
            let previous = tokens[match.lowerBound - 1]
            let previousKey = context.key(previous)
            let replacementStartsWithVowel = startsWithVowel(text)
            if previous.flags.contains(.elided), previous.end == start {
                if !replacementStartsWithVowel {
                    let stem = String(previousKey.dropLast())  // "de" → "d"
                    guard let full = unelisions[stem] else { return nil }
                    prefix = matchCase(full, context.text(previous)) + " "
                    start = previous.start
                }
            } else if replacementStartsWithVowel, previous.kind == .word, tokens[match.lowerBound].flags.contains(.spaceBefore),
                let stem = elisions[previousKey]
            {
                let original = context.text(previous)
                prefix = String(original.prefix(stem.count)) + context.apostrophe
                start = previous.start
            }
        }
        // 5. Capitals, from the first matched token: "Afin de" → "Pour", "À COMPTER DE" → "À PARTIR DE".
        if prefix.isEmpty {
            let first = tokens[match.lowerBound]
            if first.flags.contains(.initialUpper) {
                let allCapitals = tokens[match].allSatisfy { $0.kind != .word || $0.isAllUpper } && tokens[match].contains { $0.length > 1 }
                text = allCapitals ? text.uppercased() : text.prefix(1).uppercased() + text.dropFirst()
            }
        }
        let replacementText = prefix.isEmpty ? text : (prefix + text)
        return (text, Edit(range: start..<end, text: replacementText))
    }

    /// Words that look plural (ending in s or x, four letters or more, or an inclusive "(s)").
    static func pluralMarks(_ tokens: ArraySlice<Token>, _ p: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for token in tokens where token.kind == .word {
            if token.flags.contains(.inclusiveSuffix) { count += 1; continue }
            let last = p[token.end - 1] | 0x20
            if token.length >= 4, last == UInt8(ascii: "s") || last == UInt8(ascii: "x") { count += 1 }
        }
        return count
    }

    static func pluralMarks(_ keys: [String]) -> Int {
        keys.filter { $0.utf8.count >= 4 && ($0.hasSuffix("s") || $0.hasSuffix("x")) }.count
    }

    static func apostrophe(of token: Token, _ context: Context) -> String {
        let text = context.text(token)
        return text.hasSuffix("\u{2019}") ? "\u{2019}" : "'"
    }

    static func startsWithVowel(_ token: Token, _ context: Context) -> Bool {
        startsWithVowel(context.text(token))
    }

    static func startsWithVowel(_ text: String) -> Bool {
        guard let first = Folding.fold(String(text.prefix(1))).utf8.first else { return false }
        return vowels.contains(first)
    }

    /// Gives `text` the capitals of `model`: all capitals, a capital first letter, or none.
    static func matchCase(_ text: String, _ model: String) -> String {
        let letters = model.unicodeScalars.filter { $0.properties.isAlphabetic }
        guard let first = letters.first, first.properties.isUppercase else { return text }
        if letters.count > 1, letters.allSatisfy({ !$0.properties.isLowercase }) { return text.uppercased() }
        return text.prefix(1).uppercased() + text.dropFirst()
    }
}
