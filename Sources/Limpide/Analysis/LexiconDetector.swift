/// Turns lexicon matches into findings: chooses the meaning of ambiguous terms from the document's
/// domains, marks first occurrences, and adapts replacements to the sentence.
struct LexiconDetector {
    let lexicon: Lexicon

    func findings(
        matches: [LexiconMatch], tokens: [Token], bytes p: UnsafeBufferPointer<UInt8>, source: SourceText,
        domainScores: [String: Double], definitions: [String: TextDefinition]
    ) -> [Finding] {
        let context = Inflection.Context(tokens: tokens, bytes: p, apostrophe: Self.dominantApostrophe(p))
        var seen = Set<Int>()
        var letterKeys: [Int: String] = [:]  // folded letters of each acronym entry met, computed once
        var definedMeanings: [String: Meaning?] = [:]  // a definition's lexicon meaning, resolved once per form
        var findings: [Finding] = []
        findings.reserveCapacity(matches.count)
        for match in matches {
            let range = tokens[match.tokens.lowerBound].start..<tokens[match.tokens.upperBound - 1].end
            let text = source.slice(range)
            let (chosen, others, ambiguous) = choose(match.entries, domainScores: domainScores)
            let entry = lexicon.entries[chosen]
            if entry.kind.isAcronym {
                // The matched token spells the entry's letters (checked by the matcher): key by entry.
                let formKey: String
                if let known = letterKeys[entry.id] {
                    formKey = known
                } else {
                    formKey = AcronymShape.foldedLetters(entry.form)
                    letterKeys[entry.id] = formKey
                }
                let definition = definitions[formKey]
                var meaning = Meaning(expansion: entry.expansion, explanation: entry.explanation, domains: entry.domains, entry: entry.id)
                var candidates = others.map { meaningOf(lexicon.entries[$0]) }
                let resolved: Meaning?
                if let definition {
                    if let known = definedMeanings[formKey] {
                        resolved = known
                    } else {
                        resolved = Self.meaning(for: definition, among: [entry.id] + others, lexicon: lexicon)
                        definedMeanings[formKey] = .some(resolved)
                    }
                } else {
                    resolved = nil
                }
                if definition != nil, let replaced = resolved {
                    candidates = ([entry.id] + others).filter { $0 != replaced.entry }.map { meaningOf(lexicon.entries[$0]) }
                    meaning = replaced
                } else if let definition {
                    candidates = [meaning] + candidates
                    meaning = Meaning(expansion: definition.expansion, explanation: nil, domains: [], entry: nil)
                }
                // Rule, severity and first use are decided by `AcronymRules` once every acronym is known.
                let rule = AcronymUndefinedRule.description
                findings.append(
                    Finding(
                        rule: rule.id, kind: .acronym, severity: rule.severity, range: range, text: text,
                        isAmbiguous: ambiguous && definition == nil,
                        meaning: meaning, candidates: candidates, definedInText: definition != nil,
                        entryKind: entry.kind))
            } else {
                let first = seen.insert(entry.id).inserted
                let fix = lexicon.inflections[entry.id].flatMap { Inflection.fix(for: entry, info: $0, match: match.tokens, in: context) }
                let rule: RuleDescription = fix != nil ? ReplaceableJargonRule.description : JargonToExplainRule.description
                findings.append(
                    Finding(
                        rule: rule.id, kind: .jargon, severity: rule.severity, range: range, text: text,
                        meaning: meaningOf(entry), candidates: others.map { meaningOf(lexicon.entries[$0]) },
                        replacement: fix?.0, fix: fix?.1, isFirstOccurrence: first, entryKind: entry.kind))
            }
        }
        return findings
    }

    func meaningOf(_ entry: LexiconEntry) -> Meaning {
        Meaning(expansion: entry.expansion, explanation: entry.explanation, domains: entry.domains, entry: entry.id)
    }

    /// The meaning that a text's own definition points to, when the lexicon has it.
    static func meaning(for definition: TextDefinition, among ids: [Int], lexicon: Lexicon) -> Meaning? {
        // Same significant words, give or take one: "Caisse d'allocations familiales" is the
        // lexicon's "caisse d'allocations familiales", "commission de recours amiable" too.
        let wanted = significantWords(definition.expansion)
        for id in ids {
            let entry = lexicon.entries[id]
            if let expansion = entry.expansion, wanted.symmetricDifference(significantWords(expansion)).count <= (wanted.count >= 4 ? 1 : 0) {
                return Meaning(expansion: definition.expansion, explanation: entry.explanation, domains: entry.domains, entry: id)
            }
        }
        return nil
    }

    static func significantWords(_ text: String) -> Set<String> {
        let stop: Set<String> = ["de", "du", "des", "la", "le", "les", "l", "d", "et", "a", "au", "aux", "en", "pour", "sur"]
        let words = Folding.fold(text).split { !($0.isLetter || $0.isNumber) }.map(String.init)
        return Set(words.map { $0.hasSuffix("s") && $0.count > 3 ? String($0.dropLast()) : $0 }.filter { !stop.contains($0) })
    }

    /// Picks a meaning: the best domain score, then an explained entry, then lexicon order.
    /// Returns the choice, the others, and whether the choice was a guess between equals.
    func choose(_ entries: [Int], domainScores: [String: Double]) -> (Int, [Int], Bool) {
        guard entries.count > 1 else { return (entries[0], [], false) }
        func score(_ id: Int) -> Double {
            lexicon.entries[id].domains.map { domainScores[$0] ?? 0 }.max() ?? 0
        }
        let ranked = entries.enumerated().sorted { a, b in
            let sa = score(a.element), sb = score(b.element)
            if sa != sb { return sa > sb }
            let ea = lexicon.entries[a.element].explanation != nil, eb = lexicon.entries[b.element].explanation != nil
            if ea != eb { return ea }
            // Nothing in the document points to a domain: the everyday, general meaning first.
            let ga = lexicon.entries[a.element].domains.contains("general"), gb = lexicon.entries[b.element].domains.contains("general")
            if ga != gb { return ga }
            return a.offset < b.offset
        }.map(\.element)
        let best = ranked[0]
        let runnerUp = ranked[1]
        let ambiguous = score(best) == score(runnerUp)
            && (lexicon.entries[best].explanation != nil) == (lexicon.entries[runnerUp].explanation != nil)
        return (best, Array(ranked.dropFirst()), ambiguous)
    }

    static func dominantApostrophe(_ p: UnsafeBufferPointer<UInt8>) -> String {
        var straight = 0
        var curly = 0
        var i = 0
        let n = min(p.count, 1 << 20)
        while i < n {
            if p[i] == 0x27 { straight += 1 } else if p[i] == 0xE2, i + 2 < p.count, p[i + 1] == 0x80, p[i + 2] == 0x99 { curly += 1 }
            i += 1
        }
        return curly > straight ? "\u{2019}" : "'"
    }
}
