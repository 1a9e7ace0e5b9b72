/// One stretch of the analysis text and where it comes from in the original bytes.
///
/// - A *literal* piece is copied byte for byte: analysis byte `a + k` is original byte `o + k`.
/// - An *atomic* piece stands for a whole original range: a reference (`&#233;` → `é`), a `\r\n`
///   read as `\n`. Its bytes map, together, to the whole range.
/// - A *separator* is text Limpide adds between blocks (`\n\n`); it maps to an empty range.
///
/// Offsets are 32-bit to keep the map small on big documents (`MarkupDocument.maximumSize`).
public struct TextPiece: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        case literal
        case atomic
        case separator
    }

    var textStart: Int32
    var textLength: Int32
    var originalStart: Int32
    var originalLength: Int32
    var kind: Kind
    /// Where Limpide may insert an element around this text (see `WrapMode`).
    var wrap: WrapMode
    /// The run of character data (between two tags) the piece belongs to; -1 outside element text.
    var run: Int32
    /// The element that contains the text (a serial number, -1 for attributes and separators).
    var parent: Int32

    public var text: Range<Int> { Int(textStart)..<Int(textStart + textLength) }
    public var original: Range<Int> { Int(originalStart)..<Int(originalStart + originalLength) }
}

/// Which elements Limpide may insert around a text.
enum WrapMode: UInt8, Comparable, Sendable {
    /// None: attribute values, `<title>`, `<option>`, CDATA, text inside `<abbr>`…
    case none
    /// Phrasing elements that are not interactive (`abbr`, `dfn`): inside links and buttons.
    case phrasing
    /// Also a link to the glossary.
    case full

    static func < (a: WrapMode, b: WrapMode) -> Bool { a.rawValue < b.rawValue }
}

/// Maps UTF-8 byte offsets of the analysis text to byte offsets of the original file.
public struct TextMap: Sendable {
    /// Sorted by `textStart`, covering the analysis text without gaps.
    public let pieces: [TextPiece]
    let textLength: Int

    init(pieces: [TextPiece], textLength: Int) {
        self.pieces = pieces
        self.textLength = textLength
    }

    /// The index of the piece that holds analysis byte `offset`.
    func pieceIndex(containing offset: Int) -> Int? {
        var lo = 0
        var hi = pieces.count - 1
        guard hi >= 0 else { return nil }
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(pieces[mid].textStart) <= offset { lo = mid } else { hi = mid - 1 }
        }
        let piece = pieces[lo]
        return piece.text.contains(offset) ? lo : nil
    }

    /// The original byte range of an analysis-text range: from the original start of its first
    /// byte to the original end of its last byte (a reference counts whole).
    public func originalRange(of range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let start = originalStart(of: range.lowerBound)
            return start..<start
        }
        let start = originalStart(of: range.lowerBound)
        let end = max(start, originalEnd(of: range.upperBound - 1))
        return start..<end
    }

    /// The original offset where analysis byte `offset` starts.
    public func originalStart(of offset: Int) -> Int {
        guard let index = pieceIndex(containing: offset) else {
            return pieces.last.map { Int($0.originalStart + $0.originalLength) } ?? 0
        }
        let piece = pieces[index]
        switch piece.kind {
        case .literal: return Int(piece.originalStart) + offset - Int(piece.textStart)
        case .atomic, .separator: return Int(piece.originalStart)
        }
    }

    /// The original offset just after analysis byte `offset`.
    func originalEnd(of offset: Int) -> Int {
        guard let index = pieceIndex(containing: offset) else { return originalStart(of: offset) }
        let piece = pieces[index]
        switch piece.kind {
        case .literal: return Int(piece.originalStart) + offset - Int(piece.textStart) + 1
        case .atomic, .separator: return Int(piece.originalStart + piece.originalLength)
        }
    }

    /// The pieces that overlap an analysis range.
    func pieces(overlapping range: Range<Int>) -> ArraySlice<TextPiece> {
        guard !range.isEmpty, let first = pieceIndex(containing: range.lowerBound) else { return [] }
        var last = first
        while last + 1 < pieces.count, Int(pieces[last + 1].textStart) < range.upperBound { last += 1 }
        return pieces[first...last]
    }

    /// Maps sorted analysis offsets to where they start in the original, in one pass (token lists).
    func originalStarts<S: Sequence>(ofSorted offsets: S) -> [Int] where S.Element == Int {
        mapSorted(offsets) { piece, offset in
            piece.kind == .literal ? Int(piece.originalStart) + offset - Int(piece.textStart) : Int(piece.originalStart)
        }
    }

    /// Maps sorted analysis offsets of last bytes to where those bytes end in the original.
    func originalEnds<S: Sequence>(ofSortedLastBytes offsets: S) -> [Int] where S.Element == Int {
        mapSorted(offsets) { piece, offset in
            piece.kind == .literal ? Int(piece.originalStart) + offset - Int(piece.textStart) + 1 : Int(piece.originalStart + piece.originalLength)
        }
    }

    private func mapSorted<S: Sequence>(_ offsets: S, _ inside: (TextPiece, Int) -> Int) -> [Int] where S.Element == Int {
        var out: [Int] = []
        out.reserveCapacity(offsets.underestimatedCount)
        var index = 0
        for offset in offsets {
            while index + 1 < pieces.count, Int(pieces[index + 1].textStart) <= offset { index += 1 }
            guard index < pieces.count else {
                out.append(0)
                continue
            }
            let piece = pieces[index]
            out.append(piece.text.contains(offset) ? inside(piece, offset) : Int(piece.originalStart + piece.originalLength))
        }
        return out
    }
}
