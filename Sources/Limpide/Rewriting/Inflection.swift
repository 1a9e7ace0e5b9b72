/// Adapts a lexicon replacement to the place it goes: number, contractions (`du`, `au`), elision
/// with the neighbouring words (`afin d'obtenir` → `pour obtenir`, `de à partir` never) and capitals.
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
    static func fix(for entry: LexiconEntry, match: Range<Int>, in context: Context) -> (String, Edit)? {
        guard let replacement = entry.replacement else { return nil }
        let tokens = context.tokens
        // 1. Number.
        let textPlural = pluralMarks(tokens[match].map { context.key($0) }, inclusive: tokens[match].contains { $0.flags.contains(.inclusiveSuffix) })
        let formPlural = pluralMarks(TokenKey.keys(of: entry.form, stripPlural: false).map { String(decoding: $0, as: UTF8.self) }, inclusive: false)
        var words: [String]
        if let plural = replacement.plural {
            let usePlural = textPlural > formPlural || (textPlural == formPlural && formPlural > 0)
            words = (usePlural ? plural : replacement.singular).split(separator: " ").map(String.init)
        } else {
            guard textPlural == formPlural else { return nil }
            words = replacement.singular.split(separator: " ").map(String.init)
        }
        guard !words.isEmpty else { return nil }
        // 2. Contraction at the end: "à compter du" → "à partir du".
        let formKeys = TokenKey.keys(of: entry.form).map { String(decoding: $0, as: UTF8.self) }
        if let lastToken = tokens[match].last {
            let lastKey = context.key(lastToken)
            if ["du", "des", "au", "aux"].contains(lastKey), let formLast = formKeys.last, formLast != lastKey {
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
        // 5. Capitals.
        let matchedText = String(decoding: UnsafeBufferPointer(rebasing: context.bytes[tokens[match.lowerBound].start..<tokens[match.upperBound - 1].end]), as: UTF8.self)
        if prefix.isEmpty {
            text = matchCase(text, matchedText)
        }
        let replacementText = prefix.isEmpty ? text : (prefix + text)
        return (text, Edit(range: start..<end, text: replacementText))
    }

    static func pluralMarks(_ keys: [String], inclusive: Bool) -> Int {
        var count = inclusive ? 1 : 0
        for key in keys where key.utf8.count >= 4 && (key.hasSuffix("s") || key.hasSuffix("x")) { count += 1 }
        return count
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
