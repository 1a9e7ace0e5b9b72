import CLibXML2

/// A document's tree written in one canonical way, to check that annotation changed nothing else.
///
/// `limpide` promises that removing its glossary and unwrapping its other elements (all marked
/// `data-limpide`) gives back the original document. This type does that removal on libxml2's tree
/// and writes the tree down: for XHTML as canonical XML (C14N 1.0, comments kept), for HTML as an
/// outline of the tree the HTML parser builds (elements, sorted attributes, joined text, comments).
public enum MarkupCanonicalForm {
    /// The canonical form of a document; with `removingAnnotations`, of the document without
    /// Limpide's elements. Throws when the document cannot be read (for XHTML: when it is not
    /// well formed).
    public static func of(_ bytes: [UInt8], kind: MarkupKind, removingAnnotations: Bool) throws(MarkupError) -> String {
        let html = kind == .html
        return try bytes.withUnsafeBufferPointer { p throws(MarkupError) in
            try LibXML2.withDocument(p, html: html) { document, context, failures throws(MarkupError) -> String in
                let source = SourceText(String(decoding: p, as: UTF8.self))
                try MarkupExtractor.check(document, context: context, failures: failures, html: html, source: source)
                guard let document else { return "" }
                if removingAnnotations { removeAnnotations(document) }
                // C14N refuses entity reference nodes (XHTML 1.0 entities without their DTD).
                if !html, !hasEntityReferences(document), let c14n = canonicalXML(document) { return c14n }
                return outline(document)
            }
        }
    }

    /// Removes `data-limpide="glossaire"` elements and unwraps the other `data-limpide` elements.
    static func removeAnnotations(_ document: xmlDocPtr) {
        var targets: [xmlNodePtr] = []
        forEachNode(document) { node in
            guard node.pointee.type == XML_ELEMENT_NODE, let value = XMLNodes.property(node, "data-limpide") else { return }
            if value != "ignorer" { targets.append(node) }
        }
        for node in targets.reversed() {
            let isGlossary = XMLNodes.property(node, "data-limpide") == "glossaire"
            if !isGlossary {
                var child = node.pointee.children
                while let current = child {
                    child = current.pointee.next
                    xmlUnlinkNode(current)
                    // May merge `current` into a neighbouring text node (and free it).
                    xmlAddPrevSibling(node, current)
                }
            }
            xmlUnlinkNode(node)
            xmlFreeNode(node)
        }
    }

    static func hasEntityReferences(_ document: xmlDocPtr) -> Bool {
        var found = false
        forEachNode(document) { node in if node.pointee.type == XML_ENTITY_REF_NODE { found = true } }
        return found
    }

    /// C14N 1.0 with comments, or nil when libxml2 cannot canonicalise this tree.
    static func canonicalXML(_ document: xmlDocPtr) -> String? {
        var buffer: UnsafeMutablePointer<xmlChar>?
        let length = xmlC14NDocDumpMemory(document, nil, Int32(XML_C14N_1_0.rawValue), nil, 1, &buffer)
        guard length >= 0, let buffer else { return nil }
        defer { limpide_xml_free(buffer) }
        return String(decoding: UnsafeBufferPointer(start: buffer, count: Int(length)), as: UTF8.self)
    }

    /// An outline of the tree: one line per element, comment or run of text (adjacent text joined).
    static func outline(_ document: xmlDocPtr) -> String {
        var lines: [String] = []
        var text: [UInt8] = []
        func flush() {
            if !text.isEmpty { lines.append("text " + String(decoding: text, as: UTF8.self).debugDescription) }
            text = []
        }
        var depth = 0
        walk(document) { node, entering in
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                flush()
                if entering {
                    var attributes: [String] = []
                    var attribute = node.pointee.properties
                    while let a = attribute {
                        let value = XMLNodes.attributeValue(a).map { String(decoding: $0, as: UTF8.self) } ?? "?"
                        attributes.append(XMLNodes.name(a.pointee.name) + "=" + value.debugDescription)
                        attribute = a.pointee.next
                    }
                    lines.append(String(repeating: " ", count: depth) + "<" + XMLNodes.name(node.pointee.name) + " " + attributes.sorted().joined(separator: " "))
                    depth += 1
                } else {
                    depth -= 1
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                text.append(contentsOf: XMLNodes.bytes(node.pointee.content))
            case XML_ENTITY_REF_NODE:
                text.append(contentsOf: Array("&".utf8) + Array(XMLNodes.bytes(node.pointee.name)) + [UInt8(ascii: ";")])
            case XML_COMMENT_NODE:
                flush()
                lines.append("comment " + String(decoding: XMLNodes.bytes(node.pointee.content), as: UTF8.self).debugDescription)
            case XML_PI_NODE:
                flush()
                lines.append("pi " + XMLNodes.name(node.pointee.name))
            default:
                break
            }
        }
        flush()
        return lines.joined(separator: "\n")
    }

    static func forEachNode(_ document: xmlDocPtr, _ body: (xmlNodePtr) -> Void) {
        walk(document) { node, entering in if entering || node.pointee.type != XML_ELEMENT_NODE { body(node) } }
    }

    /// Iterative pre-order walk (trees may be deep): elements are seen entering and leaving;
    /// entity references are not entered.
    static func walk(_ document: xmlDocPtr, _ visit: (xmlNodePtr, Bool) -> Void) {
        let root = UnsafeMutableRawPointer(document).assumingMemoryBound(to: xmlNode.self)
        var node: xmlNodePtr? = document.pointee.children
        while let current = node {
            let isElement = current.pointee.type == XML_ELEMENT_NODE
            visit(current, true)
            if isElement, let child = current.pointee.children {
                node = child
                continue
            }
            if isElement { visit(current, false) }
            var last = current
            var next = current.pointee.next
            while next == nil, let parent = last.pointee.parent, parent != root, parent.pointee.type == XML_ELEMENT_NODE {
                visit(parent, false)
                last = parent
                next = parent.pointee.next
            }
            node = next
        }
    }
}
