/// The encodings Limpide reads.
public enum SourceEncoding: String, Sendable, Codable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 (BOM)"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    case windows1252 = "Windows-1252"
}

/// Why bytes could not be read as text.
public enum DecodingError: Error, Sendable, Equatable {
    /// The bytes look like a binary file (NUL or control bytes) at this offset.
    case binary(offset: Int)
    /// The bytes are not valid UTF-8 at this offset, and do not look like Windows-1252 either.
    case invalidUTF8(offset: Int)
    /// UTF-16 with a broken surrogate or an odd length, at this byte offset.
    case invalidUTF16(offset: Int)
}

extension DecodingError {
    /// A message for people, in French. `name` is the file as given, or `-` for standard input.
    public func message(file name: String) -> String {
        let file = name == "-" ? "l'entrée standard" : "« \(name) »"
        switch self {
        case .binary(let offset):
            return "\(file) ne ressemble pas à un texte (fichier binaire ? octet de contrôle à la position \(offset))."
        case .invalidUTF8(let offset):
            return "\(file) n'est pas un texte UTF-8 valide : octet invalide à la position \(offset). Enregistrez le fichier en UTF-8."
        case .invalidUTF16(let offset):
            return "\(file) n'est pas un texte UTF-16 valide (position \(offset))."
        }
    }
}

/// Bytes turned into UTF-8 text.
public struct DecodedText: Sendable {
    public var text: String
    public var encoding: SourceEncoding
}

/// Decodes files the way people save them: UTF-8 (with or without BOM), UTF-16 with a BOM,
/// and Windows-1252 when the bytes are not UTF-8 and look like it. Anything else is refused with
/// the byte offset of the problem, never silently changed.
public enum TextDecoder {
    public static func decode(_ bytes: [UInt8]) throws(DecodingError) -> DecodedText {
        if bytes.count >= 2 {
            if bytes[0] == 0xFF, bytes[1] == 0xFE { return try decodeUTF16(bytes, littleEndian: true) }
            if bytes[0] == 0xFE, bytes[1] == 0xFF { return try decodeUTF16(bytes, littleEndian: false) }
        }
        if let littleEndian = looksLikeBOMlessUTF16(bytes) { return try decodeUTF16(bytes, littleEndian: littleEndian, skipBOM: false) }
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        if let binary = firstBinaryByte(bytes) { throw .binary(offset: binary) }
        switch validateUTF8(bytes) {
        case nil:
            return DecodedText(text: String(decoding: bytes, as: UTF8.self), encoding: hasBOM ? .utf8WithBOM : .utf8)
        case let offset?:
            if !hasBOM, looksLikeWindows1252(bytes) { return DecodedText(text: decodeWindows1252(bytes), encoding: .windows1252) }
            throw .invalidUTF8(offset: offset)
        }
    }

    /// A NUL byte, or a control character other than tab, line feed, form feed and carriage return.
    static func firstBinaryByte(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { p in
            for i in 0..<p.count {
                let b = p[i]
                if b < 0x20, b != 0x09, b != 0x0A, b != 0x0C, b != 0x0D { return i }
                if b == 0x7F { return i }
            }
            return nil
        }
    }

    /// Returns the offset of the first byte that is not valid UTF-8, or nil.
    public static func validateUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { p in
            var i = 0
            let n = p.count
            while i < n {
                let b = p[i]
                if b < 0x80 { i += 1; continue }
                let need: Int
                var minimum: UInt32
                var v: UInt32
                if b & 0xE0 == 0xC0 { need = 1; v = UInt32(b & 0x1F); minimum = 0x80 }
                else if b & 0xF0 == 0xE0 { need = 2; v = UInt32(b & 0x0F); minimum = 0x800 }
                else if b & 0xF8 == 0xF0 { need = 3; v = UInt32(b & 0x07); minimum = 0x10000 }
                else { return i }
                guard i + need < n else { return i }
                for k in 1...need {
                    let c = p[i + k]
                    guard c & 0xC0 == 0x80 else { return i }
                    v = (v << 6) | UInt32(c & 0x3F)
                }
                if v < minimum || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) { return i }
                i += need + 1
            }
            return nil
        }
    }

    /// Windows-1252 when no valid multi-byte UTF-8 sequence appears and the high bytes are
    /// mostly French letters and typographic signs.
    static func looksLikeWindows1252(_ bytes: [UInt8]) -> Bool {
        var high = 0
        var french = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b >= 0x80 {
                high += 1
                // A well-formed two-byte UTF-8 sequence means this is broken UTF-8, not Windows-1252.
                if b & 0xE0 == 0xC0, i + 1 < bytes.count, bytes[i + 1] & 0xC0 == 0x80, b >= 0xC2 { return false }
                switch b {
                case 0xC0...0xFF, 0x80, 0x85, 0x8C, 0x91...0x97, 0x9C, 0xA0, 0xAB, 0xB0, 0xBA, 0xBB: french += 1
                case 0x81, 0x8D, 0x8F, 0x90, 0x9D: return false  // undefined in Windows-1252
                default: break
                }
            }
            i += 1
        }
        return high > 0 && french * 10 >= high * 9
    }

    static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    static func decodeWindows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            let v: UInt32 = b >= 0x80 && b < 0xA0 ? windows1252High[Int(b - 0x80)] : UInt32(b)
            scalars.append(Unicode.Scalar(v) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// UTF-16 without a BOM: every other byte is NUL in mostly-Latin text.
    static func looksLikeBOMlessUTF16(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        let sample = min(bytes.count, 512)
        var evenNul = 0
        var oddNul = 0
        for i in 0..<sample where bytes[i] == 0 {
            if i % 2 == 0 { evenNul += 1 } else { oddNul += 1 }
        }
        let pairs = sample / 2
        if oddNul * 10 >= pairs * 7 && evenNul == 0 { return true }
        if evenNul * 10 >= pairs * 7 && oddNul == 0 { return false }
        return nil
    }

    static func decodeUTF16(_ bytes: [UInt8], littleEndian: Bool, skipBOM: Bool = true) throws(DecodingError) -> DecodedText {
        let start = skipBOM ? 2 : 0
        guard (bytes.count - start) % 2 == 0 else { throw .invalidUTF16(offset: bytes.count - 1) }
        var units: [UInt16] = []
        units.reserveCapacity((bytes.count - start) / 2)
        var i = start
        while i + 1 < bytes.count {
            let unit = littleEndian ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
            units.append(unit)
            i += 2
        }
        var scalars = String.UnicodeScalarView()
        var decoder = UTF16()
        var iterator = units.makeIterator()
        var index = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value < 0x20, scalar.value != 0x09, scalar.value != 0x0A, scalar.value != 0x0C, scalar.value != 0x0D {
                    throw .binary(offset: start + index * 2)
                }
                scalars.append(scalar)
                index += scalar.value > 0xFFFF ? 2 : 1
            case .emptyInput: break loop
            case .error: throw .invalidUTF16(offset: start + index * 2)
            }
        }
        return DecodedText(text: String(scalars), encoding: littleEndian ? .utf16LittleEndian : .utf16BigEndian)
    }
}
