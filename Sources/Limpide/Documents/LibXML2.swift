import CLibXML2

/// libxml2, set up once for the process and used with safe options only.
///
/// What Limpide asks of libxml2: check that a document is well formed (XHTML) or build the tree a
/// browser-like parser sees (HTML tag soup), safely. Never with `NOENT` (entity substitution),
/// `DTDLOAD`, `DTDATTR`, `DTDVALID`, `XINCLUDE` or `HUGE`: no network, no external entity, no DTD
/// loading, no expansion beyond the predefined entities, libxml2's default limits (256 levels of
/// nesting, 10 MB per text node, entity amplification checks).
enum LibXML2 {
    /// Process-wide libxml2 state, set exactly once (Swift runs a global's initialiser once, thread-safely).
    /// It is the only global state of the library, and it must be global: `xmlInitParser` has to run
    /// before documents are parsed on several threads at once, and the external entity loader is a
    /// process-wide hook. Limpide's loader refuses every external resource (DTD, entity, XInclude):
    /// a second lock behind the parse options, which already never ask for one.
    static let ready: Bool = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
        return true
    }()

    /// One error reported by libxml2.
    struct Failure: Sendable, Equatable {
        var code: Int
        var level: Int
        var line: Int
        var column: Int
        /// libxml2's own (English) message, kept for translation and for tests.
        var message: String
        /// The first string argument of the message (an element or entity name), when there is one.
        var argument: String?
    }

    /// Collects the errors of one parse (reached from the C callback through the context).
    final class ErrorCollector {
        var failures: [Failure] = []

        func record(_ error: xmlError) {
            guard failures.count < 64 else { return }
            let message = error.message.map { String(cString: $0) } ?? ""
            failures.append(
                Failure(
                    code: Int(error.code), level: Int(error.level.rawValue), line: Int(error.line), column: Int(error.int2),
                    message: message.trimmingTrailingNewlines(), argument: error.str1.map { String(cString: $0) }))
        }
    }

    static let xmlOptions: Int32 = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_IGNORE_ENC.rawValue)
    static let htmlOptions: Int32 = Int32(
        HTML_PARSE_NONET.rawValue | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)

    /// Parses UTF-8 bytes securely and hands the tree to `body`; the tree is freed afterwards.
    /// `body` receives nil when libxml2 built no tree. The errors are those libxml2 reported.
    static func withDocument<T>(
        _ bytes: UnsafeBufferPointer<UInt8>, html: Bool, _ body: (xmlDocPtr?, xmlParserCtxtPtr, [Failure]) throws(MarkupError) -> T
    ) throws(MarkupError) -> T {
        _ = ready
        let collector = ErrorCollector()
        guard let context = html ? htmlNewParserCtxt() : xmlNewParserCtxt() else {
            throw MarkupError(.resources, line: 1, column: 1, message: "mémoire insuffisante pour lire le document.")
        }
        defer {
            if html { htmlFreeParserCtxt(context) } else { xmlFreeParserCtxt(context) }
        }
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        context.pointee._private = box.toOpaque()
        // Errors go to this callback, never to stderr. libxml2 passes the context as user data.
        context.pointee.sax.pointee.serror = { userData, error in
            guard let userData, let error else { return }
            let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let opaque = context.pointee._private else { return }
            Unmanaged<ErrorCollector>.fromOpaque(opaque).takeUnretainedValue().record(error.pointee)
        }
        let base = bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
        let document: xmlDocPtr?
        if html {
            document = htmlCtxtReadMemory(context, base, Int32(bytes.count), nil, "UTF-8", htmlOptions)
        } else {
            document = xmlCtxtReadMemory(context, base, Int32(bytes.count), nil, "UTF-8", xmlOptions)
        }
        defer { if let document { xmlFreeDoc(document) } }
        return try body(document, context, collector.failures)
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = Substring(self)
        while let last = s.last, last == "\n" || last == "\r" || last == " " { s = s.dropLast() }
        return String(s)
    }
}

/// Small helpers over libxml2's C structures.
enum XMLNodes {
    static func name(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    static func bytes(_ pointer: UnsafePointer<xmlChar>?) -> UnsafeBufferPointer<UInt8> {
        guard let pointer else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: pointer, count: Int(xmlStrlen(pointer)))
    }

    /// An attribute's value (`xmlGetProp`: only for trees whose entities are harmless).
    static func property(_ node: xmlNodePtr, _ name: String) -> String? {
        let value = name.withCString { xmlGetProp(node, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
        guard let value else { return nil }
        defer { limpide_xml_free(value) }
        return String(cString: value)
    }

    /// The scalar of an HTML named entity (`eacute` → é), or nil.
    static func htmlEntity(_ name: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard name.count > 0, name.count < 32 else { return nil }
        var buffer = [UInt8](name)
        buffer.append(0)
        return buffer.withUnsafeBufferPointer { p -> UInt32? in
            guard let entity = htmlEntityLookup(p.baseAddress) else { return nil }
            return entity.pointee.value
        }
    }

    /// The value of an attribute as stored in the tree: its text children, never expanding entities.
    /// Nil when it holds an entity reference that is not an HTML entity (it cannot be positioned).
    static func attributeValue(_ attribute: xmlAttrPtr) -> [UInt8]? {
        var out: [UInt8] = []
        var child = attribute.pointee.children
        while let node = child {
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                out.append(contentsOf: bytes(node.pointee.content))
            case XML_ENTITY_REF_NODE:
                guard let scalar = htmlEntity(bytes(node.pointee.name)), let u = Unicode.Scalar(scalar) else { return nil }
                out.append(contentsOf: String(Character(u)).utf8)
            default:
                return nil
            }
            child = node.pointee.next
        }
        return out
    }
}
