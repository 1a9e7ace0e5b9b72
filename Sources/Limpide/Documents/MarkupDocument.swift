/// Which parser reads a markup document.
public enum MarkupKind: String, Sendable, CaseIterable {
    /// XHTML (or any XML): parsed as XML, must be well formed.
    case xhtml
    /// HTML, tag soup included: libxml2's HTML parser, which repairs what it can.
    case html

    /// The kind a file name suggests: `.xhtml`, `.xht` and `.xml` are XHTML; `.html` and `.htm` are HTML.
    public static func forFile(_ path: String) -> MarkupKind? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "xhtml", "xht", "xml": return .xhtml
        case "html", "htm": return .html
        default: return nil
        }
    }
}

/// Why a markup document cannot be read, for people: a French message and where.
public struct MarkupError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: String, Sendable, Equatable {
        /// Not well-formed XML.
        case malformed
        /// An entity that is declared in a loop or expands too much (a "billion laughs" bomb).
        case entities
        /// More levels of nesting than the parser accepts.
        case tooDeep
        /// Too big: a text node over 10 MB, or a file over Limpide's size limit.
        case tooLarge
        /// Not UTF-8, or binary data.
        case encoding
        /// Out of memory.
        case resources
        /// A structure Limpide cannot position exactly (it never guesses).
        case unsupported
    }

    public var reason: Reason
    /// 1-based line and column (column in characters) in the original file.
    public var line: Int
    public var column: Int
    /// What went wrong, in French, without the position.
    public var message: String

    public init(_ reason: Reason, line: Int, column: Int, message: String) {
        self.reason = reason
        self.line = line
        self.column = column
        self.message = message
    }

    /// `ligne 12, colonne 5 : …`
    public var description: String { "ligne \(line), colonne \(column) : \(message)" }
}

/// A markup document read safely: its original bytes, the text a person reads (the analysis text),
/// and the map from that text back to the original bytes.
///
/// The document is never rebuilt: findings point into the original bytes, and annotation inserts
/// elements into a copy of them, every other byte kept as it is.
public struct MarkupDocument: Sendable {
    public let kind: MarkupKind
    /// The original file, byte for byte.
    public let bytes: [UInt8]
    /// The original file as text (it is UTF-8), with its line index: positions for people.
    public let source: SourceText
    /// The text a person reads, in reading order: element text (inline markup joined, entities
    /// decoded), blocks separated by line breaks, then after each block the texts of its
    /// attributes (`title`, `alt`…), each as its own paragraph.
    public let text: String
    /// From `text`'s bytes back to the original bytes.
    public let map: TextMap
    /// The document's own definitions: `<abbr title="Caisse d'allocations familiales">CAF</abbr>`.
    public let definitions: [MarkupDefinition]
    /// Where the glossary goes: before `</body>`, or before the end of the root element; nil when
    /// there is no such place (an empty root element).
    public let glossaryOffset: Int?
    /// The `id` values the document uses (Limpide's own ids must not collide with them).
    public let ids: Set<String>
    /// The encoding the document declares, lower case (`utf-8` when it declares none).
    public let declaredEncoding: String

    /// The largest document Limpide reads (offsets are kept in 32 bits).
    public static let maximumSize = 1 << 30

    /// Reads a document. Throws a `MarkupError` with the line and column of the problem.
    public init(bytes: [UInt8], kind: MarkupKind) throws(MarkupError) {
        let prepared = try MarkupInput.check(bytes, kind: kind)
        let extraction = try bytes.withUnsafeBufferPointer { p throws(MarkupError) in
            try MarkupExtractor.extract(p, kind: kind, source: prepared.source)
        }
        self.kind = kind
        self.bytes = bytes
        self.source = prepared.source
        self.text = String(decoding: extraction.text, as: UTF8.self)
        self.map = TextMap(pieces: extraction.pieces, textLength: extraction.text.count)
        self.definitions = extraction.definitions
        self.glossaryOffset = extraction.glossaryOffset ?? (kind == .html ? bytes.count : nil)
        self.ids = extraction.ids
        self.declaredEncoding = (prepared.declaredEncoding ?? "utf-8").lowercased()
    }

    /// The UTF-8 text of a byte range of the original file.
    public func originalText(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}

/// A definition the document gives itself with `<abbr title="…">`.
public struct MarkupDefinition: Sendable, Hashable {
    /// The acronym as written inside `<abbr>`.
    public var form: String
    /// The `title`.
    public var expansion: String
    /// Where the `<abbr>` content starts in the analysis text.
    public var textOffset: Int
}

/// Checks on the raw bytes before any parser sees them: size, binary data, UTF-8.
enum MarkupInput {
    struct Prepared {
        var source: SourceText
        var declaredEncoding: String?
    }

    static func check(_ bytes: [UInt8], kind: MarkupKind) throws(MarkupError) -> Prepared {
        guard bytes.count < MarkupDocument.maximumSize else {
            throw MarkupError(.tooLarge, line: 1, column: 1, message: "le fichier dépasse 1 Go : Limpide ne lit pas des pages aussi grandes.")
        }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw MarkupError(.encoding, line: 1, column: 1, message: "la page est en UTF-16 : Limpide lit les pages XHTML et HTML en UTF-8. Enregistrez-la en UTF-8.")
        }
        if let binary = TextDecoder.firstBinaryByte(bytes) {
            let place = location(bytes, binary)
            throw MarkupError(.encoding, line: place.line, column: place.column, message: "la page ne ressemble pas à un texte (octet de contrôle en position \(binary)).")
        }
        if let invalid = TextDecoder.validateUTF8(bytes) {
            let place = location(bytes, invalid)
            let declared = declaredEncoding(bytes)
            var message = "la page n'est pas en UTF-8 valide : octet invalide en position \(invalid)."
            if let declared, !["utf-8", "utf8"].contains(declared.lowercased()) {
                message += " Elle déclare l'encodage « \(declared) » : Limpide lit les pages en UTF-8 ; enregistrez-la en UTF-8."
            } else {
                message += " Enregistrez la page en UTF-8."
            }
            throw MarkupError(.encoding, line: place.line, column: place.column, message: message)
        }
        let source = SourceText(String(decoding: bytes, as: UTF8.self))
        return Prepared(source: source, declaredEncoding: declaredEncoding(bytes))
    }

    /// Line and column of a byte offset in bytes that may not be valid UTF-8.
    static func location(_ bytes: [UInt8], _ offset: Int) -> SourceLocation {
        var line = 1
        var column = 1
        var i = 0
        while i < offset, i < bytes.count {
            let b = bytes[i]
            if b == 0x0A || (b == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if b != 0x0D, b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return SourceLocation(line: line, column: column)
    }

    /// The encoding an XML declaration or an HTML `<meta charset>` announces, lower case.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        let head = Array(bytes.prefix(4096))
        let lowered = head.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        for marker in ["encoding=", "charset="] {
            let m = Array(marker.utf8)
            guard lowered.count >= m.count, let at = (0...(lowered.count - m.count)).first(where: { lowered[$0..<($0 + m.count)].elementsEqual(m) }) else {
                continue
            }
            var k = at + m.count
            if k < head.count, head[k] == UInt8(ascii: "\"") || head[k] == UInt8(ascii: "'") { k += 1 }
            let start = k
            while k < head.count, MarkupScanner.isASCIILetter(head[k]) || MarkupScanner.isDigit(head[k]) || [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":")].contains(head[k]) {
                k += 1
            }
            if k > start { return String(decoding: head[start..<k], as: UTF8.self) }
        }
        return nil
    }
}
