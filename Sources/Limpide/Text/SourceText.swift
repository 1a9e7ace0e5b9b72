/// A place in a source text, for people: line and column, both 1-based.
///
/// The column counts Unicode scalars from the start of the line (an `é` typed as one code point is
/// one column, `e` + combining accent is two), the way most editors and SARIF viewers count. A
/// UTF-8 byte-order mark at the start of the file is not counted.
public struct SourceLocation: Sendable, Hashable, Codable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// The decoded text of a document (UTF-8) and where its lines start.
public struct SourceText: Sendable {
    /// The UTF-8 text, byte for byte as read (a UTF-8 byte-order mark is kept).
    public let text: String
    /// Byte offset where each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]
    /// Bytes to skip at the start of line 1 (3 when the text starts with a byte-order mark).
    let bomLength: Int

    public init(_ text: String) {
        var text = text
        var starts: [Int] = [0]
        var bom = 0
        text.withUTF8 { p in
            if p.count >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { bom = 3 }
            var i = 0
            let n = p.count
            while i < n {
                let b = p[i]
                if b == 0x0A {
                    starts.append(i + 1)
                } else if b == 0x0D {
                    if i + 1 < n, p[i + 1] == 0x0A { i += 1 }
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        self.text = text
        self.lineStarts = starts
        self.bomLength = bom
    }

    /// The 1-based line and column of a byte offset.
    public func location(of offset: Int) -> SourceLocation {
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        var start = lineStarts[lo]
        if lo == 0 { start = min(bomLength, offset) }
        var column = 1
        let utf8 = text.utf8
        var index = utf8.index(utf8.startIndex, offsetBy: start)
        let end = utf8.index(utf8.startIndex, offsetBy: min(offset, utf8.count))
        while index < end {
            if utf8[index] & 0xC0 != 0x80 { column += 1 }
            index = utf8.index(after: index)
        }
        return SourceLocation(line: lo + 1, column: column)
    }

    /// The text of a byte range.
    public func slice(_ range: Range<Int>) -> String {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let upper = utf8.index(utf8.startIndex, offsetBy: range.upperBound)
        return String(decoding: utf8[lower..<upper], as: UTF8.self)
    }
}
