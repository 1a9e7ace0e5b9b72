import CLibXML2

/// What the extractor gives back: the analysis text, its map, and what annotation needs.
struct MarkupExtraction {
    var text: [UInt8] = []
    var pieces: [TextPiece] = []
    var definitions: [MarkupDefinition] = []
    var glossaryOffset: Int?
    var ids: Set<String> = []
}

/// Walks libxml2's tree and, in step with it, the scanner over the original bytes.
///
/// libxml2 decides the structure (which element holds which text, what is implied or repaired in
/// HTML) and has checked that the document is safe and, for XHTML, well formed. The scanner says
/// where each piece is in the original bytes. Each text node of the tree is matched byte for byte
/// against the scanner's decoded text; each element against its start tag. Whatever libxml2 drops
/// (blank text in HTML, stray end tags, misplaced `<body>`) is skipped; anything else that does not
/// match stops the reading with an error: positions are exact or there are none.
struct MarkupExtractor {
    let p: UnsafeBufferPointer<UInt8>
    let html: Bool
    let source: SourceText
    var scanner: MarkupScanner
    /// The scanner's token under the cursor, and for text the next byte not yet matched.
    var token: MarkupToken
    var cursor: Int
    var run: Int32 = 0
    var serial: Int32 = 0
    var out = MarkupExtraction()
    /// The separator owed before the next text: 0 none, 1 a space, 2 a line break, 3 a blank line.
    var pendingBreak = 0
    /// Attribute texts waiting for the end of their block.
    var queuedAttributes: [QueuedText] = []
    var stack: [Frame] = []
    /// Some text or a real tag has been matched (see `parserHasNoElement`).
    var contentSeen = false

    struct QueuedText {
        var bytes: [UInt8]
        /// (range in `bytes`, original range, literal?)
        var pieces: [(Range<Int>, Range<Int>, Bool)]
    }

    struct Frame {
        var name: String
        var serial: Int32
        var skip: Bool
        var ownText: WrapMode
        var inherited: WrapMode
        var sticky: Bool
        var block: Int
        var tag: MarkupToken?
        var abbrTitle: String?
        var textStart: Int
        var isGlossaryHost: Bool
    }

    static func extract(_ p: UnsafeBufferPointer<UInt8>, kind: MarkupKind, source: SourceText) throws(MarkupError) -> MarkupExtraction {
        let html = kind == .html
        return try LibXML2.withDocument(p, html: html) { document, context, failures throws(MarkupError) in
            try Self.check(document, context: context, failures: failures, html: html, source: source)
            guard let document else { throw MarkupError(.malformed, line: 1, column: 1, message: "document vide ou illisible.") }
            var extractor = MarkupExtractor(p: p, html: html, source: source)
            try extractor.walk(document)
            return extractor.out
        }
    }

    init(p: UnsafeBufferPointer<UInt8>, html: Bool, source: SourceText) {
        self.p = p
        self.html = html
        self.source = source
        var scanner = MarkupScanner(html: html)
        // A UTF-8 byte-order mark is not text.
        if p.count >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { scanner = MarkupScanner(html: html, start: 3) }
        self.token = scanner.next(p)
        self.scanner = scanner
        self.cursor = token.range.lowerBound
        out.text.reserveCapacity(p.count / 2)
    }

    // MARK: - libxml2's verdict

    static func check(_ document: xmlDocPtr?, context: xmlParserCtxtPtr, failures: [LibXML2.Failure], html: Bool, source: SourceText) throws(MarkupError) {
        // Errors that mean the tree is missing or cut short, in XML and HTML alike.
        let stopping: Set<Int> = [1, 2, 89, Int(XML_ERR_ENTITY_PE_INTERNAL.rawValue)]
        if let failure = failures.first(where: { stopping.contains($0.code) || $0.message.contains("Excessive depth") || $0.message.contains("too large") || $0.message.contains("Huge") || $0.message.contains("amplification") }) {
            throw MarkupErrors.translate(failure, html: html)
        }
        if !html {
            let wellFormed = context.pointee.wellFormed != 0
            if document == nil || !wellFormed {
                let failure = failures.first { $0.level >= 3 } ?? failures.first
                    ?? LibXML2.Failure(code: 0, level: 3, line: 1, column: 1, message: "", argument: nil)
                throw MarkupErrors.translate(failure, html: false)
            }
        } else if document == nil {
            throw MarkupError(.malformed, line: 1, column: 1, message: "libxml2 n'a pas pu lire cette page HTML.")
        } else if context.pointee.disableSAX != 0 {
            // libxml2 2.9's HTML parser stops without a word at its nesting limit (256 levels).
            let line = context.pointee.input.map { Int($0.pointee.line) } ?? 1
            let column = context.pointee.input.map { Int($0.pointee.col) } ?? 1
            throw MarkupError(
                .tooDeep, line: max(1, line), column: max(1, column),
                message: "la page imbrique plus de 256 éléments les uns dans les autres ; libxml2 s'arrête là, et Limpide aussi.")
        }
    }

    // MARK: - The walk

    mutating func walk(_ document: xmlDocPtr) throws(MarkupError) {
        let root = UnsafeMutableRawPointer(document).assumingMemoryBound(to: xmlNode.self)
        var node: xmlNodePtr? = document.pointee.children
        while let current = node {
            var descend = false
            if current.pointee.type == XML_ELEMENT_NODE {
                try enter(current)
                descend = current.pointee.children != nil
                if descend { stack[stack.count - 1].textStart = out.text.count }
            } else {
                try leaf(current)
            }
            if descend {
                node = current.pointee.children
                continue
            }
            if current.pointee.type == XML_ELEMENT_NODE { try exit(current) }
            var last = current
            var next = current.pointee.next
            while next == nil, let parent = last.pointee.parent, parent != root,
                parent.pointee.type == XML_ELEMENT_NODE
            {
                try exit(parent)
                last = parent
                next = parent.pointee.next
            }
            node = next
        }
        // What remains of the file must be what libxml2 leaves out of the tree.
        try skipIgnorable(documentLevel: true)
        while html, token.kind == .startTag,
            ["html", "head", "body"].contains(String(decoding: MarkupScanner.lowercased(p, token.name), as: UTF8.self))
        {
            advance()
            try skipIgnorable(documentLevel: true)
        }
        if token.kind != .end { throw unsupported("contenu que le lecteur XML/HTML n'a pas retenu") }
        flushAttributes()
    }

    // MARK: Elements

    mutating func enter(_ node: xmlNodePtr) throws(MarkupError) {
        let local = XMLNodes.name(node.pointee.name)
        let prefix = node.pointee.ns.flatMap { $0.pointee.prefix }.map { String(cString: $0) }
        let namespace = node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
        let name = html ? local.lowercased() : local
        let qualified = prefix.map { $0 + ":" + local } ?? local
        let tag = try findStartTag(qualified: html ? name : qualified, name: name)

        let parent = stack.last
        let parentSkip = parent?.skip ?? false
        let parentInherited = parent?.inherited ?? .none
        let parentSticky = parent?.sticky ?? false
        var skip = parentSkip || MarkupVocabulary.skipped.contains(name)
        var abbrTitle: String?
        var analysable: [(name: String, value: [UInt8])] = []
        var isInputButton = false
        var attribute = node.pointee.properties
        var values: [(String, [UInt8])] = []
        while let a = attribute {
            let attributeName = XMLNodes.name(a.pointee.name)
            let attributePrefix = a.pointee.ns.flatMap { $0.pointee.prefix }.map { String(cString: $0) }
            if let value = XMLNodes.attributeValue(a) {
                values.append((attributePrefix.map { $0 + ":" + attributeName } ?? (html ? attributeName.lowercased() : attributeName), value))
            }
            attribute = a.pointee.next
        }
        for (attributeName, value) in values {
            let text = String(decoding: value, as: UTF8.self)
            switch attributeName {
            case "id": out.ids.insert(text)
            case "translate": if text.trimmed.lowercased() == "no" { skip = true }
            case "data-limpide": if ["ignorer", "glossaire"].contains(text.trimmed.lowercased()) { skip = true }
            case "type": if name == "input", ["button", "submit", "reset"].contains(text.trimmed.lowercased()) { isInputButton = true }
            default: break
            }
        }
        // The attributes of an element Limpide inserted (a previous run's output) are its own words.
        let insertedByLimpide = values.contains { $0.0 == "data-limpide" }
        if !skip, !insertedByLimpide {
            for (attributeName, value) in values {
                switch attributeName {
                case "title":
                    if name == "abbr" || name == "acronym" {
                        // The page's own definition of an acronym, not text to read.
                        let title = String(decoding: value, as: UTF8.self).trimmed
                        if !title.isEmpty { abbrTitle = title }
                    } else {
                        analysable.append((attributeName, value))
                    }
                case "alt", "placeholder", "aria-label": analysable.append((attributeName, value))
                case "value" where isInputButton: analysable.append((attributeName, value))
                default: break
                }
            }
        }

        // Where Limpide may insert elements.
        var sticky = parentSticky
        var ownText = parentInherited
        var inherited = parentInherited
        let foreign = !html && ((prefix != nil) || (namespace != nil && namespace != MarkupVocabulary.xhtmlNamespace))
        if foreign || MarkupVocabulary.neverWrapped.contains(name) || skip {
            sticky = true
        }
        if sticky {
            ownText = .none
            inherited = .none
        } else if name == "body" || (!html && stack.isEmpty && name != "html") {
            ownText = .full
            inherited = .full
        } else if name == "html" {
            ownText = .none
            inherited = .none
        } else if MarkupVocabulary.interactive.contains(name) {
            ownText = min(parentInherited, .phrasing)
            inherited = ownText
        } else if MarkupVocabulary.containers.contains(name) {
            ownText = .none
        }

        // A block breaks the line; a skipped inline element (`<code>`) still separates words.
        // Text right inside an element the HTML parser made up (an implied <p>) takes nothing:
        // an element inserted there would be read before the parser makes that element up.
        if html, tag == nil { ownText = .none }
        let block = parentSkip ? 0 : (MarkupVocabulary.blocks[name].map { $0 + 1 } ?? (skip ? 1 : 0))
        serial += 1
        let isHost = name == "body" || (!html && stack.isEmpty)
        stack.append(
            Frame(
                name: name, serial: serial, skip: skip, ownText: ownText, inherited: inherited, sticky: sticky, block: block, tag: tag,
                abbrTitle: abbrTitle, textStart: out.text.count, isGlossaryHost: isHost))
        if block > 0 { breakLine(block) }
        for (attributeName, value) in analysable {
            queueAttribute(attributeName, value: value, tag: tag)
        }
    }

    mutating func exit(_ node: xmlNodePtr) throws(MarkupError) {
        guard let frame = stack.popLast() else { return }
        var endOffset: Int?
        if let tag = frame.tag, !tag.selfClosing {
            if html {
                // Blank text just before the end tag belongs to this element (or was dropped).
                var probe = scanner
                var candidate = token
                var blank = false
                if candidate.kind == .text, isBlank(cursor..<candidate.range.upperBound) {
                    candidate = probe.next(p)
                    blank = true
                }
                if candidate.kind == .endTag, Self.equalName(p, candidate.name, frame.name, html: true) {
                    if blank { advance() }
                    endOffset = token.range.lowerBound
                    advance()
                }
            } else {
                guard token.kind == .endTag, Self.equalName(p, token.name, qualifiedName(node), html: false) else {
                    throw unsupported("balise de fin </\(qualifiedName(node))> attendue ici")
                }
                endOffset = token.range.lowerBound
                advance()
            }
        }
        if frame.isGlossaryHost, !frame.skip {
            if let endOffset {
                if frame.name == "body" || out.glossaryOffset == nil { out.glossaryOffset = endOffset }
            } else if html, frame.name == "body" {
                out.glossaryOffset = currentOffset
            }
        }
        if let title = frame.abbrTitle {
            let form = String(decoding: out.text[min(frame.textStart, out.text.count)...], as: UTF8.self).trimmed
            if !form.isEmpty, form.count <= 20 {
                out.definitions.append(MarkupDefinition(form: form, expansion: title, textOffset: frame.textStart))
            }
        }
        if frame.block > 0 { breakLine(frame.block) }
    }

    func qualifiedName(_ node: xmlNodePtr) -> String {
        let local = XMLNodes.name(node.pointee.name)
        if let prefix = node.pointee.ns.flatMap({ $0.pointee.prefix }) { return String(cString: prefix) + ":" + local }
        return local
    }

    mutating func findStartTag(qualified: String, name: String) throws(MarkupError) -> MarkupToken? {
        while true {
            try skipIgnorable(documentLevel: stack.isEmpty)
            if token.kind == .startTag {
                let implied = html && MarkupVocabulary.implied.contains(name)
                if Self.equalName(p, token.name, qualified, html: html) {
                    let tag = token
                    advance()
                    contentSeen = true
                    return tag
                }
                // An element the parser makes up is open when it reads the next tag.
                if html, isDiscardedByParser(token, alsoOpen: implied ? name : nil) {
                    advance()
                    continue
                }
                // This tag belongs to a later element: the current one was implied by the parser.
                if implied { return nil }
            } else if html, MarkupVocabulary.implied.contains(name) {
                return nil
            }
            throw unsupported("élément <\(qualified)> introuvable à cet endroit")
        }
    }

    /// libxml2's HTML parser drops a second `<html>`, a `<head>` anywhere but right inside `<html>`,
    /// and a `<body>` inside a body.
    func isDiscardedByParser(_ tag: MarkupToken, alsoOpen extra: String? = nil) -> Bool {
        let depth = stack.count + (extra == nil ? 0 : 1)
        switch String(decoding: MarkupScanner.lowercased(p, tag.name), as: UTF8.self) {
        case "html": return depth > 0
        case "head": return depth > 1  // at depth 0 the parser makes up <html> first
        case "body": return extra == "body" || stack.contains { $0.name == "body" }
        default: return false
        }
    }

    // MARK: Leaves

    mutating func leaf(_ node: xmlNodePtr) throws(MarkupError) {
        let frame = stack.last
        let emit = !(frame?.skip ?? true)
        switch node.pointee.type {
        case XML_TEXT_NODE:
            let content = XMLNodes.bytes(node.pointee.content)
            try match(content, emit: emit, wrap: frame?.ownText ?? .none, parent: frame?.serial ?? -1)
        case XML_CDATA_SECTION_NODE:
            // Text that no element can go into: matched against the CDATA sections (libxml2 joins
            // adjacent ones) or, in HTML, against raw text.
            let content = XMLNodes.bytes(node.pointee.content)
            if !html {
                try skipIgnorable(documentLevel: stack.isEmpty)
                guard token.kind == .cdata else { throw unsupported("section CDATA attendue ici") }
            }
            try match(content, emit: emit, wrap: .none, parent: frame?.serial ?? -1)
        case XML_ENTITY_REF_NODE:
            try skipIgnorable(documentLevel: false)
            guard token.kind == .reference, Self.equalName(p, token.name, XMLNodes.name(node.pointee.name), html: false) else {
                throw unsupported("référence d'entité &\(XMLNodes.name(node.pointee.name)); attendue ici")
            }
            if emit, let scalar = token.scalar, let u = Unicode.Scalar(scalar) {
                append(Array(String(Character(u)).utf8), original: token.range, literal: false, wrap: frame?.ownText ?? .none, parent: frame?.serial ?? -1)
            }
            advance(keepRun: true)
        case XML_COMMENT_NODE:
            try expectMarkup(.comment)
        case XML_PI_NODE:
            try expectMarkup(.instruction)
        case XML_DTD_NODE:
            try expectMarkup(.doctype)
        default:
            break
        }
    }

    mutating func expectMarkup(_ kind: MarkupToken.Kind) throws(MarkupError) {
        if html {
            // Comments, instructions and the doctype hold no text: take the one that comes next
            // if it is there (libxml2 may have moved it), never the text around it.
            while true {
                switch token.kind {
                case .endTag, .dropped, .doctype:
                    advance()
                case .startTag where isDiscardedByParser(token):
                    advance()
                case kind:
                    advance()
                    return
                default:
                    return
                }
            }
        }
        try skipIgnorable(documentLevel: stack.isEmpty)
        guard token.kind == kind else {
            throw unsupported(kind == .comment ? "commentaire attendu ici" : "instruction attendue ici")
        }
        advance()
    }

    /// Steps over what libxml2 leaves out of the tree: blank text between the prolog items (XML)
    /// or where the HTML parser drops it, the XML declaration, and in HTML stray end tags.
    mutating func skipIgnorable(documentLevel: Bool) throws(MarkupError) {
        while true {
            switch token.kind {
            case .text:
                let range = cursor..<token.range.upperBound
                // libxml2's HTML parser drops blank text only when markup (or the end) follows it.
                let beforeReference = html && range.upperBound < p.count && p[range.upperBound] == UInt8(ascii: "&")
                guard !beforeReference, (documentLevel || html) && isBlank(range) || html && parserHasNoElement && isBlankOrLessThan(range) else {
                    return
                }
                advance()
            case .startTag where html && isDiscardedByParser(token):
                advance()
            case .comment where html, .instruction where html:
                // libxml2's HTML parser may move comments and instructions (after `</html>`):
                // they hold no text, so they are matched when they are in place, skipped otherwise.
                advance()
            case .instruction where !html && documentLevel && isXMLDeclaration(token):
                advance()
            case .endTag where html, .dropped:
                advance()
            case .doctype where html:
                // libxml2 keeps one doctype node (made up when there is none) and drops the others.
                advance()
            case .reference where html && token.scalar == nil:
                advance(keepRun: true)
            default:
                return
            }
        }
    }

    func isXMLDeclaration(_ token: MarkupToken) -> Bool {
        token.name.count == 3 && MarkupScanner.lowercased(p, token.name) == Array("xml".utf8)
    }

    // MARK: Text

    /// Matches the text of a tree node against the original bytes from the cursor on, and appends
    /// it to the analysis text when `emit` is set.
    mutating func match(_ d: UnsafeBufferPointer<UInt8>, emit: Bool, wrap: WrapMode, parent: Int32) throws(MarkupError) {
        var i = 0
        let m = d.count
        while i < m {
            switch token.kind {
            case .text, .cdata:
                if token.kind == .cdata, cursor < token.content.lowerBound { cursor = token.content.lowerBound }
                let end = token.kind == .cdata ? token.content.upperBound : token.range.upperBound
                if cursor >= end {
                    advance(keepRun: true)
                    continue
                }
                // Longest literal stretch.
                let start = cursor
                let textStart = i
                while i < m, cursor < end, d[i] == p[cursor] {
                    i += 1
                    cursor += 1
                }
                if cursor > start {
                    contentSeen = true
                    if emit { appendLiteral(d, textStart..<i, original: start..<cursor, wrap: wrap, parent: parent) }
                }
                if i == m { break }
                if cursor >= end { continue }
                let b = p[cursor]
                if d[i] == 0x0A, b == 0x0D {
                    // A line end read as `\n`.
                    let length = cursor + 1 < end && p[cursor + 1] == 0x0A ? 2 : 1
                    if emit { append([0x0A], original: cursor..<(cursor + length), literal: false, wrap: wrap, parent: parent) }
                    cursor += length
                    i += 1
                } else if html, MarkupScanner.isSpace(b) {
                    // Blank text the HTML parser dropped.
                    cursor += 1
                } else if html, b == UInt8(ascii: "<"), parserHasNoElement {
                    // A lone `<` read before the parser had any element to put it in: lost.
                    cursor += 1
                } else {
                    throw unsupported("le texte ne correspond pas à celui que lit le lecteur XML/HTML")
                }
            case .reference:
                let decoded: [UInt8] = token.scalar.flatMap { Unicode.Scalar($0) }.map { Array(String(Character($0)).utf8) } ?? []
                guard decoded.count <= m - i, decoded.indices.allSatisfy({ d[i + $0] == decoded[$0] }) else {
                    throw unsupported("la référence \(String(decoding: p[token.range], as: UTF8.self)) ne correspond pas au texte lu")
                }
                if emit, !decoded.isEmpty { append(decoded, original: token.range, literal: false, wrap: wrap, parent: parent) }
                contentSeen = true
                i += decoded.count
                advance(keepRun: true)
            case .endTag where html, .dropped:
                // A stray end tag inside text that libxml2 joined.
                advance()
            case .startTag where html:
                let found = String(decoding: MarkupScanner.lowercased(p, token.name), as: UTF8.self)
                guard found == "html" || found == "head" || found == "body" else {
                    throw unsupported("balise <\(found)> inattendue dans le texte")
                }
                advance()
            case .doctype where html, .comment where html, .instruction where html:
                advance()
            default:
                throw unsupported("texte attendu ici")
            }
        }
        if token.kind == .text, cursor >= token.range.upperBound { advance(keepRun: true) }
        if token.kind == .cdata, cursor >= token.content.upperBound { advance() }
    }

    mutating func appendLiteral(_ d: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, original: Range<Int>, wrap: WrapMode, parent: Int32) {
        flushBreak(at: original.lowerBound)
        let textStart = out.text.count
        out.text.append(contentsOf: d[range])
        if var last = out.pieces.last, last.kind == .literal, last.run == run, last.parent == parent, last.wrap == wrap,
            Int(last.textStart + last.textLength) == textStart, Int(last.originalStart + last.originalLength) == original.lowerBound
        {
            last.textLength += Int32(range.count)
            last.originalLength += Int32(original.count)
            out.pieces[out.pieces.count - 1] = last
            return
        }
        out.pieces.append(
            TextPiece(
                textStart: Int32(textStart), textLength: Int32(range.count), originalStart: Int32(original.lowerBound),
                originalLength: Int32(original.count), kind: .literal, wrap: wrap, run: run, parent: parent))
    }

    mutating func append(_ bytes: [UInt8], original: Range<Int>, literal: Bool, wrap: WrapMode, parent: Int32) {
        flushBreak(at: original.lowerBound)
        let textStart = out.text.count
        out.text.append(contentsOf: bytes)
        out.pieces.append(
            TextPiece(
                textStart: Int32(textStart), textLength: Int32(bytes.count), originalStart: Int32(original.lowerBound),
                originalLength: Int32(original.count), kind: literal ? .literal : .atomic, wrap: wrap, run: run, parent: parent))
    }

    // MARK: Blocks and attributes

    mutating func breakLine(_ strength: Int) {
        pendingBreak = max(pendingBreak, strength)
        if strength >= 2 { flushAttributes() }
    }

    mutating func flushBreak(at offset: Int) {
        guard pendingBreak > 0 else { return }
        let strength = pendingBreak
        pendingBreak = 0
        guard !out.text.isEmpty else { return }
        let separator: [UInt8] = strength >= 3 ? [0x0A, 0x0A] : strength == 2 ? [0x0A] : [0x20]
        out.pieces.append(
            TextPiece(
                textStart: Int32(out.text.count), textLength: Int32(separator.count), originalStart: Int32(offset), originalLength: 0,
                kind: .separator, wrap: .none, run: -1, parent: -1))
        out.text.append(contentsOf: separator)
    }

    mutating func flushAttributes() {
        guard !queuedAttributes.isEmpty else { return }
        let queue = queuedAttributes
        queuedAttributes = []
        for item in queue {
            guard let first = item.pieces.first else { continue }
            pendingBreak = 3
            flushBreak(at: first.1.lowerBound)
            let base = out.text.count
            out.text.append(contentsOf: item.bytes)
            for (range, original, literal) in item.pieces {
                out.pieces.append(
                    TextPiece(
                        textStart: Int32(base + range.lowerBound), textLength: Int32(range.count), originalStart: Int32(original.lowerBound),
                        originalLength: Int32(original.count), kind: literal ? .literal : .atomic, wrap: .none, run: -1, parent: -1))
            }
            pendingBreak = 3
        }
    }

    /// Queues an attribute's text when its bytes in the file decode to the value libxml2 read.
    mutating func queueAttribute(_ name: String, value: [UInt8], tag: MarkupToken?) {
        guard let tag, value.contains(where: { !MarkupScanner.isSpace($0) }) else { return }
        guard let attribute = tag.attributes.first(where: { Self.equalName(p, $0.name, name, html: html) }), attribute.hasValue else { return }
        guard let decoded = decodeAttribute(attribute.value), decoded.bytes == value else { return }
        queuedAttributes.append(decoded)
    }

    func decodeAttribute(_ range: Range<Int>) -> QueuedText? {
        var bytes: [UInt8] = []
        var pieces: [(Range<Int>, Range<Int>, Bool)] = []
        var k = range.lowerBound
        var literalStart = k
        func closeLiteral(_ end: Int) {
            if end > literalStart {
                let start = bytes.count
                bytes.append(contentsOf: p[literalStart..<end])
                pieces.append((start..<bytes.count, literalStart..<end, true))
            }
        }
        let scanner = MarkupScanner(html: html)
        while k < range.upperBound {
            let b = p[k]
            if b == UInt8(ascii: "&") {
                if let reference = scanner.reference(UnsafeBufferPointer(rebasing: p[..<range.upperBound]), at: k) {
                    closeLiteral(k)
                    guard let scalar = reference.scalar, let u = Unicode.Scalar(scalar) else { return nil }
                    let start = bytes.count
                    bytes.append(contentsOf: String(Character(u)).utf8)
                    pieces.append((start..<bytes.count, reference.range, false))
                    k = reference.range.upperBound
                    literalStart = k
                    continue
                }
                if !html { return nil }
            } else if !html, b == 0x0D || b == 0x0A || b == 0x09 {
                // XML attribute-value normalisation: each line end or tab reads as one space.
                closeLiteral(k)
                let length = b == 0x0D && k + 1 < range.upperBound && p[k + 1] == 0x0A ? 2 : 1
                let start = bytes.count
                bytes.append(0x20)
                pieces.append((start..<bytes.count, k..<(k + length), false))
                k += length
                literalStart = k
                continue
            }
            k += 1
        }
        closeLiteral(range.upperBound)
        return QueuedText(bytes: bytes, pieces: pieces)
    }

    // MARK: Cursor

    mutating func advance(keepRun: Bool = false) {
        token = scanner.next(p)
        cursor = token.range.lowerBound
        if !keepRun || token.kind != .text && token.kind != .reference { run += 1 }
    }

    var currentOffset: Int { token.kind == .text ? cursor : token.range.lowerBound }

    /// libxml2 has no open element (nothing read yet, or everything closed by `</html>`): a lone
    /// `<` read then is lost.
    var parserHasNoElement: Bool { !contentSeen || stack.allSatisfy { $0.tag == nil } }

    func isBlankOrLessThan(_ range: Range<Int>) -> Bool {
        for k in range where !MarkupScanner.isSpace(p[k]) && p[k] != UInt8(ascii: "<") { return false }
        return true
    }

    func isBlank(_ range: Range<Int>) -> Bool {
        for k in range where !MarkupScanner.isSpace(p[k]) { return false }
        return true
    }

    static func equalName(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ name: String, html: Bool) -> Bool {
        let utf8 = name.utf8
        guard range.count == utf8.count else { return false }
        var k = range.lowerBound
        for c in utf8 {
            let b = p[k]
            if html ? (MarkupScanner.isASCIILetter(b) ? b | 0x20 : b) != (MarkupScanner.isASCIILetter(c) ? c | 0x20 : c) : b != c { return false }
            k += 1
        }
        return true
    }

    func unsupported(_ what: String) -> MarkupError {
        let place = source.location(of: min(currentOffset, p.count))
        return MarkupError(
            .unsupported, line: place.line, column: place.column,
            message: "Limpide ne sait pas situer exactement ce passage (\(what)) ; il préfère s'arrêter plutôt que de deviner.")
    }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}

/// Element names and what they mean to Limpide.
enum MarkupVocabulary {
    static let xhtmlNamespace = "http://www.w3.org/1999/xhtml"

    /// Not read: code, scripts, the head of the page.
    static let skipped: Set<String> = ["script", "style", "code", "pre", "kbd", "samp", "head", "template", "iframe", "noframes", "xmp", "plaintext"]

    /// Text inside these is read but never wrapped: their content model allows no `<abbr>`, or the
    /// text is already marked (`abbr`, `dfn`).
    static let neverWrapped: Set<String> = [
        "title", "textarea", "option", "optgroup", "select", "datalist", "script", "style", "head", "iframe", "noscript", "noframes",
        "noembed", "xmp", "plaintext", "listing", "template", "object", "svg", "math", "abbr", "acronym", "dfn", "canvas", "video",
        "audio", "code", "pre", "kbd", "samp", "map", "ruby", "rt", "rp",
    ]

    /// Interactive elements: no link may go inside them.
    static let interactive: Set<String> = ["a", "button", "label", "summary", "details"]

    /// Elements whose own text is only blank space between children.
    static let containers: Set<String> = ["table", "thead", "tbody", "tfoot", "tr", "colgroup", "col", "ul", "ol", "dl", "menu", "dir", "frameset"]

    /// Elements libxml2's HTML parser may create without a tag in the file.
    static let implied: Set<String> = ["html", "head", "body", "p"]

    /// Block elements: 2 = a blank line around them, 1 = a line break.
    static let blocks: [String: Int] = {
        var table: [String: Int] = [:]
        for name in [
            "address", "article", "aside", "blockquote", "body", "caption", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
            "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "main",
            "menu", "nav", "ol", "p", "section", "summary", "table", "ul", "noscript", "title",
        ] { table[name] = 2 }
        for name in ["br", "dd", "dt", "li", "td", "th", "tr", "option", "optgroup", "thead", "tbody", "tfoot", "select", "textarea", "caption"] {
            table[name] = 1
        }
        table["caption"] = 2
        return table
    }()
}
