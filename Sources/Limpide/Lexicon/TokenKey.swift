/// The key a token is matched on: folded (case, accents, ligatures), without abbreviation dots
/// or inclusive suffixes, elisions restored (`l'` → `le`, `qu'` → `que`) and, for words of four
/// letters or more, without a final plural `s` or `x`.
enum TokenKey {
    /// Writes the key of `token` into `out` (an array). Not for the hot path.
    static func make(_ p: UnsafeBufferPointer<UInt8>, _ token: Token, into out: inout [UInt8], stripPlural: Bool = true) -> Bool {
        var buffer = KeyBuffer()
        defer { buffer.deallocate() }
        let ok = make(p, token, into: &buffer, stripPlural: stripPlural)
        out = Array(buffer.bytes)
        return ok && !buffer.overflowed
    }

    /// Writes the key of `token` into a scratch buffer. Returns false for tokens that never match.
    @inline(__always)
    static func make(_ p: UnsafeBufferPointer<UInt8>, _ token: Token, into out: inout KeyBuffer, stripPlural: Bool = true) -> Bool {
        out.removeAll()
        switch token.kind {
        case .url, .email:
            return false
        case .punctuation, .symbol:
            var i = token.start
            while i < token.end {
                let (v, len) = p[i] < 0x80 ? (UInt32(p[i]), 1) : Scalars.decode(p, i)
                Folding.appendFolded(v, to: &out)
                i += len
            }
            return !out.overflowed
        case .word, .number:
            let inclusive = token.flags.contains(.inclusiveSuffix)
            var i = token.start
            let end = token.end
            while i < end {
                let b = p[i]
                if b < 0x80 {
                    if b == 0x2E { i += 1; continue }  // C.A.F., M.
                    if inclusive, b == 0x28 || b == 0x2F { break }  // pièce(s), amené/e
                    out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                    i += 1
                } else {
                    let (v, len) = Scalars.decode(p, i)
                    Folding.appendFolded(v, to: &out)
                    i += len
                }
            }
            if token.flags.contains(.elided) {
                // l' → le, d' → de, qu' → que, jusqu' → jusque
                if out.last == 0x27 { out.removeLast() }
                out.append(UInt8(ascii: "e"))
                return !out.overflowed
            }
            if stripPlural, token.kind == .word, !token.flags.contains(.hasDigit), out.count >= 4,
                let last = out.last, last == UInt8(ascii: "s") || last == UInt8(ascii: "x")
            {
                out.removeLast()
            }
            return !out.overflowed
        }
    }

    /// Keys of a whole phrase (a lexicon form), tokenized like any text.
    static func keys(of phrase: String, stripPlural: Bool = true) -> [[UInt8]] {
        var buffer = KeyBuffer()
        defer { buffer.deallocate() }
        return keys(of: phrase, stripPlural: stripPlural, buffer: &buffer)
    }

    /// The same with a scratch buffer the caller reuses (compiling thousands of forms).
    static func keys(of phrase: String, stripPlural: Bool = true, buffer: inout KeyBuffer) -> [[UInt8]] {
        var text = phrase
        return text.withUTF8 { p in
            var keys: [[UInt8]] = []
            for token in Tokenizer.tokenize(p) where make(p, token, into: &buffer, stripPlural: stripPlural) {
                keys.append(Array(buffer.bytes))
            }
            return keys
        }
    }
}

/// An immutable open-addressing table from byte strings to dense ids; lookups allocate nothing.
struct Vocabulary: Sendable {
    private var storage: [UInt8] = []
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var slots: [Int32] = []
    private var mask = 0

    var count: Int { starts.count }

    init(_ keys: [[UInt8]]) {
        var capacity = 16
        while capacity < keys.count * 2 { capacity <<= 1 }
        mask = capacity - 1
        slots = Array(repeating: -1, count: capacity)
        for key in keys {
            let id = Int32(starts.count)
            starts.append(Int32(storage.count))
            lengths.append(Int32(key.count))
            storage.append(contentsOf: key)
            var slot = Int(truncatingIfNeeded: Self.hash(key)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = id
        }
    }

    @inline(__always)
    static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h ^ (h >> 29)
    }

    /// The id of `key`, or -1.
    func id(of key: [UInt8]) -> Int32 {
        key.withUnsafeBufferPointer { id(of: $0) }
    }

    /// The id of `key`, or -1.
    @inline(__always)
    func id(of key: UnsafeBufferPointer<UInt8>) -> Int32 {
        var slot = Int(truncatingIfNeeded: Self.hash(key)) & mask
        return storage.withUnsafeBufferPointer { s in
            while true {
                let id = slots[slot]
                if id < 0 { return -1 }
                let length = Int(lengths[Int(id)])
                if length == key.count {
                    let start = Int(starts[Int(id)])
                    var equal = true
                    for k in 0..<length where s[start + k] != key[k] {
                        equal = false
                        break
                    }
                    if equal { return id }
                }
                slot = (slot + 1) & mask
            }
        }
    }
}
