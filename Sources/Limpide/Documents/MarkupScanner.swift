/// One piece of a markup file, with its exact byte range in the original bytes.
struct MarkupToken {
    enum Kind: UInt8 {
        /// Character data whose bytes are the text (a `\r\n` is still two bytes here).
        case text
        /// `&…;` (or, in HTML, `&#233` without its semicolon): one scalar, or nothing when unknown.
        case reference
        /// `<![CDATA[…]]>` (XML): `content` is the text.
        case cdata
        case startTag
        case endTag
        case comment
        case instruction
        case doctype
        /// Markup that libxml2's HTML parser drops without a trace (`</` not followed by a name…).
        case dropped
        case end
    }

    var kind: Kind
    var range: Range<Int>
    /// Tags: the element name; references: the entity name or the digits; instructions: the target.
    var name: Range<Int> = 0..<0
    /// CDATA: the bytes between `<![CDATA[` and `]]>`.
    var content: Range<Int> = 0..<0
    var attributes: [MarkupAttribute] = []
    /// `<br/>`.
    var selfClosing = false
    /// References: the scalar it stands for, nil when unknown (declared or misspelt entity).
    var scalar: UInt32?
}

/// An attribute of a start tag: where its name and its value are in the original bytes.
struct MarkupAttribute {
    var name: Range<Int>
    /// The value between the quotes (or the unquoted value); empty for `<input disabled>`.
    var value: Range<Int>
    var hasValue: Bool
}

/// A lossless scanner over the original bytes of an XML or HTML document: it finds every tag,
/// text run, reference, comment and attribute value with its exact byte range. It does not build a
/// tree; libxml2 does, and the extractor aligns the two. In HTML it follows libxml2's HTML parser
/// (2.9) where it differs from XML: raw text in `script` and `style`, `<` and `&` as plain text
/// when they start nothing, character references without `;`, unquoted attribute values.
struct MarkupScanner {
    let html: Bool
    private(set) var position: Int
    /// HTML: inside `script` or `style`, the name whose end tag closes the raw text.
    private var rawTextEnd: [UInt8]?
    /// HTML: a tag or some text has been seen (the prolog is over).
    private var contentStarted = false
    /// HTML: libxml2 2.9 reads `</…` or `<!…` (not a comment) right after a `<!DOCTYPE>` in the
    /// content as text, up to the next `<` or `&`.
    private var endTagAsText = false

    init(html: Bool, start: Int = 0) {
        self.html = html
        self.position = start
    }

    mutating func next(_ p: UnsafeBufferPointer<UInt8>) -> MarkupToken {
        let n = p.count
        let start = position
        guard start < n else { return MarkupToken(kind: .end, range: n..<n) }
        if let endName = rawTextEnd {
            var i = start
            while i < n {
                if p[i] == UInt8(ascii: "<"), i + 1 < n, p[i + 1] == UInt8(ascii: "/"), Self.matchesName(p, i + 2, endName) { break }
                i += 1
            }
            rawTextEnd = nil
            if i > start {
                position = i
                return MarkupToken(kind: .text, range: start..<i)
            }
        }
        let b = p[start]
        if endTagAsText {
            endTagAsText = false
            if b == UInt8(ascii: "<"), start + 1 < n, p[start + 1] == UInt8(ascii: "/") || (p[start + 1] == UInt8(ascii: "!") && !Self.hasPrefix(p, start, "<!--")) {
                var i = start + 1
                while i < n, p[i] != UInt8(ascii: "<"), p[i] != UInt8(ascii: "&") { i += 1 }
                position = i
                return MarkupToken(kind: .text, range: start..<i)
            }
        }
        if b == UInt8(ascii: "<"), let token = markup(p, at: start) {
            position = token.range.upperBound
            if html {
                switch token.kind {
                case .startTag:
                    contentStarted = true
                    let name = Self.lowercased(p, token.name)
                    if !token.selfClosing, name == Array("script".utf8) || name == Array("style".utf8) { rawTextEnd = name }
                case .endTag, .dropped:
                    contentStarted = true
                case .doctype:
                    endTagAsText = contentStarted
                default:
                    break
                }
            }
            return token
        }
        if html, !contentStarted, !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C) { contentStarted = true }
        if b == UInt8(ascii: "&"), let token = reference(p, at: start) {
            position = token.range.upperBound
            return token
        }
        // Text: up to the next markup or decoded reference.
        var i = start + 1
        while i < n {
            let c = p[i]
            if c == UInt8(ascii: "<") {
                if !html || startsMarkup(p, i) { break }
            } else if c == UInt8(ascii: "&") {
                if !html || reference(p, at: i) != nil { break }
            }
            i += 1
        }
        position = i
        return MarkupToken(kind: .text, range: start..<i)
    }

    // MARK: - Markup

    func startsMarkup(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i + 1 < p.count else { return false }
        let c = p[i + 1]
        if c == UInt8(ascii: "!") { return Self.hasPrefix(p, i, "<!--") || Self.hasPrefixIgnoringCase(p, i, "<!DOCTYPE") || !html }
        return Self.isASCIILetter(c) || c == UInt8(ascii: "/") || c == UInt8(ascii: "?")
    }

    func markup(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> MarkupToken? {
        let n = p.count
        guard i + 1 < n else { return nil }
        let c = p[i + 1]
        if c == UInt8(ascii: "/") { return endTag(p, at: i) }
        if c == UInt8(ascii: "!") {
            if Self.hasPrefix(p, i, "<!--") { return comment(p, at: i) }
            if Self.hasPrefix(p, i, "<![CDATA[") && !html {
                let end = Self.find(p, from: i + 9, "]]>") ?? n
                return MarkupToken(kind: .cdata, range: i..<min(n, end + 3), content: (i + 9)..<end)
            }
            if Self.hasPrefixIgnoringCase(p, i, "<!DOCTYPE") { return doctype(p, at: i) }
            // libxml2's HTML parser reads any other `<!` as text.
            if html { return nil }
            var k = i + 2
            while k < n, p[k] != UInt8(ascii: ">") { k += 1 }
            return MarkupToken(kind: .doctype, range: i..<min(n, k + 1))
        }
        if c == UInt8(ascii: "?") { return instruction(p, at: i) }
        if Self.isASCIILetter(c) || (!html && (c == UInt8(ascii: "_") || c == UInt8(ascii: ":") || c >= 0x80)) {
            return startTag(p, at: i)
        }
        return nil
    }

    func comment(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> MarkupToken {
        let n = p.count
        // libxml2's HTML parser drops an unterminated comment and everything after it.
        guard let end = Self.find(p, from: i + 4, "-->") else { return MarkupToken(kind: html ? .dropped : .comment, range: i..<n) }
        return MarkupToken(kind: .comment, range: i..<(end + 3))
    }

    func doctype(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> MarkupToken {
        let n = p.count
        var k = i + 9
        var quote: UInt8 = 0
        var inSubset = false
        while k < n {
            let b = p[k]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if !html, b == UInt8(ascii: "[") {
                inSubset = true
            } else if inSubset {
                if b == UInt8(ascii: "]") {
                    inSubset = false
                } else if Self.hasPrefix(p, k, "<!--") {
                    k = (Self.find(p, from: k + 4, "-->") ?? n) + 2
                } else if Self.hasPrefix(p, k, "<?") {
                    k = (Self.find(p, from: k + 2, "?>") ?? n) + 1
                }
            } else if b == UInt8(ascii: ">") {
                return MarkupToken(kind: .doctype, range: i..<(k + 1))
            }
            k += 1
        }
        return MarkupToken(kind: .doctype, range: i..<n)
    }

    func instruction(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> MarkupToken {
        let n = p.count
        var k = i + 2
        while k < n, !Self.isSpace(p[k]), p[k] != UInt8(ascii: "?"), p[k] != UInt8(ascii: ">") { k += 1 }
        let target = (i + 2)..<k
        if html {
            // libxml2's HTML parser: `<?` without a name is dropped; a processing instruction ends at `>`.
            guard i + 2 < n, Self.isNameStart(p[i + 2]) else { return MarkupToken(kind: .dropped, range: i..<min(n, i + 2)) }
            while k < n, p[k] != UInt8(ascii: ">") { k += 1 }
            return MarkupToken(kind: .instruction, range: i..<min(n, k + 1), name: target)
        }
        let end = Self.find(p, from: k, "?>") ?? n
        return MarkupToken(kind: .instruction, range: i..<min(n, end + 2), name: target)
    }

    func endTag(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> MarkupToken {
        let n = p.count
        var k = i + 2
        let nameStart = k
        if html {
            while k < n, Self.isHTMLNameByte(p[k], first: k == nameStart) { k += 1 }
            if k == nameStart { return MarkupToken(kind: .dropped, range: i..<min(n, i + 2)) }
            let name = nameStart..<k
            while k < n, p[k] != UInt8(ascii: ">") { k += 1 }
            return MarkupToken(kind: .endTag, range: i..<min(n, k + 1), name: name)
        }
        while k < n, !Self.isSpace(p[k]), p[k] != UInt8(ascii: ">") { k += 1 }
        let name = nameStart..<k
        while k < n, p[k] != UInt8(ascii: ">") { k += 1 }
        return MarkupToken(kind: .endTag, range: i..<min(n, k + 1), name: name)
    }

    func startTag(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> MarkupToken {
        let n = p.count
        var k = i + 1
        let nameStart = k
        if html {
            while k < n, Self.isHTMLNameByte(p[k], first: k == nameStart) { k += 1 }
        } else {
            while k < n, !Self.isSpace(p[k]), p[k] != UInt8(ascii: ">"), p[k] != UInt8(ascii: "/") { k += 1 }
        }
        var token = MarkupToken(kind: .startTag, range: i..<n, name: nameStart..<k)
        while k < n, Self.isSpace(p[k]) { k += 1 }
        while k < n {
            let b = p[k]
            if b == UInt8(ascii: ">") {
                token.range = i..<(k + 1)
                return token
            }
            if b == UInt8(ascii: "/"), k + 1 < n, p[k + 1] == UInt8(ascii: ">") {
                token.selfClosing = true
                token.range = i..<(k + 2)
                return token
            }
            // An attribute.
            let attributeStart = k
            if html {
                while k < n, Self.isHTMLNameByte(p[k], first: k == attributeStart) { k += 1 }
                if k == attributeStart {
                    // Not a name: libxml2 skips up to the next blank or the end of the tag.
                    while k < n, !Self.isSpace(p[k]), p[k] != UInt8(ascii: ">"), !(p[k] == UInt8(ascii: "/") && k + 1 < n && p[k + 1] == UInt8(ascii: ">")) { k += 1 }
                    while k < n, Self.isSpace(p[k]) { k += 1 }
                    continue
                }
            } else {
                while k < n, !Self.isSpace(p[k]), p[k] != UInt8(ascii: "="), p[k] != UInt8(ascii: ">"), p[k] != UInt8(ascii: "/") { k += 1 }
                if k == attributeStart { k += 1; continue }
            }
            let name = attributeStart..<k
            while k < n, Self.isSpace(p[k]) { k += 1 }
            var attribute = MarkupAttribute(name: name, value: k..<k, hasValue: false)
            if k < n, p[k] == UInt8(ascii: "=") {
                k += 1
                while k < n, Self.isSpace(p[k]) { k += 1 }
                attribute.hasValue = true
                if k < n, p[k] == UInt8(ascii: "\"") || p[k] == UInt8(ascii: "'") {
                    let quote = p[k]
                    var e = k + 1
                    while e < n, p[e] != quote { e += 1 }
                    attribute.value = (k + 1)..<e
                    k = min(n, e + 1)
                } else {
                    var e = k
                    while e < n, !Self.isSpace(p[e]), p[e] != UInt8(ascii: ">") { e += 1 }
                    attribute.value = k..<e
                    k = e
                }
            }
            token.attributes.append(attribute)
            while k < n, Self.isSpace(p[k]) { k += 1 }
        }
        token.range = i..<n
        return token
    }

    // MARK: - References

    /// A reference that decodes to something (or, in XML, any reference). Nil for HTML text that
    /// libxml2 keeps as it is (`&` alone, `&nom;` unknown, `&eacute` without `;`).
    func reference(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> MarkupToken? {
        let n = p.count
        guard i + 1 < n else { return nil }
        if p[i + 1] == UInt8(ascii: "#") {
            var k = i + 2
            var hex = false
            if k < n, p[k] == UInt8(ascii: "x") || p[k] == UInt8(ascii: "X") {
                hex = true
                k += 1
            }
            let digitsStart = k
            var value: UInt32 = 0
            while k < n, let d = Self.digit(p[k], hex: hex) {
                value = min(0x11_0000, value * (hex ? 16 : 10) + d)
                k += 1
            }
            let digits = digitsStart..<k
            if k < n, p[k] == UInt8(ascii: ";") {
                k += 1
            } else if !html {
                return nil
            }
            let valid = !digits.isEmpty && Self.isXMLChar(value)
            return MarkupToken(kind: .reference, range: i..<k, name: digits, scalar: valid ? value : nil)
        }
        var k = i + 1
        guard k < n, Self.isASCIILetter(p[k]) || p[k] == UInt8(ascii: "_") || p[k] == UInt8(ascii: ":") || (!html && p[k] >= 0x80) else { return nil }
        while k < n, Self.isASCIILetter(p[k]) || Self.isDigit(p[k]) || p[k] == UInt8(ascii: "_") || p[k] == UInt8(ascii: "-") || p[k] == UInt8(ascii: ".") || p[k] == UInt8(ascii: ":") || (!html && p[k] >= 0x80) {
            k += 1
        }
        let name = (i + 1)..<k
        guard k < n, p[k] == UInt8(ascii: ";") else { return nil }
        let scalar = Self.predefined(p, name) ?? XMLNodes.htmlEntity(UnsafeBufferPointer(rebasing: p[name]))
        if html, scalar == nil { return nil }
        return MarkupToken(kind: .reference, range: i..<(k + 1), name: name, scalar: scalar)
    }

    static func predefined(_ p: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> UInt32? {
        switch name.count {
        case 2:
            if p[name.lowerBound + 1] != UInt8(ascii: "t") { return nil }
            if p[name.lowerBound] == UInt8(ascii: "l") { return 0x3C }
            if p[name.lowerBound] == UInt8(ascii: "g") { return 0x3E }
            return nil
        case 3:
            return hasPrefix(p, name.lowerBound, "amp") ? 0x26 : nil
        case 4:
            if hasPrefix(p, name.lowerBound, "quot") { return 0x22 }
            if hasPrefix(p, name.lowerBound, "apos") { return 0x27 }
            return nil
        default:
            return nil
        }
    }

    // MARK: - Bytes

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }
    static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
    static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
    static func isNameStart(_ b: UInt8) -> Bool { isASCIILetter(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b >= 0x80 }

    /// libxml2's `htmlParseHTMLName`: a letter, `_`, `:` or `.` first, then letters, digits, `:`, `-`, `_`, `.`.
    static func isHTMLNameByte(_ b: UInt8, first: Bool) -> Bool {
        if isASCIILetter(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b == UInt8(ascii: ".") { return true }
        return !first && (isDigit(b) || b == UInt8(ascii: "-"))
    }

    static func digit(_ b: UInt8, hex: Bool) -> UInt32? {
        if isDigit(b) { return UInt32(b - UInt8(ascii: "0")) }
        guard hex else { return nil }
        let l = b | 0x20
        if l >= UInt8(ascii: "a") && l <= UInt8(ascii: "f") { return UInt32(l - UInt8(ascii: "a") + 10) }
        return nil
    }

    static func isXMLChar(_ v: UInt32) -> Bool {
        v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || (v >= 0x10000 && v <= 0x10FFFF)
    }

    static func hasPrefix(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ s: StaticString) -> Bool {
        let count = s.utf8CodeUnitCount
        guard i + count <= p.count else { return false }
        let u = s.utf8Start
        for k in 0..<count where p[i + k] != u[k] { return false }
        return true
    }

    static func hasPrefixIgnoringCase(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ s: StaticString) -> Bool {
        let count = s.utf8CodeUnitCount
        guard i + count <= p.count else { return false }
        let u = s.utf8Start
        for k in 0..<count where (p[i + k] | 0x20) != (u[k] | 0x20) { return false }
        return true
    }

    static func find(_ p: UnsafeBufferPointer<UInt8>, from: Int, _ s: StaticString) -> Int? {
        let count = s.utf8CodeUnitCount
        let first = s.utf8Start[0]
        var i = from
        while i + count <= p.count {
            if p[i] == first, hasPrefix(p, i, s) { return i }
            i += 1
        }
        return nil
    }

    /// `</script` (any case) at `i`, where `name` is lower case.
    static func matchesName(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ name: [UInt8]) -> Bool {
        guard i + name.count <= p.count else { return false }
        for k in 0..<name.count where (p[i + k] | 0x20) != name[k] { return false }
        return true
    }

    static func lowercased(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
        p[range].map { isASCIILetter($0) ? $0 | 0x20 : $0 }
    }
}
