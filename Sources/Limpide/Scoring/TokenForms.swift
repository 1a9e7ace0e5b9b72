/// A small list of lower-case words with a quick reject on the first byte and the length, so that
/// testing a token against it costs two bit tests for most tokens.
struct WordList: Sendable {
    let words: [StaticString]
    private var firstBytes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var lengths: UInt64 = 0

    init(_ words: [StaticString]) {
        self.words = words
        for word in words {
            let n = word.utf8CodeUnitCount
            guard n > 0 else { continue }
            lengths |= 1 << UInt64(min(n, 63))
            let b = word.withUTF8Buffer { $0[0] }
            switch b >> 6 {
            case 0: firstBytes.0 |= 1 << UInt64(b & 63)
            case 1: firstBytes.1 |= 1 << UInt64(b & 63)
            case 2: firstBytes.2 |= 1 << UInt64(b & 63)
            default: firstBytes.3 |= 1 << UInt64(b & 63)
            }
        }
    }

    @inline(__always)
    func mayContain(first b: UInt8, length n: Int) -> Bool {
        guard lengths & (1 << UInt64(min(n, 63))) != 0 else { return false }
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: return firstBytes.0 & bit != 0
        case 1: return firstBytes.1 & bit != 0
        case 2: return firstBytes.2 & bit != 0
        default: return firstBytes.3 & bit != 0
        }
    }
}

/// The lower-case forms (`LowerForm`, accents kept) of all the tokens of a text, in one buffer.
///
/// Built once per document, so that the signal patterns compare bytes without a `String` or an
/// allocation per token. Inclusive suffixes are cut (`intéressé(e)` → `intéressé`).
struct TokenForms {
    private var storage: [UInt8] = []
    private var starts: [Int] = [0]

    init(tokens: [Token], bytes p: UnsafeBufferPointer<UInt8>) {
        storage.reserveCapacity(p.count)
        starts.reserveCapacity(tokens.count + 1)
        for token in tokens {
            let begin = storage.count
            LowerForm.append(p, token.range, to: &storage)
            if token.flags.contains(.inclusiveSuffix),
                let cut = storage[begin...].firstIndex(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "/") })
            {
                storage.removeSubrange(cut...)
            }
            starts.append(storage.count)
        }
    }

    var count: Int { starts.count - 1 }

    /// Byte length of the form of token `k`.
    func length(_ k: Int) -> Int { starts[k + 1] - starts[k] }

    func equals(_ k: Int, _ word: StaticString) -> Bool {
        guard k >= 0, k < count, length(k) == word.utf8CodeUnitCount else { return false }
        let start = starts[k]
        return word.withUTF8Buffer { w in
            for i in 0..<w.count where storage[start + i] != w[i] { return false }
            return true
        }
    }

    func isOne(of k: Int, _ list: WordList) -> Bool {
        guard k >= 0, k < count, length(k) > 0, list.mayContain(first: storage[starts[k]], length: length(k)) else { return false }
        return list.words.contains { equals(k, $0) }
    }

    func hasSuffix(_ k: Int, _ suffix: StaticString) -> Bool {
        guard k >= 0, k < count else { return false }
        let n = suffix.utf8CodeUnitCount
        guard length(k) >= n else { return false }
        let start = starts[k + 1] - n
        return suffix.withUTF8Buffer { s in
            for i in 0..<n where storage[start + i] != s[i] { return false }
            return true
        }
    }

    func hasPrefix(_ k: Int, _ prefix: StaticString) -> Bool {
        guard k >= 0, k < count else { return false }
        let n = prefix.utf8CodeUnitCount
        guard length(k) >= n else { return false }
        let start = starts[k]
        return prefix.withUTF8Buffer { s in
            for i in 0..<n where storage[start + i] != s[i] { return false }
            return true
        }
    }

    /// Whether the letter just before the last `suffixLength` bytes of `k` is a vowel (`français`
    /// before `is`; `reçu` has `ç`, a consonant, before `u`).
    func vowelBefore(_ k: Int, suffixLength: Int) -> Bool {
        guard k >= 0, k < count else { return false }
        let i = starts[k + 1] - suffixLength - 1
        guard i >= starts[k] else { return false }
        let b = storage[i]
        if b < 0x80 {
            switch b {
            case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"): return true
            default: return false
            }
        }
        // The last byte of a two-byte letter: every accented letter French uses is a vowel but ç.
        return !(i > starts[k] && storage[i - 1] == 0xC3 && b == 0xA7)
    }

    /// Whether the form of `k`, after removing an `s`, `e` or `es` agreement ending, is one of `bases`.
    func agrees(_ k: Int, withOneOf list: WordList) -> Bool {
        guard k >= 0, k < count, length(k) > 0 else { return false }
        let start = starts[k]
        let full = starts[k + 1]
        let first = storage[start]
        // The form itself, without a final s, and without a final e (after the s, if any).
        var withoutS = full
        if withoutS > start, storage[withoutS - 1] == UInt8(ascii: "s") { withoutS -= 1 }
        var withoutE = withoutS
        if withoutE > start, storage[withoutE - 1] == UInt8(ascii: "e") { withoutE -= 1 }
        guard list.mayContain(first: first, length: full - start) || list.mayContain(first: first, length: withoutS - start)
            || list.mayContain(first: first, length: withoutE - start)
        else { return false }
        for base in list.words {
            let n = base.utf8CodeUnitCount
            let end = start + n
            guard end == full || end == withoutS || end == withoutE else { continue }
            let same = base.withUTF8Buffer { b in
                for i in 0..<n where storage[start + i] != b[i] { return false }
                return true
            }
            if same { return true }
        }
        return false
    }
}
