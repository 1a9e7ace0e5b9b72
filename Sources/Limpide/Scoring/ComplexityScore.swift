/// The difficulty of a text in words, from "très facile" to "très difficile".
public enum ComplexityBand: String, Sendable, Codable, CaseIterable {
    case tresFacile = "très facile"
    case facile = "facile"
    case moyen = "moyen"
    case difficile = "difficile"
    case tresDifficile = "très difficile"
}

/// The school level a reader roughly needs (French system).
public enum SchoolLevel: String, Sendable, Codable, CaseIterable {
    case cm2 = "CM2"
    case sixiemeCinquieme = "6e-5e"
    case quatriemeTroisieme = "4e-3e"
    case lycee = "lycée"
    case etudesSuperieures = "études supérieures"
}

/// What makes a text hard, family by family, each from 0 (nothing to fix) to 100.
public struct ComplexitySubscores: Sendable, Codable, Hashable {
    /// Sentence length.
    public var phrases: Double
    /// Long and many-syllabled words.
    public var mots: Double
    /// Acronyms, undefined ones counting double.
    public var sigles: Double
    /// Jargon (lexicon) and impersonal formulas.
    public var jargon: Double
    /// Passive voice, nominalisations, double negations, capitals, hard numbers.
    public var structure: Double

    public init(phrases: Double, mots: Double, sigles: Double, jargon: Double, structure: Double) {
        self.phrases = phrases
        self.mots = mots
        self.sigles = sigles
        self.jargon = jargon
        self.structure = structure
    }
}

/// One of the hardest sentences of a text, with what makes it hard, in French.
public struct HardSentence: Sendable, Codable, Hashable {
    /// UTF-8 byte range of the sentence in the text.
    public var range: Range<Int>
    public var text: String
    /// 0…100, same scale as the document's score.
    public var score: Double
    public var reasons: [String]

    public init(range: Range<Int>, text: String, score: Double, reasons: [String]) {
        self.range = range
        self.text = text
        self.score = score
        self.reasons = reasons
    }
}

/// The complexity of a text: score, band, school level, sub-scores, classic formulas and the
/// sentences to rewrite first.
public struct ComplexityReport: Sendable, Codable, Hashable {
    /// 0 (limpide) … 100 (opaque).
    public var complexity: Double
    public var band: ComplexityBand
    public var schoolLevel: SchoolLevel
    public var subscores: ComplexitySubscores
    public var kandelMoles: Double
    public var lix: Double
    public var rix: Double
    public var counts: ReadabilityCounts
    public var wordsPerSentence: Double
    /// Share of words of more than 6 letters, 0…1.
    public var longWordShare: Double
    /// At most three, hardest first.
    public var hardestSentences: [HardSentence]
}

/// One complexity score from 0 (limpide) to 100 (opaque). The formula, in French, with its
/// reasons, is in `docs/score.md`.
///
/// complexity = 0.30 × phrases + 0.30 × mots + 0.10 × sigles + 0.15 × jargon + 0.15 × structure, where
/// each sub-score is a measure mapped linearly onto 0…100 between two anchors and clamped:
/// - **phrases** (30 %): half from words per sentence (10 → 0, 25 → 100), half from the share of
///   words that stand beyond the 15th word of their sentence (0 → 0, 50 % → 100). 15 is the FALC
///   length, 20 the public-sector guides' (see `SignalRules.swift`): the second measure catches a
///   few very long sentences that an average hides.
/// - **mots** (30 %): half from the share of words of more than 6 letters (LIX's measure: 15 % → 0,
///   40 % → 100), half from syllables per word (Kandel–Moles's: 1.3 → 0, 1.9 → 100).
/// - **sigles** (10 %): acronyms per word, an undefined one (`sigle-non-defini`) counting twice
///   (0 → 0, 5 % → 100). Acronyms are the lexicon's acronym findings, or, when there are more, the
///   tokens shaped like one (all capitals, 2–8 letters, not a French word, not in a heading).
/// - **jargon** (15 %): jargon findings and impersonal formulas per word (0 → 0, 15 % → 100; the
///   bundled lexicon finds 4 % in a service-public page, 10–15 % in Légifrance articles).
/// - **structure** (15 %): signals per sentence (0 → 0, 1.5 → 100), weighing a passive voice,
///   a sentence full of action nouns 1, a double negation 2, capitals and hard numbers 0.5.
///
/// The three hardest sentences rank by 50 % length (15 words → 0, 40 → 100), 25 % long words (20 % → 0,
/// 50 % → 100) and 25 % signals inside them (structure weights, 1 per jargon term or impersonal
/// formula, 0.5 per acronym; 0 → 0, 3 → 100); a sentence is listed only with a reason to show.
///
/// Why: sentence length and word length are the two factors every readability formula rests on
/// (Flesch, Kandel–Moles, LIX), so they weigh most. Vocabulary the reader does not know comes next
/// (plain-language guides put it first, but the lexicon's reach is what it is, and without lexicon
/// findings the score must still rank texts). Acronyms weigh less since each one is also a short
/// word that the formulas treat as easy. Bands split the scale in fifths; school levels follow them.
public enum ComplexityScore {
    public static let weights = ComplexitySubscores(phrases: 0.30, mots: 0.30, sigles: 0.10, jargon: 0.15, structure: 0.15)

    /// Scores a tokenized text. `findings` are all its findings: signals (`SignalDetector`) and the
    /// lexicon's acronyms and jargon; with none, only the counts and acronym shapes speak.
    public static func compute(tokens: [Token], sentences: [Sentence], bytes p: UnsafeBufferPointer<UInt8>, findings: [Finding]) -> ComplexityReport {
        let perSentence = ReadabilityCounts.perSentence(tokens: tokens, sentences: sentences, bytes: p)
        let counts = perSentence.reduce(ReadabilityCounts(), +)
        // Counted in one pass: findings are large values, and filtering copies them.
        var headings: [Range<Int>] = []
        var acronymFindings = 0
        var undefined = 0
        var jargonCount = 0
        let capitalsRule = CapitalsRule.description.id
        let undefinedRule = AcronymUndefinedRule.description.id
        let impersonalRule = ImpersonalFormulaRule.description.id
        for finding in findings {
            if finding.kind == .acronym { acronymFindings += 1 }
            if finding.kind == .jargon { jargonCount += 1 }
            switch finding.rule {
            case capitalsRule: headings.append(finding.range)
            case undefinedRule: undefined += 1
            case impersonalRule: jargonCount += 1
            default: break
            }
        }
        let acronymTokens = acronymShapes(tokens: tokens, bytes: p, headings: headings)

        let words = Double(counts.words)
        var beyond15 = 0
        for s in perSentence { beyond15 += max(0, s.words - 15) }
        let phrases = 0.5 * scale(counts.wordsPerSentence, 10, 25) + 0.5 * scale(share(beyond15, counts.words), 0, 0.5)
        let mots = 0.5 * scale(counts.longWordShare, 0.15, 0.40) + 0.5 * scale(counts.syllablesPerWord, 1.3, 1.9)

        let acronyms = max(acronymFindings, acronymTokens.count)
        let sigles = words == 0 ? 0 : scale(Double(acronyms + undefined) / words, 0, 0.05)

        let jargon = words == 0 ? 0 : scale(Double(jargonCount) / words, 0, 0.15)

        let signals = findings.reduce(0.0) { $0 + structureWeight($1.rule) }
        let structure = counts.sentences == 0 ? 0 : scale(signals / Double(counts.sentences), 0, 1.5)

        let subscores = ComplexitySubscores(
            phrases: 100 * phrases, mots: 100 * mots, sigles: 100 * sigles, jargon: 100 * jargon, structure: 100 * structure)
        let complexity = counts.words == 0 ? 0 : combined(subscores)
        return ComplexityReport(
            complexity: complexity, band: band(complexity), schoolLevel: schoolLevel(complexity), subscores: subscores,
            kandelMoles: counts.kandelMoles, lix: counts.lix, rix: counts.rix, counts: counts,
            wordsPerSentence: counts.wordsPerSentence, longWordShare: counts.longWordShare,
            hardestSentences: hardest(
                sentences: sentences, perSentence: perSentence, findings: findings, acronymTokens: acronymTokens, tokens: tokens, bytes: p))
    }

    /// The score once Limpide has helped: the text with its simple wordings put in (replace
    /// style), where the acronyms and jargon Limpide explains no longer count against it.
    public static func afterExplanation(of analysis: Analysis, analyzer: Analyzer) -> ComplexityReport? {
        let rewritten = Rewriter.rewrite(analysis, style: .replace).text
        let after = analyzer.analyze(rewritten)
        let source = after.source
        var copy = source.text
        return copy.withUTF8 { p in
            let remaining = after.findings.filter { finding in
                guard finding.kind == .acronym || finding.kind == .jargon else { return true }
                return finding.meaning?.explanation == nil && finding.meaning?.expansion == nil
            }
            return compute(tokens: after.tokens, sentences: after.sentences, bytes: p, findings: remaining)
        }
    }

    /// Scores a text on its own (no lexicon): tokenizes it and runs `SignalDetector`.
    public static func compute(_ text: String) -> ComplexityReport {
        let source = SourceText(text)
        var copy = source.text
        return copy.withUTF8 { p in
            let tokens = Tokenizer.tokenize(p)
            let sentences = SentenceSplitter.split(tokens, in: p)
            let signals = SignalDetector().findings(tokens: tokens, sentences: sentences, bytes: p, source: source)
            return compute(tokens: tokens, sentences: sentences, bytes: p, findings: signals)
        }
    }

    static func combined(_ s: ComplexitySubscores) -> Double {
        let w = weights
        return w.phrases * s.phrases + w.mots * s.mots + w.sigles * s.sigles + w.jargon * s.jargon + w.structure * s.structure
    }

    /// Weight of a finding in the structure family.
    static func structureWeight(_ rule: String) -> Double {
        switch rule {
        case PassiveVoiceRule.description.id, NominalisationRule.description.id: 1
        case DoubleNegationRule.description.id: 2
        case CapitalsRule.description.id, HardNumberRule.description.id: 0.5
        default: 0
        }
    }

    /// `value` mapped from `low…high` onto 0…1, clamped.
    @inline(__always)
    static func scale(_ value: Double, _ low: Double, _ high: Double) -> Double {
        min(1, max(0, (value - low) / (high - low)))
    }

    @inline(__always)
    static func share(_ a: Int, _ b: Int) -> Double { ReadabilityFormulas.ratio(a, b) }

    public static func band(_ complexity: Double) -> ComplexityBand {
        switch complexity {
        case ..<20: .tresFacile
        case ..<40: .facile
        case ..<60: .moyen
        case ..<80: .difficile
        default: .tresDifficile
        }
    }

    public static func schoolLevel(_ complexity: Double) -> SchoolLevel {
        switch complexity {
        case ..<20: .cm2
        case ..<40: .sixiemeCinquieme
        case ..<60: .quatriemeTroisieme
        case ..<80: .lycee
        default: .etudesSuperieures
        }
    }

    // MARK: - Acronyms by shape

    /// Indices of tokens shaped like an acronym: all capitals, 2–8 letters (or dotted), not a Roman
    /// numeral, not a common French word, not in a heading written in capitals.
    static func acronymShapes(tokens: [Token], bytes p: UnsafeBufferPointer<UInt8>, headings: [Range<Int>]) -> [Int] {
        var found: [Int] = []
        var key: [UInt8] = []
        for (k, token) in tokens.enumerated() where token.kind == .word && token.isAllUpper && !token.flags.contains(.elided) {
            let letters = ReadabilityCounts.letters(p, token)
            guard token.flags.contains(.dotted) || (2...8).contains(letters) else { continue }
            guard !headings.contains(where: { $0.contains(token.start) }) else { continue }
            _ = TokenKey.make(p, token, into: &key, stripPlural: false)
            if key.allSatisfy({ $0 == UInt8(ascii: "i") || $0 == UInt8(ascii: "v") || $0 == UInt8(ascii: "x") }) { continue }
            if isCommonWord(key) { continue }
            // A capital word beside a common word in capitals is a heading ("MISE EN DEMEURE").
            let beside = [k - 1, k + 1].contains { j in
                guard j >= 0, j < tokens.count, tokens[j].kind == .word, tokens[j].isAllUpper else { return false }
                _ = TokenKey.make(p, tokens[j], into: &key, stripPlural: false)
                return isCommonWord(key)
            }
            if !beside { found.append(k) }
        }
        return found
    }

    static func isCommonWord(_ key: [UInt8]) -> Bool {
        FrenchWords.common.contains(String(decoding: key, as: UTF8.self))
    }

    // MARK: - Hardest sentences

    /// What was found in one sentence.
    struct SentenceSignals {
        var rules: [String: Int] = [:]
        var acronyms = 0
        var jargon = 0

        func has(_ rule: RuleDescription) -> Bool { rules[rule.id, default: 0] > 0 }

        /// Structure weights, 1 per jargon term or impersonal formula, 0.5 per acronym.
        var weight: Double {
            var total = Double(jargon) + 0.5 * Double(acronyms)
            for (rule, n) in rules {
                total += Double(n) * (structureWeight(rule) + (rule == ImpersonalFormulaRule.description.id ? 1 : 0))
            }
            return total
        }
    }

    static func hardest(
        sentences: [Sentence], perSentence: [ReadabilityCounts], findings: [Finding], acronymTokens: [Int], tokens: [Token],
        bytes p: UnsafeBufferPointer<UInt8>
    ) -> [HardSentence] {
        guard !sentences.isEmpty else { return [] }
        // Each finding and acronym goes to the sentence where it starts; only sentences with some are stored.
        var signals: [Int: SentenceSignals] = [:]
        func sentenceIndex(_ offset: Int) -> Int? {
            var lo = 0
            var hi = sentences.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if sentences[mid].range.lowerBound <= offset { lo = mid } else { hi = mid - 1 }
            }
            return sentences[lo].range.contains(offset) ? lo : nil
        }
        for finding in findings {
            guard let s = sentenceIndex(finding.range.lowerBound) else { continue }
            switch finding.kind {
            case .acronym: signals[s, default: SentenceSignals()].acronyms += 1
            case .jargon: signals[s, default: SentenceSignals()].jargon += 1
            default: signals[s, default: SentenceSignals()].rules[finding.rule, default: 0] += 1
            }
        }
        var shapes: [Int: Int] = [:]
        for k in acronymTokens {
            if let s = sentenceIndex(tokens[k].start) { shapes[s, default: 0] += 1 }
        }
        for (s, n) in shapes where n > signals[s]?.acronyms ?? 0 { signals[s, default: SentenceSignals()].acronyms = n }

        var scored: [(index: Int, score: Double)] = []
        for (s, counts) in perSentence.enumerated() where counts.words > 0 {
            let found = signals[s] ?? SentenceSignals()
            let score =
                100
                * (0.5 * scale(Double(counts.words), 15, 40) + 0.25 * scale(counts.longWordShare, 0.2, 0.5)
                    + 0.25 * scale(found.weight, 0, 3))
            if score > 0 { scored.append((s, score)) }
        }
        scored.sort { $0.score > $1.score || ($0.score == $1.score && $0.index < $1.index) }
        var out: [HardSentence] = []
        for (s, score) in scored {
            let why = reasons(perSentence[s], signals[s] ?? SentenceSignals())
            guard !why.isEmpty else { continue }
            let range = sentences[s].range
            out.append(
                HardSentence(range: range, text: String(decoding: UnsafeBufferPointer(rebasing: p[range]), as: UTF8.self), score: score, reasons: why))
            if out.count == 3 { break }
        }
        return out
    }

    /// Why a sentence is hard, in French, most important first.
    static func reasons(_ counts: ReadabilityCounts, _ found: SentenceSignals) -> [String] {
        var out: [String] = []
        if counts.words > VeryLongSentenceRule.threshold {
            out.append("\(counts.words) mots : bien plus que les 20 mots conseillés")
        } else if counts.words > LongSentenceRule.threshold {
            out.append("\(counts.words) mots : plus que les 20 mots conseillés")
        }
        if counts.words >= 5, counts.longWordShare >= 0.35 {
            out.append("\(Int((counts.longWordShare * 100).rounded())) % de mots longs")
        }
        let labels: [(RuleDescription, String)] = [
            (NominalisationRule.description, "beaucoup de noms d'action"),
            (PassiveVoiceRule.description, "voix passive"),
            (DoubleNegationRule.description, "double négation"),
            (ImpersonalFormulaRule.description, "formule impersonnelle"),
            (CapitalsRule.description, "mots en capitales"),
            (HardNumberRule.description, "nombre difficile à lire"),
        ]
        for (rule, label) in labels where found.has(rule) { out.append(label) }
        if found.acronyms > 0 { out.append(found.acronyms == 1 ? "1 sigle" : "\(found.acronyms) sigles") }
        if found.jargon > 0 { out.append(found.jargon == 1 ? "1 terme de jargon" : "\(found.jargon) termes de jargon") }
        return out
    }
}
