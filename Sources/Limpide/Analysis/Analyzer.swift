/// The result of analysing a text: tokens, sentences and findings, all positioned in the text's bytes.
public struct Analysis: Sendable {
    public let source: SourceText
    public let tokens: [Token]
    public let sentences: [Sentence]
    /// Findings in text order.
    public let findings: [Finding]
    /// The document's likely domains, most likely first (from its terms and cue words).
    public let domains: [String]
    /// How hard the text is, and why (nil when the analyzer's options turn signals off).
    public let complexity: ComplexityReport?
    /// The acronyms the text (or the caller) defines, by folded letters.
    public var definitions: [String: TextDefinition] = [:]
}

/// Analyses French administrative text: the one pipeline (tokenize → match → detect) that every
/// document adapter feeds. Immutable and `Sendable`: share one analyzer across tasks.
public struct Analyzer: Sendable {
    public let lexicon: Lexicon
    public var options: Options

    /// What the analysis does beyond the lexicon.
    public struct Options: Sendable {
        /// Plain-language signals (long sentences, passive voice…) and the complexity score.
        public var signals: Bool = true
        /// Thresholds of the signals.
        public var signalDetector = SignalDetector()
        public init() {}
    }

    public init(lexicon: Lexicon = .bundled(), options: Options = Options()) {
        self.lexicon = lexicon
        self.options = options
    }

    /// Analyses a text. `definitions` are definitions the document gives outside its text (the
    /// `<abbr title>` of a web page); the text's own definitions are found anyway.
    public func analyze(_ text: String, definitions: [TextDefinition] = []) -> Analysis {
        let source = SourceText(text)
        var copy = source.text
        return copy.withUTF8 { p in analyze(source: source, bytes: p, extraDefinitions: definitions) }
    }

    func analyze(source: SourceText, bytes p: UnsafeBufferPointer<UInt8>, extraDefinitions: [TextDefinition] = []) -> Analysis {
        var tokens = Tokenizer.tokenize(p)
        var ids = lexicon.matcher.tokenIds(tokens, in: p)
        splitCompoundAcronyms(&tokens, &ids, bytes: p)
        let sentences = SentenceSplitter.split(tokens, in: p)
        // Matches of acronyms' long forms only stop jargon inside organisation names; drop them.
        var matches = lexicon.matcher.matches(tokens, ids: ids, in: p) { range, entries in
            acceptedEntries(range, entries, tokens: tokens, bytes: p)
        }.filter { $0.entries[0] >= 0 }
        // An acronym inside a longer expression ("bénéficiaire du RSA", "code APE") is still an acronym.
        var inner: [LexiconMatch] = []
        for match in matches where match.tokens.count > 1 && !lexicon.entries[match.entries[0]].kind.isAcronym {
            for index in match.tokens where tokens[index].kind == .word && tokens[index].flags.contains(.hasUpper) && !tokens[index].flags.contains(.elided) {
                let candidates = lexicon.matcher.singleTokenEntries(ids[index]).filter { $0 >= 0 && lexicon.entries[Int($0)].kind.isAcronym }
                guard !candidates.isEmpty else { continue }
                let accepted = acceptedEntries(index..<(index + 1), candidates, tokens: tokens, bytes: p)
                if !accepted.isEmpty { inner.append(LexiconMatch(tokens: index..<(index + 1), entries: accepted)) }
            }
        }
        if !inner.isEmpty {
            matches += inner
            matches.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        }
        let domainScores = DomainScorer(lexicon: lexicon).scores(matches: matches, tokens: tokens, ids: ids)
        let domains = domainScores.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.map(\.key)
        var definitions = DefinitionDetector(tokens: tokens, bytes: p, ids: ids, reserved: lexicon.matcher.reserved).definitions()
        for definition in extraDefinitions {
            let key = AcronymShape.foldedLetters(definition.form)
            if definitions[key].map({ $0.position > definition.position }) ?? true { definitions[key] = definition }
        }
        var findings = LexiconDetector(lexicon: lexicon).findings(
            matches: matches, tokens: tokens, bytes: p, source: source, domainScores: domainScores, definitions: definitions)
        // Acronyms the lexicon does not know.
        var covered = [Bool](repeating: false, count: tokens.count)
        for match in matches { for index in match.tokens { covered[index] = true } }
        let candidates = AcronymCandidates(tokens: tokens, bytes: p).candidates(covered: covered, definedKeys: Set(definitions.keys))
        for index in candidates {
            let token = tokens[index]
            let text = source.slice(token.range)
            let definition = definitions[AcronymShape.foldedLetters(text)]
            findings.append(
                Finding(
                    rule: AcronymUnknownRule.description.id, kind: .acronym, severity: .avertissement, range: token.range, text: text,
                    meaning: definition.map { Meaning(expansion: $0.expansion, explanation: nil, domains: [], entry: nil) }))
        }
        // Inside a definition's long form ("Allocation de logement familiale (ALF)") the words are
        // the name of the thing, not jargon to explain.
        let longForms = definitions.values.map(\.range)
        if !longForms.isEmpty {
            findings.removeAll { finding in finding.kind == .jargon && longForms.contains { $0.overlaps(finding.range) } }
        }
        findings.sort { $0.range.lowerBound < $1.range.lowerBound }
        AcronymRules.assign(&findings, definitions: definitions)
        var complexity: ComplexityReport?
        if options.signals {
            findings = Self.merged(findings, options.signalDetector.findings(tokens: tokens, sentences: sentences, bytes: p, source: source))
            complexity = ComplexityScore.compute(tokens: tokens, sentences: sentences, bytes: p, findings: findings)
        }
        return Analysis(
            source: source, tokens: tokens, sentences: sentences, findings: findings, domains: domains, complexity: complexity,
            definitions: definitions)
    }

    /// Two lists of findings sorted by start, merged (cheaper than sorting large values again).
    static func merged(_ a: [Finding], _ b: [Finding]) -> [Finding] {
        guard !b.isEmpty else { return a }
        var result: [Finding] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count, j < b.count {
            if b[j].range.lowerBound < a[i].range.lowerBound {
                result.append(b[j])
                j += 1
            } else {
                result.append(a[i])
                i += 1
            }
        }
        result.append(contentsOf: a[i...])
        result.append(contentsOf: b[j...])
        return result
    }

    /// "CUI-CIE", "CAE-DOM": capitals joined by a hyphen that the lexicon does not know as a whole
    /// are two acronyms; the tokens are split in place (the hyphen becomes punctuation).
    func splitCompoundAcronyms(_ tokens: inout [Token], _ ids: inout [Int32], bytes p: UnsafeBufferPointer<UInt8>) {
        guard tokens.contains(where: { $0.flags.contains(.hyphenated) && $0.isAllUpper }) else { return }
        var newTokens: [Token] = []
        var newIds: [Int32] = []
        var parts: [Int] = []
        newTokens.reserveCapacity(tokens.count + 16)
        for (index, token) in tokens.enumerated() {
            guard token.kind == .word, token.flags.contains(.hyphenated), token.isAllUpper, !token.flags.contains(.hasDigit), ids[index] < 0 else {
                newTokens.append(token)
                newIds.append(ids[index])
                continue
            }
            var start = token.start
            for k in token.start...token.end where k == token.end || p[k] == UInt8(ascii: "-") {
                var part = Token(start: start, end: k, kind: .word, flags: [.hasUpper, .initialUpper])
                if start == token.start { part.flags.formUnion(token.flags.intersection([.newlineBefore, .blankLineBefore, .spaceBefore])) }
                if part.length > 0 {
                    if p[start..<k].contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { part.flags.insert(.hasDigit) }
                    parts.append(newTokens.count)
                    newTokens.append(part)
                    newIds.append(-1)
                }
                if k < token.end {
                    newTokens.append(Token(start: k, end: k + 1, kind: .punctuation, flags: []))
                    newIds.append(-1)
                }
                start = k + 1
            }
        }
        tokens = newTokens
        // Ids of the new parts.
        var buffer = [UInt8]()
        for index in parts {
            if TokenKey.make(p, tokens[index], into: &buffer) { newIds[index] = lexicon.matcher.id(of: buffer) }
        }
        ids = newIds
    }

    /// Keeps the entries whose case rules fit the matched tokens.
    func acceptedEntries(_ range: Range<Int>, _ candidates: [Int32], tokens: [Token], bytes p: UnsafeBufferPointer<UInt8>) -> [Int] {
        var accepted: [Int] = []
        var longForm: Int?
        for candidate in candidates {
            if candidate < 0 {
                longForm = Int(candidate)
                continue
            }
            let entry = lexicon.entries[Int(candidate)]
            if entry.kind.isAcronym {
                guard AcronymShape.accepts(entry: entry, tokens: tokens, range: range, bytes: p),
                    lexicon.matcher.spellsAcronym(entry.id, p, tokens[range])
                else { continue }
            } else if range.count == 1 {
                let token = tokens[range.lowerBound]
                if token.kind != .word && token.kind != .number { continue }
                // Accents are ignored only when the text leaves them out: "arrête" (a verb) is
                // not "arrêté" (a decision), but "ARRETE" may be.
                if let forms = lexicon.accentForms[entry.id], token.flags.contains(.nonASCII) {
                    let scalars = Substring(String(decoding: UnsafeBufferPointer(rebasing: p[token.start..<token.end]), as: UTF8.self)).unicodeScalars
                    if AccentKey.hasAccents(scalars), !forms.contains(AccentKey.key(scalars)) { continue }
                }
            }
            accepted.append(entry.id)
        }
        if accepted.isEmpty, let longForm { return [longForm] }
        return accepted
    }
}

/// Case rules for acronyms: `CAF`, `Caf` and `C.A.F.` are the CAF; `caf` is not, and neither is
/// `Les` at the start of a sentence nor `DE` in a heading written in capitals.
enum AcronymShape {
    static func accepts(entry: LexiconEntry, tokens: [Token], range: Range<Int>, bytes p: UnsafeBufferPointer<UInt8>) -> Bool {
        let spanned = tokens[range]
        guard spanned.contains(where: { $0.flags.contains(.hasUpper) }) else { return false }
        guard range.count == 1, let token = spanned.first else { return true }
        if token.kind != .word && token.kind != .number { return false }
        // "C'est" is not the CE: an elided word is never an acronym.
        if token.flags.contains(.elided) { return false }
        // "Réf. : DMI/BS/2025/0157": letters inside a reference code are not acronyms to explain,
        // except those the lexicon explains itself (the usual ones).
        if entry.explanation == nil, isInCode(tokens, range.lowerBound, p) { return false }
        let folded = foldedWord(token, p)
        let isCommonWord = FrenchWords.common.contains(folded)
        let formHasLower = entry.forms.contains { $0.unicodeScalars.contains { Scalars.isLower($0.value) } }
        if token.isAllUpper || token.flags.contains(.dotted) {
            if isCommonWord || folded.count <= 2 {
                // In a line of capitals, a short or common word is a word.
                if neighbourIsCapitals(tokens, range.lowerBound, p) { return false }
            }
            return true
        }
        // Mixed case: "Caf", "Urssaf", "TéléRC".
        if formHasLower { return !isCommonWord || exactCase(token, entry, p) }
        // "Caf" for CAF: only for acronyms we explain (the usual ones), never for a bare expansion
        // from the imported dictionary, where "Accord" would be read as ACCORD.
        let letters = folded.count
        return letters >= 3 && !isCommonWord && entry.explanation != nil
    }

    /// A token glued to a slash, or to a hyphen and digits: part of a reference such as
    /// `DMI/BS/2025/0157-AN` or `AEF-2025-03-1185427`.
    static func isInCode(_ tokens: [Token], _ index: Int, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let token = tokens[index]
        func glued(_ other: Int) -> Token? {
            guard other >= 0, other < tokens.count else { return nil }
            let neighbour = tokens[other]
            return neighbour.end == token.start || neighbour.start == token.end ? neighbour : nil
        }
        for side in [index - 1, index + 1] {
            guard let neighbour = glued(side) else { continue }
            let b = p[neighbour.start]
            if neighbour.kind == .punctuation, b == UInt8(ascii: "/") { return true }
            if neighbour.kind == .number { return true }
            if neighbour.kind == .punctuation, b == UInt8(ascii: "-") {
                let beyond = side < index ? side - 1 : side + 1
                if beyond >= 0, beyond < tokens.count, tokens[beyond].kind == .number { return true }
            }
        }
        return false
    }

    static func foldedWord(_ token: Token, _ p: UnsafeBufferPointer<UInt8>) -> String {
        var key: [UInt8] = []
        _ = TokenKey.make(p, token, into: &key, stripPlural: false)
        return String(decoding: key, as: UTF8.self)
    }

    static func exactCase(_ token: Token, _ entry: LexiconEntry, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let text = String(decoding: UnsafeBufferPointer(rebasing: p[token.start..<token.end]), as: UTF8.self)
        return entry.forms.contains(text)
    }

    static func neighbourIsCapitals(_ tokens: [Token], _ index: Int, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        for neighbour in [index - 1, index + 1] where neighbour >= 0 && neighbour < tokens.count {
            let other = tokens[neighbour]
            if other.kind == .word, other.isAllUpper, other.length >= 2 { return true }
        }
        return false
    }
}
