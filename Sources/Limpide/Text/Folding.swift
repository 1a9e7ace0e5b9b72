/// Folds text to the keys the lexicon matches on: lower case, no accents, œ → oe, ’ → ',
/// combining marks dropped (so NFD input folds like NFC). Works on UTF-8 bytes into a reused
/// buffer: no `String` and no Foundation per token.
public enum Folding {
    /// Appends the folded form of the scalar `v` to `out`.
    @inline(__always)
    static func appendFolded<Sink: ByteSink>(_ v: UInt32, to out: inout Sink) {
        if v < 0x80 {
            let b = UInt8(v)
            out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
            return
        }
        switch v {
        case 0x00C0...0x00C5, 0x00E0...0x00E5, 0x0100...0x0105: out.append(0x61)  // a
        case 0x00C6, 0x00E6: out.append(0x61); out.append(0x65)  // æ
        case 0x00C7, 0x00E7, 0x0106...0x010D: out.append(0x63)  // c
        case 0x00C8...0x00CB, 0x00E8...0x00EB, 0x0112...0x011B: out.append(0x65)  // e
        case 0x00CC...0x00CF, 0x00EC...0x00EF, 0x0128...0x0131: out.append(0x69)  // i
        case 0x00D1, 0x00F1, 0x0143...0x0148: out.append(0x6E)  // n
        case 0x00D2...0x00D6, 0x00D8, 0x00F2...0x00F6, 0x00F8, 0x014C...0x0151: out.append(0x6F)  // o
        case 0x0152, 0x0153: out.append(0x6F); out.append(0x65)  // œ
        case 0x00D9...0x00DC, 0x00F9...0x00FC, 0x0168...0x0173: out.append(0x75)  // u
        case 0x00DD, 0x00FD, 0x00FF, 0x0176...0x0178: out.append(0x79)  // y
        case 0x00DF: out.append(0x73); out.append(0x73)  // ß
        case 0x2019, 0x2018, 0x02BC: out.append(0x27)  // apostrophes
        case 0x2010, 0x2011: out.append(0x2D)  // hyphens
        case 0x00B0, 0x00BA: out.append(0xC2); out.append(0xB0)  // degree / ordinal o: n°
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F:
            return  // combining marks: NFD accents
        default:
            // Other scripts: keep the scalar, lower-cased when the standard library knows how.
            appendOther(v, to: &out)
        }
    }

    static func appendOther<Sink: ByteSink>(_ v: UInt32, to out: inout Sink) {
        var scalar = Unicode.Scalar(v) ?? "\u{FFFD}"
        if let lower = scalar.properties.lowercaseMapping.unicodeScalars.first,
            scalar.properties.lowercaseMapping.unicodeScalars.count == 1
        {
            scalar = lower
        }
        UTF8.encode(scalar) { out.append($0) }
    }

    /// Folds a whole string (lexicon forms, user input): not for the hot path.
    public static func fold(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { appendFolded(scalar.value, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Where folded bytes go: a growable array, or a fixed scratch buffer on the hot path.
protocol ByteSink {
    mutating func append(_ byte: UInt8)
}

extension Array: ByteSink where Element == UInt8 {}

/// A fixed scratch buffer for token keys: no allocation and no uniqueness check per byte.
/// Keys longer than the buffer are marked as overflowed and never match.
struct KeyBuffer: ByteSink {
    let storage: UnsafeMutableBufferPointer<UInt8>
    var count = 0

    init(capacity: Int = 256) {
        storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
    }

    func deallocate() { storage.deallocate() }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count < storage.count { storage[count] = byte }
        count += 1
    }

    @inline(__always) mutating func removeAll() { count = 0 }
    @inline(__always) mutating func removeLast() { count -= 1 }
    var overflowed: Bool { count > storage.count }
    var last: UInt8? { count > 0 && count <= storage.count ? storage[count - 1] : nil }
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: storage[0..<min(count, storage.count)]) }
}

/// Lower case that keeps accents, with NFD sequences composed: tells "arrêté" from "arrête"
/// when the text does write its accents.
enum AccentKey {
    /// Precomposed forms of (base letter, combining mark) for French.
    static let compositions: [UInt64: UInt32] = {
        var table: [UInt64: UInt32] = [:]
        let pairs: [(String, UInt32, String)] = [
            ("aeiou", 0x0300, "àèìòù"), ("aeiouy", 0x0301, "áéíóúý"), ("aeiou", 0x0302, "âêîôû"),
            ("aeiouy", 0x0308, "äëïöüÿ"), ("c", 0x0327, "ç"), ("n", 0x0303, "ñ"),
        ]
        for (bases, mark, composed) in pairs {
            for (base, result) in zip(bases.unicodeScalars, composed.unicodeScalars) {
                table[UInt64(base.value) << 32 | UInt64(mark)] = result.value
            }
        }
        return table
    }()

    /// The key of a word: lower-case scalars, NFD composed, a final plural s/x dropped from words of
    /// four letters or more (like the matching keys).
    static func key<S: Sequence>(_ scalars: S) -> [UInt32] where S.Element == Unicode.Scalar {
        var out: [UInt32] = []
        for scalar in scalars {
            var v = scalar.value
            if v >= 0x41 && v <= 0x5A { v |= 0x20 }
            else if (v >= 0xC0 && v <= 0xDE && v != 0xD7) { v += 0x20 }
            else if v == 0x152 { v = 0x153 }
            else if v == 0x2019 || v == 0x2018 || v == 0x02BC { v = 0x27 }
            if v >= 0x0300 && v <= 0x036F {
                if let last = out.last, let composed = compositions[UInt64(last) << 32 | UInt64(v)] {
                    out[out.count - 1] = composed
                }
                continue
            }
            if v == 0x2E { continue }
            out.append(v)
        }
        if out.count >= 4, let last = out.last, last == 0x73 || last == 0x78 { out.removeLast() }
        return out
    }

    /// Whether a word has letters outside ASCII (accents), NFD or not.
    static func hasAccents(_ text: Substring.UnicodeScalarView) -> Bool {
        text.contains { $0.value >= 0x80 && $0.value != 0x2019 && $0.value != 0x2018 }
    }
}
