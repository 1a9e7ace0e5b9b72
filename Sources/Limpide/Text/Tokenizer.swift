/// Splits French text into tokens over its UTF-8 bytes.
///
/// It never builds a `String` per token: classes come from a table for ASCII and from a decode
/// of the scalar otherwise. Positions are byte offsets into the buffer it is given.
public enum Tokenizer {
    /// Tokenizes `text`.
    public static func tokenize(_ text: String) -> [Token] {
        var copy = text
        return copy.withUTF8 { tokenize($0) }
    }

    /// Tokenizes UTF-8 bytes.
    public static func tokenize(_ p: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(p.count / 5)
        let n = p.count
        var i = 0
        var newlines = 0
        var sawSpace = false
        while i < n {
            let b = p[i]
            let v: UInt32
            let len: Int
            if b < 0x80 { v = UInt32(b); len = 1 } else { (v, len) = Scalars.decode(p, i) }
            let cls = Scalars.classify(v)
            var lead: TokenFlags = []
            if newlines > 0 { lead.insert(.newlineBefore) }
            if newlines > 1 { lead.insert(.blankLineBefore) }
            if sawSpace && newlines == 0 { lead.insert(.spaceBefore) }
            switch cls {
            case .space:
                sawSpace = true
                i += len
                continue
            case .newline:
                if b == 0x0D, i + 1 < n, p[i + 1] == 0x0A { i += 2 } else { i += len }
                newlines += 1
                continue
            case .letter:
                var token = scanWord(p, i)
                token.flags.formUnion(lead)
                tokens.append(token)
                i = token.end
            case .digit:
                var token = scanNumber(p, i)
                token.flags.formUnion(lead)
                tokens.append(token)
                i = token.end
            default:
                var token = scanOther(p, i, v, len)
                token.flags.formUnion(lead)
                tokens.append(token)
                i = token.end
            }
            newlines = 0
            sawSpace = false
        }
        return tokens
    }

    // MARK: - Words

    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    static func scanWord(_ p: UnsafeBufferPointer<UInt8>, _ s: Int) -> Token {
        let n = p.count
        if let url = scanURL(p, s) { return url }
        var j = s
        var flags: TokenFlags = []
        var letters = 0
        var first = true
        loop: while j < n {
            let b = p[j]
            // ASCII letters and digits: the common case, without decoding or classifying.
            if b >= 0x61 && b <= 0x7A {
                flags.insert(.hasLower)
                first = false
                letters += 1
                j += 1
                continue
            }
            if b >= 0x41 && b <= 0x5A {
                flags.insert(.hasUpper)
                if first { flags.insert(.initialUpper) }
                first = false
                letters += 1
                j += 1
                continue
            }
            let v: UInt32
            let len: Int
            if b < 0x80 { v = UInt32(b); len = 1 } else { (v, len) = Scalars.decode(p, j); flags.insert(.nonASCII) }
            switch Scalars.classify(v) {
            case .letter:
                if Scalars.isUpper(v) {
                    flags.insert(.hasUpper)
                    if first { flags.insert(.initialUpper) }
                } else if Scalars.isLower(v) {
                    flags.insert(.hasLower)
                }
                first = false
                letters += 1
                j += len
            case .digit:
                flags.insert(.hasDigit)
                first = false
                j += len
            case .combining:
                j += len
            case .hyphen:
                if j + len < n, isWordChar(p, j + len) {
                    flags.insert(.hyphenated)
                    j += len
                } else {
                    break loop
                }
            case .apostrophe:
                let next = j + len
                guard next < n, isLetter(p, next) else { break loop }
                if isElidable(p, s, j) {
                    flags.insert(.elided)
                    return Token(start: s, end: next, kind: .word, flags: flags)
                }
                j = next  // aujourd'hui, presqu'île
            default:
                break loop
            }
        }
        guard j < n else { return Token(start: s, end: j, kind: .word, flags: flags) }
        let b = p[j]
        switch b {
        case UInt8(ascii: "."):
            // C.A.F. — single upper-case letters each followed by a dot.
            if letters == 1, j - s == 1, flags.contains(.hasUpper), let end = scanDotted(p, s) {
                flags.insert(.dotted)
                return Token(start: s, end: end, kind: .word, flags: flags)
            }
            if j + 1 < n, isWordChar(p, j + 1), let address = scanAddress(p, s) { return address }
            if let abbreviation = abbreviationFlags(p, s, j) {
                flags.formUnion(abbreviation)
                return Token(start: s, end: j + 1, kind: .word, flags: flags)
            }
        case UInt8(ascii: "@"):
            if let address = scanAddress(p, s) { return address }
        case UInt8(ascii: "("):
            if let end = inclusiveSuffix(p, j, open: b, close: UInt8(ascii: ")")) {
                flags.insert(.inclusiveSuffix)
                return Token(start: s, end: end, kind: .word, flags: flags)
            }
        case UInt8(ascii: "/"):
            if flags.contains(.hasLower), let end = inclusiveSuffix(p, j, open: b, close: nil) {
                flags.insert(.inclusiveSuffix)
                return Token(start: s, end: end, kind: .word, flags: flags)
            }
        case 0xC2:
            // n° / N° (degree sign or masculine ordinal indicator)
            if j - s == 1, lower(p[s]) == UInt8(ascii: "n"), j + 1 < n, p[j + 1] == 0xB0 || p[j + 1] == 0xBA {
                flags.insert(.abbreviation)
                return Token(start: s, end: j + 2, kind: .word, flags: flags)
            }
        default:
            break
        }
        return Token(start: s, end: j, kind: .word, flags: flags)
    }

    @inline(__always)
    static func isLetter(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let (v, _) = Scalars.decode(p, i)
        return Scalars.classify(v) == .letter
    }

    @inline(__always)
    static func isWordChar(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let (v, _) = Scalars.decode(p, i)
        let c = Scalars.classify(v)
        return c == .letter || c == .digit
    }

    /// Elidable French words (compared in lower case): l d j n s c m t qu jusqu lorsqu puisqu quoiqu.
    static func isElidable(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        let length = e - s
        if length == 1 {
            switch lower(p[s]) {
            case UInt8(ascii: "l"), UInt8(ascii: "d"), UInt8(ascii: "j"), UInt8(ascii: "n"),
                UInt8(ascii: "s"), UInt8(ascii: "c"), UInt8(ascii: "m"), UInt8(ascii: "t"):
                return true
            default: return false
            }
        }
        guard length >= 2, length <= 7 else { return false }
        var word: [UInt8] = []
        for k in s..<e { word.append(lower(p[k])) }
        return Self.elidableWords.contains(word)
    }

    static let elidableWords: Set<[UInt8]> = Set(["qu", "jusqu", "lorsqu", "puisqu", "quoiqu"].map { Array($0.utf8) })

    /// `C.A.F.`: from `s`, pairs of (upper-case ASCII or Latin-1 letter, dot), at least two.
    static func scanDotted(_ p: UnsafeBufferPointer<UInt8>, _ s: Int) -> Int? {
        var j = s
        var pairs = 0
        let n = p.count
        while j < n {
            let (v, len) = Scalars.decode(p, j)
            guard Scalars.classify(v) == .letter, Scalars.isUpper(v), j + len < n, p[j + len] == UInt8(ascii: ".") else { break }
            j += len + 1
            pairs += 1
        }
        return pairs >= 2 ? j : nil
    }

    /// `(s)`, `(e)`, `(es)`, `(ne)`, `/e`, `/es`… right after a word and before a non-letter.
    static func inclusiveSuffix(_ p: UnsafeBufferPointer<UInt8>, _ j: Int, open: UInt8, close: UInt8?) -> Int? {
        let n = p.count
        var k = j + 1
        while k < n, k - j <= 4, p[k] >= UInt8(ascii: "a"), p[k] <= UInt8(ascii: "z") { k += 1 }
        let suffixLength = k - j - 1
        guard suffixLength >= 1, suffixLength <= 3 else { return nil }
        let suffix = Array(p[(j + 1)..<k])
        guard Self.inclusiveSuffixes.contains(suffix) else { return nil }
        if let close {
            guard k < n, p[k] == close else { return nil }
            k += 1
        }
        if k < n, isWordChar(p, k) { return nil }
        return k
    }

    static let inclusiveSuffixes: Set<[UInt8]> = Set(["s", "e", "es", "x", "ne", "le", "fe", "ve", "rice", "ice"].map { Array($0.utf8) })

    /// Abbreviations whose dot does not end a sentence (exact case, without the dot).
    static let abbreviations: Set<[UInt8]> = Set([
        "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Dr", "Pr", "Me", "Mes", "Mgr", "St", "Ste", "Cie",
        "art", "Art", "cf", "Cf", "p", "pp", "vol", "chap", "ex", "Ex", "env", "tél", "Tél", "tel", "Tel",
        "av", "bd", "Bd", "fg", "al", "éd", "réf", "Réf", "ref", "Ref", "no", "No", "ann", "coll", "hab",
        "janv", "févr", "fév", "avr", "juil", "juill", "sept", "oct", "nov", "déc", "dép", "op", "cit",
        "ibid", "Ibid", "id", "suiv", "sq", "resp", "min", "max", "mlle", "mme", "nb", "NB", "pce", "etc",
    ].map { Array($0.utf8) })

    static func abbreviationFlags(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ j: Int) -> TokenFlags? {
        let length = j - s
        // A single upper-case letter: initials (J. Dupont) and code articles (L. 262-37).
        if length == 1, p[s] >= UInt8(ascii: "A"), p[s] <= UInt8(ascii: "Z") { return .abbreviation }
        guard length <= 6 else { return nil }
        let word = Array(p[s..<j])
        guard abbreviations.contains(word) else { return nil }
        if word == Array("etc".utf8) { return [.abbreviation, .mayEndSentence] }
        return .abbreviation
    }

    // MARK: - Addresses

    static let topLevelDomains: Set<[UInt8]> = Set([
        "fr", "com", "org", "net", "eu", "gouv", "info", "io", "be", "ch", "lu", "ca", "re", "gp", "mq",
        "gf", "yt", "nc", "pf", "pm", "wf", "int", "edu", "gov", "de", "es", "it", "uk",
    ].map { Array($0.utf8) })

    @inline(__always)
    static func isHostChar(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2E
    }

    /// `http://…`, `https://…` and `www.…` addresses.
    static func scanURL(_ p: UnsafeBufferPointer<UInt8>, _ s: Int) -> Token? {
        let n = p.count
        func hasPrefix(_ prefix: String) -> Bool {
            var k = s
            for c in prefix.utf8 {
                guard k < n, lower(p[k]) == c else { return false }
                k += 1
            }
            return true
        }
        let first = lower(p[s])
        guard first == UInt8(ascii: "h") || first == UInt8(ascii: "w") else { return nil }
        guard hasPrefix("http://") || hasPrefix("https://") || hasPrefix("www.") else { return nil }
        var j = s
        while j < n {
            let b = p[j]
            if b <= 0x20 || b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || b == UInt8(ascii: "\"") { break }
            if b == 0xC2, j + 1 < n, p[j + 1] == 0xA0 || p[j + 1] == 0xAB || p[j + 1] == 0xBB { break }  // NBSP « »
            if b == 0xE2, j + 2 < n, p[j + 1] == 0x80 { break }  // ’ “ ” … and narrow spaces
            j += 1
        }
        j = trimAddressEnd(p, s, j)
        return Token(start: s, end: j, kind: .url, flags: [])
    }

    static func trimAddressEnd(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ end: Int) -> Int {
        var j = end
        var opens = 0
        for k in s..<end where p[k] == UInt8(ascii: "(") { opens += 1 }
        while j > s {
            let b = p[j - 1]
            if b == UInt8(ascii: ".") || b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == UInt8(ascii: ":")
                || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") || b == UInt8(ascii: "'") || b == UInt8(ascii: "]")
                || (b == UInt8(ascii: ")") && opens == 0)
            {
                j -= 1
            } else {
                break
            }
        }
        return j
    }

    /// E-mail addresses and bare domains (`impots.gouv.fr`, `service-public.fr/particuliers`).
    static func scanAddress(_ p: UnsafeBufferPointer<UInt8>, _ s: Int) -> Token? {
        let n = p.count
        var j = s
        while j < n, isHostChar(p[j]) || p[j] == UInt8(ascii: "_") || p[j] == UInt8(ascii: "+") || p[j] == UInt8(ascii: "%") { j += 1 }
        if j < n, p[j] == UInt8(ascii: "@"), j + 1 < n, isHostChar(p[j + 1]) {
            var k = j + 1
            while k < n, isHostChar(p[k]) { k += 1 }
            while k > j + 1, p[k - 1] == UInt8(ascii: ".") || p[k - 1] == UInt8(ascii: "-") { k -= 1 }
            guard p[(j + 1)..<k].contains(UInt8(ascii: ".")) else { return nil }
            return Token(start: s, end: k, kind: .email, flags: [])
        }
        // Bare domain: host characters only, ending with a known top-level domain.
        var k = s
        while k < n, isHostChar(p[k]) { k += 1 }
        var hostEnd = k
        while hostEnd > s, p[hostEnd - 1] == UInt8(ascii: ".") || p[hostEnd - 1] == UInt8(ascii: "-") { hostEnd -= 1 }
        guard let lastDot = p[s..<hostEnd].lastIndex(of: UInt8(ascii: ".")), lastDot > s else { return nil }
        let tld = Array(p[(lastDot + 1)..<hostEnd]).map(lower)
        guard topLevelDomains.contains(tld) else { return nil }
        var end = hostEnd
        if hostEnd == k, k < n, p[k] == UInt8(ascii: "/") {
            while end < n, p[end] > 0x20, p[end] != UInt8(ascii: "<"), p[end] != UInt8(ascii: ">"), p[end] != 0xC2, p[end] != 0xE2 { end += 1 }
            end = trimAddressEnd(p, s, end)
        }
        return Token(start: s, end: end, kind: .url, flags: [])
    }

    // MARK: - Numbers

    static let ordinalSuffixes: Set<[UInt8]> = Set(["er", "re", "e", "ème", "eme", "nd", "nde", "d", "ère", "è", "ers", "res", "es", "èmes", "emes", "nds", "ndes"].map { Array($0.utf8) })

    @inline(__always)
    static func isDigit(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        i < p.count && p[i] >= 0x30 && p[i] <= 0x39
    }

    /// Length of a space that may separate thousands (space, NBSP, narrow NBSP, thin space), or 0.
    @inline(__always)
    static func thousandsSpace(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let n = p.count
        guard i < n else { return 0 }
        if p[i] == 0x20 { return 1 }
        if p[i] == 0xC2, i + 1 < n, p[i + 1] == 0xA0 { return 2 }
        if p[i] == 0xE2, i + 2 < n, p[i + 1] == 0x80, p[i + 2] == 0xAF || p[i + 2] == 0x89 { return 3 }
        return 0
    }

    static func scanNumber(_ p: UnsafeBufferPointer<UInt8>, _ s: Int) -> Token {
        let n = p.count
        var j = s
        while isDigit(p, j) { j += 1 }
        var group = j - s
        var onlyGroups = true  // only digits and thousands spaces so far
        var flags: TokenFlags = [.hasDigit]
        while j < n {
            let b = p[j]
            if (b == UInt8(ascii: ",") || b == UInt8(ascii: ".")) && isDigit(p, j + 1) {
                j += 1
                while isDigit(p, j) { j += 1 }
                onlyGroups = false
                continue
            }
            if (b == UInt8(ascii: "/") || b == UInt8(ascii: "-") || b == UInt8(ascii: "*")) && isDigit(p, j + 1) {
                j += 1
                while isDigit(p, j) { j += 1 }
                onlyGroups = false
                continue
            }
            let space = thousandsSpace(p, j)
            if space > 0, onlyGroups, group >= 1, group <= 3,
                isDigit(p, j + space), isDigit(p, j + space + 1), isDigit(p, j + space + 2), !isDigit(p, j + space + 3)
            {
                j += space + 3
                group = 3
                continue
            }
            if b == UInt8(ascii: "h"), j + 1 <= n, !(j + 1 < n && isLetter(p, j + 1)) || isDigit(p, j + 1) {
                // 9h, 10h30
                j += 1
                while isDigit(p, j) { j += 1 }
                return Token(start: s, end: j, kind: .number, flags: flags)
            }
            break
        }
        guard j < n, isLetter(p, j) else { return Token(start: s, end: j, kind: .number, flags: flags) }
        // Letters glued to digits: an ordinal (1er, 2e, 3ème) or a word such as 3E, 2D-Doc.
        var k = j
        while k < n {
            let (v, len) = Scalars.decode(p, k)
            guard Scalars.classify(v) == .letter else { break }
            k += len
        }
        if !(k < n && (isWordChar(p, k) || p[k] == UInt8(ascii: "-"))), ordinalSuffixes.contains(Array(p[j..<k])) {
            flags.insert(.hasLower)
            return Token(start: s, end: k, kind: .number, flags: flags)
        }
        var word = scanWord(p, s)
        word.flags.insert(.hasDigit)
        return word
    }

    // MARK: - Punctuation and symbols

    static func scanOther(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ v: UInt32, _ len: Int) -> Token {
        let n = p.count
        switch v {
        case 0x2E:  // "..." as one ellipsis
            var j = s
            while j < n, p[j] == 0x2E { j += 1 }
            return Token(start: s, end: j - s >= 3 ? j : s + 1, kind: .punctuation, flags: [])
        case 0x21, 0x22, 0x27, 0x28, 0x29, 0x2C, 0x2D, 0x2F, 0x3A, 0x3B, 0x3F, 0x5B, 0x5D, 0x7B, 0x7D,
            0x00AB, 0x00BB, 0x2010...0x2027, 0x2039, 0x203A, 0x00A1, 0x00BF, 0x02BC:
            return Token(start: s, end: s + len, kind: .punctuation, flags: [])
        default:
            var flags: TokenFlags = []
            if v >= 0x80 { flags.insert(.nonASCII) }
            return Token(start: s, end: s + len, kind: .symbol, flags: flags)
        }
    }
}
