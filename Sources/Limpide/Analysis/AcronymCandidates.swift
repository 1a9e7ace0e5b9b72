/// Finds acronyms the lexicon does not know, the way a careful reader would.
///
/// Candidates: words in capitals of 2 to 10 letters (`DALO`), dotted forms (`C.A.F.`), capitals
/// with digits (`3E`, `2D-Doc`), inner capitals (`PaCS`); a single letter only when the text defines
/// it (`T (Travail)`). Not candidates: Roman numerals (`XIV`), placeholders (`XXX`, `JJ/MM/AAAA`,
/// `[NOM]`), headings and names written in capitals (`LETTRE RECOMMANDÉE`, `Madame Claire DUPONT`),
/// long pronounceable words in capitals, and capitalised first words (`Votre`).
struct AcronymCandidates {
    let tokens: [Token]
    let bytes: UnsafeBufferPointer<UInt8>

    static let civilities: Set<String> = ["m", "mm", "mme", "mmes", "mlle", "madame", "monsieur", "messieurs", "mesdames", "me", "maitre", "dr", "docteur", "pr"]
    static let units: Set<String> = ["km", "kg", "mg", "cm", "mm", "ml", "kw", "kwh", "mw", "mwh", "gw", "ko", "mo", "go", "to", "mhz", "ghz", "db", "ph"]

    /// Token indices of candidate acronyms outside `covered` (tokens the lexicon already matched).
    /// `definedKeys` are the folded letters of acronyms the text defines.
    func candidates(covered: [Bool], definedKeys: Set<String>) -> [Int] {
        var result: [Int] = []
        var lineStart = 0
        var capsLine = false
        for index in tokens.indices {
            let token = tokens[index]
            if index == 0 || token.flags.contains(.newlineBefore) {
                lineStart = index
                capsLine = isCapitalsLine(from: lineStart)
            }
            guard token.kind == .word, !covered[index], token.flags.contains(.hasUpper), !token.flags.contains(.elided) else { continue }
            // Most capitalised words ("Votre") have one capital and no digit: not acronyms, unless
            // the text defines them ("T (Travail)"); decide that without building strings.
            let plainCapitalised = token.flags.contains(.hasLower) && !token.flags.contains(.hasDigit) && !token.flags.contains(.dotted)
                && capitals(token) < 2
            if plainCapitalised && (definedKeys.isEmpty || token.length > 12) { continue }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]), as: UTF8.self)
            let key = AcronymShape.foldedLetters(text)
            if definedKeys.contains(key) {
                result.append(index)
                continue
            }
            if plainCapitalised { continue }
            guard isAcronymShaped(token, text: text, key: key) else { continue }
            if capsLine, !token.flags.contains(.dotted), !token.flags.contains(.hasDigit) { continue }
            if isName(index) || isPlaceholder(index, text: text) || AcronymShape.isInCode(tokens, index, bytes) || followsNumberSign(index) { continue }
            result.append(index)
        }
        return result
    }

    /// Upper-case letters of a token (ASCII capitals, and the lead byte of Latin-1 capitals).
    func capitals(_ token: Token) -> Int {
        var count = 0
        var i = token.start
        while i < token.end {
            let b = bytes[i]
            if b >= 0x41 && b <= 0x5A { count += 1 } else if b == 0xC3, i + 1 < token.end, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0x9E { count += 1 }
            i += 1
        }
        return count
    }

    func isAcronymShaped(_ token: Token, text: String, key: String) -> Bool {
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
        let upper = letters.filter { $0.properties.isUppercase }.count
        // 3E, 2D-Doc; not codes such as 5610A or 75008, nor article numbers such as L57 or R421-1.
        if token.flags.contains(.hasDigit) {
            let utf8 = Array(text.utf8)
            let digits = utf8.filter { $0 >= 0x30 && $0 <= 0x39 }.count
            let letterThenDigits = utf8.count >= 2 && !(utf8[0] >= 0x30 && utf8[0] <= 0x39) && utf8.dropFirst().allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "-") }
            return upper >= 1 && utf8.count <= 10 && digits <= 2 && !letterThenDigits
        }
        guard letters.count >= 2, letters.count <= 10 else { return false }
        if token.flags.contains(.dotted) { return true }
        if token.isAllUpper {
            if Self.units.contains(key) || FrenchWords.common.contains(key) { return false }
            if isRomanNumeral(text) { return false }
            // Accented capitals and long pronounceable words are words: DÉROGATOIRE, MADAME.
            if letters.contains(where: { $0.value >= 0x80 }) { return false }
            if letters.count >= 5, isPronounceable(key) { return false }
            return true
        }
        // Inner capitals: PaCS, CeGIDD (at least two capitals, not only the first letter).
        return upper >= 2 && !token.flags.contains(.hyphenated)
    }

    /// A word whose vowels and consonants alternate like French words, not like initials.
    func isPronounceable(_ key: String) -> Bool {
        let vowels: Set<UInt8> = Set("aeiouy".utf8)
        var run = 0
        var longest = 0
        var vowelCount = 0
        for byte in key.utf8 {
            if vowels.contains(byte) {
                vowelCount += 1
                run = 0
            } else {
                run += 1
                longest = max(longest, run)
            }
        }
        // Names and words of six letters or more may have fewer vowels (ROLLAND, BERNARD).
        let share = key.utf8.count >= 6 ? 25 : 30
        return longest <= 2 && vowelCount * 100 >= key.utf8.count * share
    }

    func isRomanNumeral(_ text: String) -> Bool {
        let values: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000]
        guard text.allSatisfy({ values[$0] != nil }) else { return false }
        // Only well-formed numerals made of I, V and X (II, XIV, XX): CD or MC are acronyms.
        guard text.allSatisfy({ "IVX".contains($0) }) else { return false }
        var total = 0
        let digits = text.compactMap { values[$0] }
        for (i, value) in digits.enumerated() {
            total += i + 1 < digits.count && value < digits[i + 1] ? -value : value
        }
        return total > 0 && total < 40 && romanString(total) == text
    }

    func romanString(_ number: Int) -> String {
        var n = number
        var result = ""
        for (value, symbol) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
            while n >= value { result += symbol; n -= value }
        }
        return result
    }

    /// A heading or address line written in capitals: most of its words are in capitals.
    func isCapitalsLine(from start: Int) -> Bool {
        var words = 0
        var capitals = 0
        var index = start
        while index < tokens.count, index == start || !tokens[index].flags.contains(.newlineBefore) {
            let token = tokens[index]
            if token.kind == .word, token.length >= 2 {
                words += 1
                if token.isAllUpper { capitals += 1 }
            }
            index += 1
        }
        return capitals >= 2 && capitals * 10 >= words * 6
    }

    func key(_ index: Int) -> String {
        let token = tokens[index]
        return Folding.fold(String(decoding: UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]), as: UTF8.self)).replacingDots
    }

    /// `Madame Claire DUPONT`, `M. DUPONT`: a name after a civility or a first name.
    func isName(_ index: Int) -> Bool {
        var previous = index - 1
        while previous >= 0, tokens[previous].kind == .punctuation, bytes[tokens[previous].start] == UInt8(ascii: "-") { previous -= 1 }
        guard previous >= 0, tokens[previous].kind == .word, !tokens[index].flags.contains(.newlineBefore) else { return false }
        let before = tokens[previous]
        let previousKey = key(previous)
        if Self.civilities.contains(previousKey) { return true }
        // A capitalised first name that is not a common word: "Madame Claire DUPONT", or a
        // signature line "Jean-Marc ROLLAND".
        if before.flags.contains(.initialUpper), before.flags.contains(.hasLower), !FrenchWords.common.contains(previousKey) {
            if before.flags.contains(.newlineBefore) || previous == 0 { return true }
            if previous >= 1, tokens[previous - 1].kind == .word, Self.civilities.contains(key(previous - 1)) { return true }
        }
        return false
    }

    /// `n° 1A`: what follows a number sign is a reference.
    func followsNumberSign(_ index: Int) -> Bool {
        guard index > 0 else { return false }
        let previous = tokens[index - 1]
        return previous.kind == .word && previous.flags.contains(.abbreviation) && previous.length <= 3
            && (bytes[previous.start] | 0x20) == UInt8(ascii: "n")
    }

    /// `XXX`, `JJ/MM/AAAA`, `[NOM]`.
    func isPlaceholder(_ index: Int, text: String) -> Bool {
        let letters = Array(text.unicodeScalars)
        if letters.count >= 2, Set(letters).count == 1 { return true }
        if index > 0, index + 1 < tokens.count, bytes[tokens[index - 1].start] == UInt8(ascii: "["), bytes[tokens[index + 1].start] == UInt8(ascii: "]") {
            return true
        }
        return false
    }
}

extension String {
    var replacingDots: String { String(unicodeScalars.filter { $0 != "." }) }
}
