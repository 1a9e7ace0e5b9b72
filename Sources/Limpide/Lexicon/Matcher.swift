/// A lexicon match: a run of tokens and the entries (meanings) that fit it.
public struct LexiconMatch: Sendable, Hashable {
    /// Indices into the token array.
    public var tokens: Range<Int>
    /// Ids of the entries that fit, in lexicon order.
    public var entries: [Int]
}

/// The lexicon compiled once into a trie over folded token ids; finds the longest match at each
/// place in a token stream.
struct Matcher: Sendable {
    private let vocabulary: Vocabulary
    /// (node << 32 | token id) → child node.
    private let edges: [UInt64: Int32]
    /// Root children by token id (−1 when no form starts with that token).
    private let rootEdges: [Int32]
    /// Entry ids ending at each node.
    private let terminals: [[Int32]]
    /// For acronym entries, the exact folded letters of each of their forms.
    private let acronymKeys: [Int: Set<[UInt8]>]
    /// Token ids of `de` and `à`, which `du`/`des` and `au`/`aux` may stand for.
    private let contractionTargets: [Int32: Int32]

    init(entries: [LexiconEntry]) {
        var ids: [[UInt8]: Int32] = [:]
        var keysInOrder: [[UInt8]] = []
        func id(_ key: [UInt8]) -> Int32 {
            if let existing = ids[key] { return existing }
            let new = Int32(keysInOrder.count)
            ids[key] = new
            keysInOrder.append(key)
            return new
        }
        // Contractions must have ids even when no form spells them: "à compter du" matches "à compter de".
        for word in ["de", "du", "des", "a", "au", "aux"] { _ = id(Array(word.utf8)) }
        var edges: [UInt64: Int32] = [:]
        var terminals: [[Int32]] = [[]]
        var acronymKeys: [Int: Set<[UInt8]>] = [:]
        for entry in entries {
            var seenPaths = Set<[Int32]>()
            for form in entry.forms {
                let keys = TokenKey.keys(of: form)
                guard !keys.isEmpty else { continue }
                let path = keys.map(id)
                guard seenPaths.insert(path).inserted else { continue }
                var node: Int32 = 0
                for tokenId in path {
                    let edgeKey = UInt64(UInt32(node)) << 32 | UInt64(UInt32(tokenId))
                    if let child = edges[edgeKey] {
                        node = child
                    } else {
                        let child = Int32(terminals.count)
                        terminals.append([])
                        edges[edgeKey] = child
                        node = child
                    }
                }
                terminals[Int(node)].append(Int32(entry.id))
                if entry.kind.isAcronym {
                    acronymKeys[entry.id, default: []].insert(TokenKey.keys(of: form, stripPlural: false).joined(separator: [0x20]).map { $0 })
                }
            }
        }
        // The long forms of explained acronyms ("Caisse d'allocations familiales") are matched too,
        // as negative ids, so that the words of an organisation's name are not glossed as jargon.
        for entry in entries where entry.kind.isAcronym && entry.explanation != nil {
            guard let expansion = entry.expansion else { continue }
            let path = TokenKey.keys(of: expansion).map(id)
            guard path.count >= 3 else { continue }
            var node: Int32 = 0
            for tokenId in path {
                let edgeKey = UInt64(UInt32(node)) << 32 | UInt64(UInt32(tokenId))
                if let child = edges[edgeKey] {
                    node = child
                } else {
                    let child = Int32(terminals.count)
                    terminals.append([])
                    edges[edgeKey] = child
                    node = child
                }
            }
            if !terminals[Int(node)].contains(-Int32(entry.id) - 1) { terminals[Int(node)].append(-Int32(entry.id) - 1) }
        }
        self.vocabulary = Vocabulary(keysInOrder)
        var rootEdges = Array(repeating: Int32(-1), count: keysInOrder.count)
        for (key, child) in edges where key >> 32 == 0 { rootEdges[Int(key & 0xFFFF_FFFF)] = child }
        self.rootEdges = rootEdges
        self.edges = edges
        self.terminals = terminals
        self.acronymKeys = acronymKeys
        var contractions: [Int32: Int32] = [:]
        if let de = ids[Array("de".utf8)] {
            for word in ["du", "des"] { if let w = ids[Array(word.utf8)] { contractions[w] = de } }
        }
        if let a = ids[Array("a".utf8)] {
            for word in ["au", "aux"] { if let w = ids[Array(word.utf8)] { contractions[w] = a } }
        }
        self.contractionTargets = contractions
    }

    /// The token ids of a token stream (−1 for tokens no form contains).
    func tokenIds(_ tokens: [Token], in p: UnsafeBufferPointer<UInt8>) -> [Int32] {
        var ids = [Int32](repeating: -1, count: tokens.count)
        var key: [UInt8] = []
        key.reserveCapacity(64)
        for index in tokens.indices where TokenKey.make(p, tokens[index], into: &key) {
            ids[index] = vocabulary.id(of: key)
        }
        return ids
    }

    /// Longest matches, left to right, never overlapping. `accept` filters the entries of a
    /// candidate (for instance the case rules of acronyms); a candidate left with none is skipped.
    func matches(
        _ tokens: [Token], ids: [Int32], in p: UnsafeBufferPointer<UInt8>,
        accept: (Range<Int>, [Int32]) -> [Int]
    ) -> [LexiconMatch] {
        var result: [LexiconMatch] = []
        var i = 0
        let n = tokens.count
        var candidates: [(end: Int, node: Int32)] = []
        while i < n {
            let first = ids[i]
            var node: Int32 = -1
            if first >= 0 { node = rootEdges[Int(first)] }
            if node < 0, let alternative = contractionTargets[first] { node = rootEdges[Int(alternative)] }
            guard node >= 0 else { i += 1; continue }
            candidates.removeAll(keepingCapacity: true)
            if !terminals[Int(node)].isEmpty { candidates.append((i + 1, node)) }
            var j = i + 1
            while j < n, !tokens[j].flags.contains(.blankLineBefore) {
                let tokenId = ids[j]
                guard tokenId >= 0 else { break }
                var next = edges[UInt64(UInt32(node)) << 32 | UInt64(UInt32(tokenId))]
                if next == nil, let alternative = contractionTargets[tokenId] {
                    next = edges[UInt64(UInt32(node)) << 32 | UInt64(UInt32(alternative))]
                }
                guard let child = next else { break }
                node = child
                j += 1
                if !terminals[Int(node)].isEmpty { candidates.append((j, node)) }
            }
            var matched = false
            for candidate in candidates.reversed() {
                let range = i..<candidate.end
                let accepted = accept(range, terminals[Int(candidate.node)])
                if !accepted.isEmpty {
                    result.append(LexiconMatch(tokens: range, entries: accepted))
                    i = candidate.end
                    matched = true
                    break
                }
            }
            if !matched { i += 1 }
        }
        return result
    }

    /// Whether a token spells exactly the letters of an acronym entry (accents and dots aside).
    func spellsAcronym(_ entry: Int, _ p: UnsafeBufferPointer<UInt8>, _ tokens: ArraySlice<Token>) -> Bool {
        guard let keys = acronymKeys[entry] else { return false }
        var parts: [UInt8] = []
        var key: [UInt8] = []
        for token in tokens {
            guard TokenKey.make(p, token, into: &key, stripPlural: false) else { return false }
            if !parts.isEmpty { parts.append(0x20) }
            parts.append(contentsOf: key)
        }
        return keys.contains(parts)
    }
}
