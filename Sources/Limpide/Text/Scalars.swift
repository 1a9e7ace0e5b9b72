/// Character classes the tokenizer needs, decided on Unicode scalars read from UTF-8 bytes.
@usableFromInline
enum CharClass: UInt8, Sendable {
    case other, letter, digit, space, newline, apostrophe, hyphen, combining
}

@usableFromInline
enum Scalars {
    /// Decodes the scalar starting at `i`; returns the scalar value and its UTF-8 length.
    /// Malformed sequences (impossible after decoding) read as U+FFFD of length 1.
    @inline(__always) @usableFromInline
    static func decode(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let b0 = p[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        let n = p.count
        if b0 & 0xE0 == 0xC0, i + 1 < n {
            return ((UInt32(b0 & 0x1F) << 6) | UInt32(p[i + 1] & 0x3F), 2)
        }
        if b0 & 0xF0 == 0xE0, i + 2 < n {
            return ((UInt32(b0 & 0x0F) << 12) | (UInt32(p[i + 1] & 0x3F) << 6) | UInt32(p[i + 2] & 0x3F), 3)
        }
        if b0 & 0xF8 == 0xF0, i + 3 < n {
            let v = (UInt32(b0 & 0x07) << 18) | (UInt32(p[i + 1] & 0x3F) << 12)
                | (UInt32(p[i + 2] & 0x3F) << 6) | UInt32(p[i + 3] & 0x3F)
            return (v, 4)
        }
        return (0xFFFD, 1)
    }

    /// ASCII classes by arithmetic: the hot path never leaves it for most French text.
    @inline(__always) @usableFromInline
    static func asciiClass(_ b: UInt8) -> CharClass {
        let folded = b | 0x20
        if folded >= 0x61 && folded <= 0x7A { return .letter }
        if b >= 0x30 && b <= 0x39 { return .digit }
        if b == 0x20 || b == 0x09 || b == 0x0B || b == 0x0C { return .space }
        if b == 0x0A || b == 0x0D { return .newline }
        if b == 0x27 { return .apostrophe }
        if b == 0x2D { return .hyphen }
        return .other
    }

    @inline(__always) @usableFromInline
    static func classify(_ v: UInt32) -> CharClass {
        if v < 0x80 { return asciiClass(UInt8(v)) }
        return classifyNonASCII(v)
    }

    @usableFromInline
    static func classifyNonASCII(_ v: UInt32) -> CharClass {
        switch v {
        case 0x00A0, 0x202F, 0x2000...0x200B, 0x2060, 0xFEFF, 0x3000, 0x1680:
            return .space  // NBSP, narrow NBSP, thin spaces, zero-width space, BOM
        case 0x0085, 0x2028, 0x2029: return .newline
        case 0x2019, 0x02BC, 0x2018: return .apostrophe
        case 0x2010, 0x2011: return .hyphen
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F:
            return .combining
        case 0x00AA, 0x00B5, 0x00BA, 0x00C0...0x00D6, 0x00D8...0x00F6, 0x00F8...0x024F:
            return .letter
        case 0x00A1...0x00BF, 0x00D7, 0x00F7, 0x2012...0x2027, 0x2030...0x205E, 0x20A0...0x20CF,
            0x2100...0x2BFF:
            return .other
        default:
            guard let scalar = Unicode.Scalar(v) else { return .other }
            if scalar.properties.isAlphabetic { return .letter }
            if scalar.properties.numericType == .decimal { return .digit }
            return .other
        }
    }

    @inline(__always) @usableFromInline
    static func isUpper(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        return isUpperNonASCII(v)
    }

    @usableFromInline
    static func isUpperNonASCII(_ v: UInt32) -> Bool {
        switch v {
        case 0x00C0...0x00D6, 0x00D8...0x00DE: return true
        case 0x0100...0x017F: return v & 1 == 0 && v != 0x0138  // Latin Extended-A pairs (Œ = 0x152)
        default:
            return Unicode.Scalar(v)?.properties.isUppercase ?? false
        }
    }

    @inline(__always) @usableFromInline
    static func isLower(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        return isLowerNonASCII(v)
    }

    @usableFromInline
    static func isLowerNonASCII(_ v: UInt32) -> Bool {
        switch v {
        case 0x00DF...0x00F6, 0x00F8...0x00FF: return true
        case 0x0100...0x017F: return v & 1 == 1 || v == 0x0138
        default:
            return Unicode.Scalar(v)?.properties.isLowercase ?? false
        }
    }
}
