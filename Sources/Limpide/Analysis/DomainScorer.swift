/// Guesses what a document is about, from the domains of its unambiguous terms and from cue words
/// (`domaines.tsv`): "préfecture", "titre de séjour" point to étrangers; "allocataire" to famille-logement.
struct DomainScorer {
    let lexicon: Lexicon

    func scores(matches: [LexiconMatch], tokens: [Token], ids: [Int32]) -> [String: Double] {
        var scores: [String: Double] = [:]
        var seen = Set<Int>()
        for match in matches where match.entries.count == 1 {
            let entry = lexicon.entries[match.entries[0]]
            guard seen.insert(entry.id).inserted else { continue }
            let weight = 1.0 / Double(max(entry.domains.count, 1))
            for domain in entry.domains where domain != "general" { scores[domain, default: 0] += weight }
        }
        for match in lexicon.matcher.cueMatches(tokens, ids: ids) {
            for entry in match.entries { scores[lexicon.cueDomains[entry], default: 0] += 0.5 }
        }
        return scores
    }
}
