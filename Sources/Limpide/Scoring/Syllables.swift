/// Counts the spoken syllables of French words, without a dictionary.
///
/// Rules, in the order they apply:
/// - a syllable is a group of adjacent vowels (`a e i o u y`, accented vowels, `œ`): `mai-rie`,
///   `con-trôle`; the `e` inside a word counts, as in careful reading (`re-nou-vel-le-ment` = 5);
/// - `u` after `q`, and after `g` before `e i y`, is not a vowel: `qu'`, `é-qui-pée`, `dis-tin-guées`;
///   `y` before a vowel at the start of a word is a consonant (`yeux`);
/// - hiatus splits a group: after `é` (`cré-ance`, `a-gré-er`), after `y` (`moy-en`), before a
///   diaeresis (`na-ïf`), `aé`/`oé` (`po-é-sie`), `oe` not followed by `u`/`i` (`co-ef-fi-cient`), and `i`
///   + vowel after a consonant + `r`/`l` (`pri-ons`, `tri-mes-tri-elle`, `ou-bli-er`), whereas elsewhere
///   `i` + vowel is one syllable (`mo-di-fié`, `so-ciale`);
/// - a final `e` or `es` that forms its own group is mute (`carte` = 1, `semaines` = 2), except in words
///   of one group (`le`, `de`, `les`); so is the `-ent` of a third-person plural verb, when that is
///   decidable: after `ils`/`elles` (the caller says so), or for endings that no French noun or adverb
///   has (`-ssent`, `-nnent`, `-ivent`, `-gnent`, `-èvent`…): `doivent` = 1 but `souvent`, `présent`,
///   `moment` keep their last syllable;
/// - hyphenated words are counted part by part (`rendez-vous` = 3);
/// - an all-capitals token of 2–5 letters is read as a word when French could pronounce it (`CAF` =
///   1, `ONU` = 2, `INSEE` = 2) and spelled out otherwise, one syllable per letter (`RSA`, `CSS`, `APL`
///   = 3; `W` = 3); dotted forms (`C.A.F.`) are always spelled;
/// - digits count one syllable each (`3` = 1, `25` = 2, `2025` = 4), close to how numbers are read.
///
/// Elided words (`l'`, `d'`, `qu'`) have no syllable of their own: their consonant is spoken with the
/// next word. Measured: 100 % exact on `syllable_gold_insample.tsv` (see `ScoringSyllablesTests`).
public enum Syllables {
    /// The syllables of a word or a short text (the sum over its words), with no context.
    public static func count(_ text: String) -> Int {
        var copy = text
        return copy.withUTF8 { p in
            var scratch: [UInt8] = []
            var total = 0
            for token in Tokenizer.tokenize(p) {
                total += count(p, token, pluralVerb: false, scratch: &scratch)
            }
            return total
        }
    }

    /// The syllables of one token; `pluralVerb` says the token follows `ils`/`elles`.
    static func count(_ p: UnsafeBufferPointer<UInt8>, _ token: Token, pluralVerb: Bool, scratch: inout [UInt8]) -> Int {
        if token.kind == .word { LowerForm.write(p, token.range, into: &scratch) }
        return count(lowered: scratch, p, token, pluralVerb: pluralVerb)
    }

    /// The syllables of one token whose lower-case form (`LowerForm`) is already in `form`.
    static func count(lowered form: [UInt8], _ p: UnsafeBufferPointer<UInt8>, _ token: Token, pluralVerb: Bool) -> Int {
        switch token.kind {
        case .number:
            var digits = 0
            for i in token.range where p[i] >= 0x30 && p[i] <= 0x39 { digits += 1 }
            return max(1, digits)
        case .word:
            if token.flags.contains(.dotted) { return spelled(form) }
            let n = count(form: form, allCaps: token.isAllUpper, pluralVerb: pluralVerb)
            if n == 0, !token.flags.contains(.elided) { return spelled(form) }
            return n
        case .punctuation, .symbol, .url, .email:
            return 0
        }
    }

    // MARK: - Letter codes

    // Each letter becomes one byte: ASCII for plain letters; upper-case ASCII for the accented
    // vowels whose accent changes the count.
    static let eAcute = UInt8(ascii: "E")  // é
    static let eOpen = UInt8(ascii: "F")  // è ê
    static let eDiaeresis = UInt8(ascii: "G")  // ë
    static let iDiaeresis = UInt8(ascii: "I")  // ï
    static let uDiaeresis = UInt8(ascii: "U")  // ü
    static let oe = UInt8(ascii: "Q")  // œ
    static let hyphen = UInt8(ascii: "-")
    static let digit = UInt8(ascii: "0")

    /// The code of the scalar at `form[i]`, and its length; 0 for bytes that are not letters.
    @inline(__always)
    static func code(_ form: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt8, Int) {
        let b = form[i]
        if b < 0x80 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): return (b, 1)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return (digit, 1)
            case UInt8(ascii: "-"): return (hyphen, 1)
            default: return (0, 1)
            }
        }
        let (v, len) = Scalars.decode(form, i)
        switch v {
        case 0xE0...0xE5: return (UInt8(ascii: "a"), len)
        case 0xE6: return (UInt8(ascii: "e"), len)  // æ
        case 0xE7: return (UInt8(ascii: "c"), len)
        case 0xE8, 0xEA: return (eOpen, len)
        case 0xE9: return (eAcute, len)
        case 0xEB: return (eDiaeresis, len)
        case 0xEC...0xEE: return (UInt8(ascii: "i"), len)
        case 0xEF: return (iDiaeresis, len)
        case 0xF1: return (UInt8(ascii: "n"), len)
        case 0xF2...0xF6, 0xF8: return (UInt8(ascii: "o"), len)
        case 0xF9...0xFB: return (UInt8(ascii: "u"), len)
        case 0xFC: return (uDiaeresis, len)
        case 0xFD, 0xFF: return (UInt8(ascii: "y"), len)
        case 0x0153: return (oe, len)
        default: return (0, len)
        }
    }

    @inline(__always)
    static func isVowelLetter(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"),
            eAcute, eOpen, eDiaeresis, iDiaeresis, uDiaeresis, oe:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func isLetter(_ c: UInt8) -> Bool { c != 0 && c != hyphen && c != digit }

    // MARK: - Counting

    /// Counts a lower-case form (see `LowerForm`). `allCaps`: the token had no lower-case letter.
    static func count(form: [UInt8], allCaps: Bool, pluralVerb: Bool) -> Int {
        form.withUnsafeBufferPointer { f in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(f.count, 1)) { codes in
                var n = 0
                var i = 0
                while i < f.count {
                    // An inclusive suffix is not read aloud: pièce(s), amené/e.
                    if f[i] == UInt8(ascii: "(") || f[i] == UInt8(ascii: "/") { break }
                    let (c, len) = code(f, i)
                    i += len
                    if c != 0 {
                        codes[n] = c
                        n += 1
                    }
                }
                let letters = UnsafeBufferPointer(rebasing: codes[0..<n])
                if allCaps, let spelledCount = capitals(letters) { return spelledCount }
                var total = 0
                var start = 0
                for k in 0...letters.count where k == letters.count || letters[k] == hyphen {
                    total += part(UnsafeBufferPointer(rebasing: letters[start..<k]), pluralVerb: pluralVerb)
                    start = k + 1
                }
                return total
            }
        }
    }

    /// Syllables of a hyphen-free part.
    static func part(_ c: UnsafeBufferPointer<UInt8>, pluralVerb: Bool) -> Int {
        let n = c.count
        var groups = 0
        var digits = 0
        var inGroup = false
        var lastGroupStart = -1
        for i in 0..<n {
            let x = c[i]
            if x == digit {
                digits += 1
                inGroup = false
                continue
            }
            if isVowel(c, i) {
                if !inGroup || splits(c, i) {
                    groups += 1
                    lastGroupStart = i
                }
                inGroup = true
            } else {
                inGroup = false
            }
        }
        if groups >= 2, let e = finalMuteE(c, pluralVerb: pluralVerb), e == lastGroupStart { groups -= 1 }
        return groups + digits
    }

    @inline(__always)
    static func isVowel(_ c: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let x = c[i]
        switch x {
        case UInt8(ascii: "u"):
            if i > 0, c[i - 1] == UInt8(ascii: "q") { return false }
            if i > 0, c[i - 1] == UInt8(ascii: "g"), i + 1 < c.count {
                let next = c[i + 1]
                if next == UInt8(ascii: "e") || next == UInt8(ascii: "i") || next == UInt8(ascii: "y") || next == eAcute || next == eOpen {
                    return false
                }
            }
            return true
        case UInt8(ascii: "y"):
            return !(i == 0 && i + 1 < c.count && isVowelLetter(c[i + 1]))
        default:
            return isVowelLetter(x)
        }
    }

    /// Whether the vowel at `i` starts a new syllable although a vowel precedes it (hiatus).
    @inline(__always)
    static func splits(_ c: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let x = c[i]
        let previous = c[i - 1]
        if x == iDiaeresis || x == eDiaeresis || x == uDiaeresis { return true }
        if previous == eAcute || previous == UInt8(ascii: "y") { return true }
        if x == eAcute, previous == UInt8(ascii: "a") || previous == UInt8(ascii: "o") || previous == eOpen { return true }
        if previous == UInt8(ascii: "o"), x == UInt8(ascii: "e") {
            let next = i + 1 < c.count ? c[i + 1] : 0
            return next != UInt8(ascii: "u") && next != UInt8(ascii: "i")
        }
        if previous == UInt8(ascii: "i"), i >= 3 {
            // pri-ons, cli-ent: after an obstruent + liquid, i + vowel is two syllables.
            let liquid = c[i - 2]
            return (liquid == UInt8(ascii: "r") || liquid == UInt8(ascii: "l")) && isObstruent(c[i - 3])
        }
        return false
    }

    @inline(__always)
    static func isObstruent(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "b"), UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "f"), UInt8(ascii: "g"), UInt8(ascii: "k"),
            UInt8(ascii: "p"), UInt8(ascii: "t"), UInt8(ascii: "v"):
            return true
        default:
            return false
        }
    }

    /// The index of a final mute `e` (`-e`, `-es`, a plural verb's `-ent`), if the word has one.
    static func finalMuteE(_ c: UnsafeBufferPointer<UInt8>, pluralVerb: Bool) -> Int? {
        var end = c.count
        guard end >= 2 else { return nil }
        if c[end - 1] == UInt8(ascii: "s") {
            end -= 1
        } else if end >= 4, c[end - 1] == UInt8(ascii: "t"), c[end - 2] == UInt8(ascii: "n"), c[end - 3] == UInt8(ascii: "e"),
            !isVowel(c, end - 4), pluralVerb || isPluralVerbEnding(c)
        {
            end -= 2
        }
        guard end >= 2, c[end - 1] == UInt8(ascii: "e") else { return nil }
        return end - 1
    }

    /// Word endings in `-ent` that only third-person plural verbs have.
    static let verbEndings: [[UInt8]] = [
        "ssent", "nnent", "ttent", "ivent", "uvent", "avent", "rvent", "gnent", "isent", "osent", "usent", "urent",
        "rnent", "rcent", "ncent", "stent", "rtent", "ptent", "ctent", "ndent", "chent", "mbent", "illent", "eulent",
        "xent", "guent",
    ].map { Array($0.utf8) }

    /// Nouns and adverbs that share one of those endings.
    static let verbEndingExceptions: [[UInt8]] = ["souvent", "couvent", "avent"].map { Array($0.utf8) }

    static func isPluralVerbEnding(_ c: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = c.count
        // è/ê + one or two consonants + ent: possèdent, règlent, achètent.
        for k in [n - 5, n - 6] where k >= 0 && c[k] == eOpen {
            if (k + 1..<n - 3).allSatisfy({ !isVowelLetter(c[$0]) }) { return true }
        }
        for ending in verbEndings where ending.count <= n {
            if zip(c[(n - ending.count)...], ending).allSatisfy({ $0 == $1 }) {
                return !verbEndingExceptions.contains { $0.count == n && zip(c, $0).allSatisfy { $0 == $1 } }
            }
        }
        return false
    }

    // MARK: - Capitals and spelled forms

    /// For an all-capitals token of 2–5 letters that French cannot pronounce as a word, the spelled
    /// count; nil when it reads as a word (`CAF`, `ONU`, `MISE`).
    static func capitals(_ c: UnsafeBufferPointer<UInt8>) -> Int? {
        var letters = 0
        for x in c where isLetter(x) { letters += 1 }
        guard letters >= 2, letters <= 5 else { return nil }
        return pronounceable(c) ? nil : spelledCodes(c)
    }

    /// A rough phonotactic test: an onset French allows, a short coda, vowels that read together.
    static func pronounceable(_ c: UnsafeBufferPointer<UInt8>) -> Bool {
        let letters = c.filter(isLetter)
        let n = letters.count
        let vowel = letters.map(isVowelLetter)
        guard let first = vowel.firstIndex(of: true), let last = vowel.lastIndex(of: true) else { return false }
        let onset = Array(letters[0..<first])
        let coda = Array(letters[(last + 1)...])
        switch onset.count {
        case 0, 1: break
        case 2:
            guard n >= 4 else { return false }
            let liquid = onset[1] == UInt8(ascii: "r") || onset[1] == UInt8(ascii: "l")
            let sCluster = onset[0] == UInt8(ascii: "s") && !isVowelLetter(onset[1])
            let digraph = onset[1] == UInt8(ascii: "h") && [UInt8(ascii: "c"), UInt8(ascii: "p"), UInt8(ascii: "t")].contains(onset[0])
            guard (liquid && isObstruent(onset[0])) || sCluster || digraph else { return false }
        default: return false
        }
        switch coda.count {
        case 0, 1: break
        case 2:
            guard n >= 4, Self.codas.contains(coda) else { return false }
        default: return false
        }
        // Vowel runs of short forms must read as one sound (AU, OU, EAU), not be spelled (AAH, UE).
        var k = first
        while k <= last {
            guard vowel[k] else {
                k += 1
                continue
            }
            var j = k
            while j <= last, vowel[j] { j += 1 }
            if j - k >= 2, n <= 3, !Self.vowelDigraphs.contains(Array(letters[k..<j])) { return false }
            k = j
        }
        return true
    }

    static let codas: Set<[UInt8]> = Set(["st", "ct", "rt", "rd", "rs", "rc", "rf", "rm", "rn", "lt", "nt", "nd", "ns", "mp", "ps", "ts", "ng", "nc", "ls", "rl"].map { Array($0.utf8) })
    static let vowelDigraphs: Set<[UInt8]> = Set(["ai", "au", "ou", "eu", "oi", "ei", "eau"].map { Array($0.utf8) })

    /// One syllable per letter, three for `w` and two for `y`; digits one each.
    static func spelledCodes(_ c: UnsafeBufferPointer<UInt8>) -> Int {
        var total = 0
        for x in c {
            switch x {
            case UInt8(ascii: "w"): total += 3
            case UInt8(ascii: "y"): total += 2
            case hyphen, 0: break
            default: total += 1
            }
        }
        return total
    }

    static func spelled(_ form: [UInt8]) -> Int {
        form.withUnsafeBufferPointer { f in
            var codes: [UInt8] = []
            var i = 0
            while i < f.count {
                let (c, len) = code(f, i)
                if c != 0 { codes.append(c) }
                i += len
            }
            return codes.withUnsafeBufferPointer(spelledCodes)
        }
    }
}
