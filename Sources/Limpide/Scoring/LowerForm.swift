/// Writes the lower-case form of a token's bytes, keeping the accents (unlike `Folding`).
///
/// The signals and the syllable counter need accents: `arrivé` is a participle, `arrive` is not;
/// `é` + vowel is a hiatus, `e` + vowel is not. NFD accents (`e` + U+0301) are composed to NFC for
/// the letters French uses, curly apostrophes become `'` and Unicode hyphens `-`. Works into a
/// reused buffer: no `String` per token.
enum LowerForm {
    /// Writes the lower-case form of `p[range]` into `out` (cleared first).
    @inline(__always)
    static func write(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        append(p, range, to: &out)
    }

    static func append(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to out: inout [UInt8]) {
        var i = range.lowerBound
        let end = min(range.upperBound, p.count)
        while i < end {
            let b = p[i]
            if b < 0x80 {
                out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                i += 1
                continue
            }
            let (v, len) = Scalars.decode(p, i)
            i += len
            switch v {
            case 0x0300...0x036F:
                // A combining mark: compose it with the ASCII letter just written, or drop it.
                if let base = out.last, base < 0x80, let composed = compose(base, v) {
                    out.removeLast()
                    encode(composed, to: &out)
                }
            case 0x00C0...0x00DE where v != 0x00D7:
                encode(v + 0x20, to: &out)
            case 0x0152: encode(0x0153, to: &out)  // Œ
            case 0x0178: encode(0x00FF, to: &out)  // Ÿ
            case 0x2019, 0x2018, 0x02BC: out.append(0x27)
            case 0x2010, 0x2011: out.append(0x2D)
            default: encode(v, to: &out)
            }
        }
    }

    /// NFC scalar for an ASCII letter and a combining mark, for the accents French writes.
    static func compose(_ base: UInt8, _ mark: UInt32) -> UInt32? {
        let column: Int
        switch mark {
        case 0x0300: column = 0  // grave
        case 0x0301: column = 1  // acute
        case 0x0302: column = 2  // circumflex
        case 0x0308: column = 3  // diaeresis
        case 0x0327: return base == UInt8(ascii: "c") ? 0x00E7 : nil  // cedilla
        case 0x0303: return base == UInt8(ascii: "n") ? 0x00F1 : nil  // tilde
        default: return nil
        }
        let row: [UInt32]
        switch base {
        case UInt8(ascii: "a"): row = [0xE0, 0xE1, 0xE2, 0xE4]
        case UInt8(ascii: "e"): row = [0xE8, 0xE9, 0xEA, 0xEB]
        case UInt8(ascii: "i"): row = [0xEC, 0xED, 0xEE, 0xEF]
        case UInt8(ascii: "o"): row = [0xF2, 0xF3, 0xF4, 0xF6]
        case UInt8(ascii: "u"): row = [0xF9, 0xFA, 0xFB, 0xFC]
        case UInt8(ascii: "y"): row = [0, 0xFD, 0, 0xFF]
        default: return nil
        }
        return row[column] == 0 ? nil : row[column]
    }

    @inline(__always)
    static func encode(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Whether `form` equals the UTF-8 of `word` (a literal in NFC lower case).
    @inline(__always)
    static func equals(_ form: [UInt8], _ word: StaticString) -> Bool {
        guard form.count == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { w in
            for k in 0..<w.count where w[k] != form[k] { return false }
            return true
        }
    }
}
