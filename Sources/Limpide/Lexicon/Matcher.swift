/// A lexicon match: a run of tokens and the entries (meanings) that fit it.
public struct LexiconMatch: Sendable, Hashable {
    /// Indices into the token array.
    public var tokens: Range<Int>
    /// Ids of the entries that fit, in lexicon order.
    public var entries: [Int]
}

/// A trie over token ids: phrases of tokens → the values stored at their end.
struct Trie: Sendable {
    /// (node << 32 | token id) → child node, while building.
    private(set) var edges: [UInt64: Int32] = [:]
    /// The same edges frozen into an open-addressing table with a cheap integer hash.
    private var table: [UInt64] = []
    private var tableChildren: [Int32] = []
    private var tableMask = 0
    /// Root children by token id (−1 when no phrase starts with that token).
    private(set) var rootEdges: [Int32] = []
    /// Values ending at each node.
    private(set) var terminals: [[Int32]] = [[]]

    @inline(__always)
    static func edgeKey(_ node: Int32, _ token: Int32) -> UInt64 { UInt64(UInt32(node)) << 32 | UInt64(UInt32(token)) }

    mutating func insert(_ path: [Int32], value: Int32) {
        var node: Int32 = 0
        for tokenId in path {
            let key = Self.edgeKey(node, tokenId)
            if let child = edges[key] {
                node = child
            } else {
                let child = Int32(terminals.count)
                terminals.append([])
                edges[key] = child
                node = child
            }
        }
        if !terminals[Int(node)].contains(value) { terminals[Int(node)].append(value) }
    }

    mutating func freeze(vocabularySize: Int) {
        rootEdges = Array(repeating: -1, count: vocabularySize)
        for (key, child) in edges where key >> 32 == 0 { rootEdges[Int(key & 0xFFFF_FFFF)] = child }
        var capacity = 16
        while capacity < edges.count * 2 { capacity <<= 1 }
        tableMask = capacity - 1
        table = Array(repeating: UInt64.max, count: capacity)
        tableChildren = Array(repeating: -1, count: capacity)
        for (key, child) in edges {
            var slot = Self.slot(key, tableMask)
            while table[slot] != UInt64.max { slot = (slot + 1) & tableMask }
            table[slot] = key
            tableChildren[slot] = child
        }
        edges = [:]
    }

    @inline(__always)
    static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    @inline(__always)
    func child(_ node: Int32, _ token: Int32) -> Int32? {
        if node == 0 {
            guard token >= 0, Int(token) < rootEdges.count else { return nil }
            let child = rootEdges[Int(token)]
            return child >= 0 ? child : nil
        }
        let key = Self.edgeKey(node, token)
        var slot = Self.slot(key, tableMask)
        while true {
            let stored = table[slot]
            if stored == key { return tableChildren[slot] }
            if stored == UInt64.max { return nil }
            slot = (slot + 1) & tableMask
        }
    }
}

/// The lexicon compiled once: a vocabulary of folded token keys shared by a trie of entry forms
/// and a trie of domain cue words. Finds the longest match at each place in a token stream.
struct Matcher: Sendable {
    private let vocabulary: Vocabulary
    private let entries: Trie
    private let cues: Trie
    /// For acronym entries, the exact folded letters of each of their forms.
    private let acronymKeys: [Int: Set<[UInt8]>]
    /// By token id: the id of `de` for `du`/`des`, of `à` for `au`/`aux`, −1 otherwise.
    private let contractionTargets: [Int32]
    /// Ids of words other parts of the analysis look for (`dite`, `de`…), by key.
    let reserved: [String: Int32]

    /// Words the analysis needs ids for even when no form spells them.
    static let reservedWords = [
        "de", "du", "des", "a", "au", "aux", "la", "le", "les", "l", "d", "et", "en", "pour", "sur",
        "dit", "dite", "denomme", "denommee", "appele", "appelee", "designe", "designee", "ci-apre",
    ]

    /// `cues` are (phrase, value) pairs; values come back from `cueMatches`.
    init(entries: [LexiconEntry], cues: [(String, Int32)] = []) {
        var ids: [[UInt8]: Int32] = [:]
        var keysInOrder: [[UInt8]] = []
        func id(_ key: [UInt8]) -> Int32 {
            if let existing = ids[key] { return existing }
            let new = Int32(keysInOrder.count)
            ids[key] = new
            keysInOrder.append(key)
            return new
        }
        var reserved: [String: Int32] = [:]
        for word in Self.reservedWords { reserved[word] = id(Array(word.utf8)) }
        var trie = Trie()
        var acronymKeys: [Int: Set<[UInt8]>] = [:]
        var buffer = KeyBuffer()
        defer { buffer.deallocate() }
        for entry in entries {
            for form in entry.forms {
                if entry.kind.isAcronym {
                    // Acronyms: the exact letters, and the matching key (plural stripped) from them.
                    let exact = TokenKey.keys(of: form, stripPlural: false, buffer: &buffer)
                    guard !exact.isEmpty else { continue }
                    acronymKeys[entry.id, default: []].insert(Array(exact.joined(separator: [0x20])))
                    trie.insert(TokenKey.keys(of: form, buffer: &buffer).map(id), value: Int32(entry.id))
                } else {
                    let path = TokenKey.keys(of: form, buffer: &buffer).map(id)
                    guard !path.isEmpty else { continue }
                    trie.insert(path, value: Int32(entry.id))
                }
            }
        }
        // The long forms of explained acronyms ("Caisse d'allocations familiales") are matched too,
        // as negative ids, so that the words of an organisation's name are not glossed as jargon.
        for entry in entries where entry.kind.isAcronym && entry.explanation != nil {
            guard let expansion = entry.expansion else { continue }
            let path = TokenKey.keys(of: expansion, buffer: &buffer).map(id)
            if path.count >= 3 { trie.insert(path, value: -Int32(entry.id) - 1) }
        }
        var cueTrie = Trie()
        for (phrase, value) in cues {
            let path = TokenKey.keys(of: phrase, buffer: &buffer).map(id)
            if !path.isEmpty { cueTrie.insert(path, value: value) }
        }
        trie.freeze(vocabularySize: keysInOrder.count)
        cueTrie.freeze(vocabularySize: keysInOrder.count)
        self.vocabulary = Vocabulary(keysInOrder)
        self.entries = trie
        self.cues = cueTrie
        self.acronymKeys = acronymKeys
        self.reserved = reserved
        var contractions = [Int32](repeating: -1, count: keysInOrder.count)
        if let de = reserved["de"], let du = reserved["du"], let des = reserved["des"] {
            contractions[Int(du)] = de
            contractions[Int(des)] = de
        }
        if let a = reserved["a"], let au = reserved["au"], let aux = reserved["aux"] {
            contractions[Int(au)] = a
            contractions[Int(aux)] = a
        }
        self.contractionTargets = contractions
    }

    /// The id of one key (−1 when no form contains it).
    func id(of key: [UInt8]) -> Int32 { vocabulary.id(of: key) }

    /// The token ids of a token stream (−1 for tokens no form contains).
    func tokenIds(_ tokens: [Token], in p: UnsafeBufferPointer<UInt8>) -> [Int32] {
        var ids = [Int32](repeating: -1, count: tokens.count)
        var key = KeyBuffer()
        defer { key.deallocate() }
        ids.withUnsafeMutableBufferPointer { out in
            tokens.withUnsafeBufferPointer { tokens in
                for index in 0..<tokens.count where TokenKey.make(p, tokens[index], into: &key) {
                    out[index] = vocabulary.id(of: key.bytes)
                }
            }
        }
        return ids
    }

    /// Longest matches of entry forms, left to right, never overlapping. `accept` filters the
    /// entries of a candidate (the case rules of acronyms); a candidate left with none is skipped.
    func matches(
        _ tokens: [Token], ids: [Int32], in p: UnsafeBufferPointer<UInt8>,
        accept: (Range<Int>, [Int32]) -> [Int]
    ) -> [LexiconMatch] {
        longestMatches(entries, tokens, ids, accept: accept)
    }

    /// Longest matches of domain cue phrases; `entries` holds the cue values.
    func cueMatches(_ tokens: [Token], ids: [Int32]) -> [LexiconMatch] {
        longestMatches(cues, tokens, ids) { _, values in values.map(Int.init) }
    }

    private func longestMatches(_ trie: Trie, _ tokens: [Token], _ ids: [Int32], accept: (Range<Int>, [Int32]) -> [Int]) -> [LexiconMatch] {
        var result: [LexiconMatch] = []
        var i = 0
        let n = tokens.count
        var candidates: [(end: Int, node: Int32)] = []
        while i < n {
            let first = ids[i]
            guard first >= 0 else { i += 1; continue }
            var start = trie.child(0, first)
            if start == nil, contractionTargets[Int(first)] >= 0 { start = trie.child(0, contractionTargets[Int(first)]) }
            guard var node = start else { i += 1; continue }
            candidates.removeAll(keepingCapacity: true)
            if !trie.terminals[Int(node)].isEmpty { candidates.append((i + 1, node)) }
            var j = i + 1
            while j < n, !tokens[j].flags.contains(.blankLineBefore) {
                let tokenId = ids[j]
                guard tokenId >= 0 else { break }
                var next = trie.child(node, tokenId)
                if next == nil, contractionTargets[Int(tokenId)] >= 0 { next = trie.child(node, contractionTargets[Int(tokenId)]) }
                guard let child = next else { break }
                node = child
                j += 1
                if !trie.terminals[Int(node)].isEmpty { candidates.append((j, node)) }
            }
            var matched = false
            for candidate in candidates.reversed() {
                let range = i..<candidate.end
                let accepted = accept(range, trie.terminals[Int(candidate.node)])
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

    /// Entries whose form is exactly this one token (to find an acronym inside a longer match).
    func singleTokenEntries(_ tokenId: Int32) -> [Int32] {
        guard tokenId >= 0, let node = entries.child(0, tokenId) else { return [] }
        return entries.terminals[Int(node)]
    }

    /// Whether tokens spell exactly the letters of an acronym entry (accents and dots aside).
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
