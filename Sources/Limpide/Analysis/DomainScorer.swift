/// Guesses what a document is about, from the domains of its unambiguous terms and from cue words
/// (`domaines.tsv`): "préfecture", "titre de séjour" point to étrangers; "allocataire" to famille-logement.
struct DomainScorer {
    let lexicon: Lexicon

    func scores(matches: [LexiconMatch], tokens: [Token], bytes p: UnsafeBufferPointer<UInt8>) -> [String: Double] {
        var scores: [String: Double] = [:]
        var seen = Set<Int>()
        for match in matches where match.entries.count == 1 {
            let entry = lexicon.entries[match.entries[0]]
            guard seen.insert(entry.id).inserted else { continue }
            let weight = 1.0 / Double(max(entry.domains.count, 1))
            for domain in entry.domains where domain != "general" { scores[domain, default: 0] += weight }
        }
        let cueIds = lexicon.cueMatcher.tokenIds(tokens, in: p)
        let cueMatches = lexicon.cueMatcher.matches(tokens, ids: cueIds, in: p) { _, entries in entries.map(Int.init) }
        for match in cueMatches {
            for entry in match.entries { scores[lexicon.cueDomains[entry], default: 0] += 0.5 }
        }
        return scores
    }
}
