/// A note about a file that is not a finding: a malformed directive, a fix not applied.
public struct LintNote: Sendable, Hashable, Codable {
    /// 1-based line, when the note is about a place.
    public var line: Int?
    public var message: String

    public init(line: Int?, message: String) {
        self.line = line
        self.message = message
    }
}

/// A text file made ready for analysis: what is not prose (code in Markdown, comments, directive
/// lines) is replaced by spaces, byte for byte, so every position stays that of the original file.
public struct PreparedText: Sendable {
    /// The text to analyse: same length as the original, same line breaks.
    public var analysisText: String
    public var directives: [SuppressionDirective]
    public var notes: [LintNote]
}

/// Prepares plain-text and Markdown files.
public enum TextPreparation {
    public static func prepare(_ text: String, kind: LintDocumentKind, source: SourceText) -> PreparedText {
        var bytes = Array(text.utf8)
        let found: (directives: [SuppressionDirective], problems: [(line: Int, message: String)])
        switch kind {
        case .markdown:
            let comments = MarkdownMask.mask(&bytes)
            found = DirectiveParser.htmlComments(in: Array(text.utf8), source: source, within: comments)
        default:
            found = DirectiveParser.plainTextLines(in: bytes, source: source)
            for directive in found.directives { MarkdownMask.blank(&bytes, directive.range) }
        }
        return PreparedText(
            analysisText: String(decoding: bytes, as: UTF8.self), directives: found.directives,
            notes: found.problems.map { LintNote(line: $0.line, message: $0.message) })
    }
}

/// Blanks what a Markdown reader does not read as prose: YAML front matter, fenced code blocks
/// (``` and ~~~), code spans, HTML comments and tags, link destinations, autolinks and link
/// reference definitions. Bytes become spaces; line breaks stay.
public enum MarkdownMask {
    static let backtick: UInt8 = 0x60
    static let tilde: UInt8 = 0x7E

    /// Blanks `bytes` in place; returns the ranges of the HTML comments outside code (where
    /// directives live).
    @discardableResult
    public static func mask(_ bytes: inout [UInt8]) -> [Range<Int>] {
        let lines = lineRanges(bytes)
        var code = [Bool](repeating: false, count: lines.count)
        // Front matter: a first line `---`, up to a line `---` or `...`.
        let dashes = Array("---".utf8)
        let dots = Array("...".utf8)
        if let first = lines.first, content(bytes, first).elementsEqual(dashes) {
            let closing = lines.indices.dropFirst().first { k in
                let line = content(bytes, lines[k])
                return line.elementsEqual(dashes) || line.elementsEqual(dots)
            }
            if let close = closing {
                for k in 0...close { code[k] = true }
            }
        }
        // Fenced code blocks, at any indentation (inside list items too). Unclosed: to the end.
        var fence: (char: UInt8, count: Int)?
        for (k, line) in lines.enumerated() where !code[k] {
            let text = Array(content(bytes, line))
            var i = 0
            while i < text.count, text[i] == 0x20 || text[i] == 0x09 { i += 1 }
            var run = 0
            let char: UInt8? = i < text.count && (text[i] == backtick || text[i] == tilde) ? text[i] : nil
            if let char { while i + run < text.count, text[i + run] == char { run += 1 } }
            if let open = fence {
                code[k] = true
                if char == open.char, run >= open.count, text[(i + run)...].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { fence = nil }
            } else if let char, run >= 3, char == tilde || !text[(i + run)...].contains(backtick) {
                code[k] = true
                fence = (char, run)
            }
        }
        for (k, line) in lines.enumerated() where code[k] { blank(&bytes, line) }

        // Inline constructs, outside code blocks; they never cross a blank line or a code block.
        var comments: [Range<Int>] = []
        var lineIndex = 0
        var i = 0
        let n = bytes.count
        func lineOf(_ offset: Int) -> Int {
            while lineIndex + 1 < lines.count, lines[lineIndex + 1].lowerBound <= offset { lineIndex += 1 }
            return lineIndex
        }
        /// Where the paragraph holding `offset` ends: a blank line or a code block.
        func paragraphEnd(after offset: Int) -> Int {
            var k = lineOf(offset) + 1
            while k < lines.count {
                if code[k] || content(bytes, lines[k]).allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return lines[k].lowerBound }
                k += 1
            }
            return n
        }
        while i < n {
            let line = lineOf(i)
            if code[line] {
                i = lines[line].upperBound
                continue
            }
            let b = bytes[i]
            // A link reference definition `[label]: url` at the start of a line.
            if i == lines[line].lowerBound, let definitionEnd = referenceDefinition(bytes, lines[line]) {
                blank(&bytes, i..<definitionEnd)
                i = definitionEnd
                continue
            }
            if b == 0x5C, i + 1 < n, isPunctuation(bytes[i + 1]) {  // backslash escape
                i += 2
                continue
            }
            if b == backtick {
                var run = 0
                while i + run < n, bytes[i + run] == backtick { run += 1 }
                let limit = paragraphEnd(after: i)
                var j = i + run
                var closing: Int?
                while j < limit {
                    if bytes[j] == backtick {
                        var other = 0
                        while j + other < limit, bytes[j + other] == backtick { other += 1 }
                        if other == run {
                            closing = j
                            break
                        }
                        j += other
                    } else {
                        j += 1
                    }
                }
                if let closing {
                    blank(&bytes, i..<(closing + run))
                    i = closing + run
                } else {
                    i += run
                }
                continue
            }
            if b == 0x3C {  // <
                if i + 3 < n, bytes[i + 1] == 0x21, bytes[i + 2] == 0x2D, bytes[i + 3] == 0x2D {
                    if let end = find(Array("-->".utf8), in: bytes, from: i + 4) {
                        comments.append(i..<(end + 3))
                        blank(&bytes, i..<(end + 3))
                        i = end + 3
                        continue
                    }
                } else if i + 1 < n, isASCIILetter(bytes[i + 1]) || bytes[i + 1] == 0x2F {
                    // A tag or an autolink, closed on the same line.
                    var j = i + 1
                    let end = lines[line].upperBound
                    while j < end, bytes[j] != 0x3E, bytes[j] != 0x3C { j += 1 }
                    if j < end, bytes[j] == 0x3E {
                        blank(&bytes, i..<(j + 1))
                        i = j + 1
                        continue
                    }
                }
            }
            if b == 0x5D, i + 1 < n, bytes[i + 1] == 0x28 {  // ](destination)
                let limit = paragraphEnd(after: i)
                var depth = 0
                var j = i + 1
                while j < limit {
                    if bytes[j] == 0x28 { depth += 1 }
                    if bytes[j] == 0x29 {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    j += 1
                }
                if j < limit {
                    blank(&bytes, (i + 1)..<(j + 1))
                    i = j + 1
                    continue
                }
            }
            i += 1
        }
        return comments
    }

    /// Replaces bytes by spaces, keeping line breaks.
    static func blank(_ bytes: inout [UInt8], _ range: Range<Int>) {
        for k in range where k < bytes.count && bytes[k] != 0x0A && bytes[k] != 0x0D { bytes[k] = 0x20 }
    }

    /// Lines with their line break.
    static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A || bytes[i] == 0x0D {
                if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                ranges.append(start..<(i + 1))
                start = i + 1
            }
            i += 1
        }
        if start < bytes.count || ranges.isEmpty { ranges.append(start..<bytes.count) }
        return ranges
    }

    /// A line without its line break.
    static func content(_ bytes: [UInt8], _ line: Range<Int>) -> ArraySlice<UInt8> {
        var end = line.upperBound
        while end > line.lowerBound, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[line.lowerBound..<end]
    }

    /// `[label]: destination` (up to three spaces before): where the line's content ends.
    static func referenceDefinition(_ bytes: [UInt8], _ line: Range<Int>) -> Int? {
        let text = content(bytes, line)
        var i = text.startIndex
        var spaces = 0
        while i < text.endIndex, text[i] == 0x20, spaces < 3 {
            i += 1
            spaces += 1
        }
        guard i < text.endIndex, text[i] == 0x5B else { return nil }
        guard let close = text[i...].firstIndex(of: 0x5D), close + 1 < text.endIndex, text[close + 1] == 0x3A, close > i + 1 else { return nil }
        return text.endIndex
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var i = start
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0], bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    static func isASCIILetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }

    static func isPunctuation(_ b: UInt8) -> Bool {
        (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || (b >= 0x7B && b <= 0x7E)
    }
}
