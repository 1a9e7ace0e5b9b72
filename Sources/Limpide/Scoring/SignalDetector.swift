/// Finds the plain-language signals of `SignalRules` in a tokenized text.
///
/// Patterns run over the tokens' lower-case forms (`TokenForms`), sentence by sentence; nothing is
/// built per token but the forms buffer. Findings come in text order.
public struct SignalDetector: Sendable {
    public var longSentence = LongSentenceRule.threshold
    public var veryLongSentence = VeryLongSentenceRule.threshold
    public var nominalisationsPerSentence = NominalisationRule.threshold

    public init() {}

    public func findings(tokens: [Token], sentences: [Sentence], bytes p: UnsafeBufferPointer<UInt8>, source: SourceText) -> [Finding] {
        let forms = TokenForms(tokens: tokens, bytes: p)
        var context = Context(tokens: tokens, forms: forms, bytes: p, source: source)
        context.addressesReader = (0..<tokens.count).contains { forms.isOne(of: $0, Self.secondPerson) }
        for sentence in sentences {
            sentenceLength(sentence, &context)
            let formulas = impersonalFormulas(sentence, &context)
            passiveVoice(sentence, skipping: formulas, &context)
            nominalisations(sentence, &context)
            doubleNegations(sentence, &context)
            capitals(sentence, &context)
            numbers(sentence, &context)
        }
        return context.findings.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// What the patterns share while they walk a text.
    struct Context {
        let tokens: [Token]
        let forms: TokenForms
        let bytes: UnsafeBufferPointer<UInt8>
        let source: SourceText
        var addressesReader = false
        var findings: [Finding] = []

        func range(_ tokenRange: ClosedRange<Int>) -> Range<Int> {
            tokens[tokenRange.lowerBound].start..<tokens[tokenRange.upperBound].end
        }

        func text(_ tokenRange: ClosedRange<Int>) -> String { source.slice(range(tokenRange)) }

        func isWord(_ k: Int) -> Bool { k >= 0 && k < tokens.count && tokens[k].kind == .word }

        mutating func add(_ rule: RuleDescription, _ range: Range<Int>, _ message: String) {
            findings.append(
                Finding(
                    rule: rule.id, kind: rule.kind, severity: rule.severity, range: range, text: source.slice(range), message: message))
        }
    }

    // MARK: - Sentence length

    func sentenceLength(_ sentence: Sentence, _ c: inout Context) {
        let words = ReadabilityCounts.wordCount(sentence, tokens: c.tokens)
        if words > veryLongSentence {
            c.add(
                VeryLongSentenceRule.description, sentence.range,
                "Phrase de \(words) mots : bien trop longue pour être lue d'une traite. Coupez-la en plusieurs phrases courtes, une idée par phrase (15 à 20 mots au plus).")
        } else if words > longSentence {
            c.add(
                LongSentenceRule.description, sentence.range,
                "Phrase de \(words) mots : au-delà de 20 mots, elle devient difficile à suivre. Coupez-la en deux ou gardez une seule idée.")
        }
    }

    // MARK: - Passive voice

    static let etreForms = WordList([
        "suis", "es", "est", "sommes", "êtes", "sont", "étais", "était", "étions", "étiez", "étaient", "serai", "seras", "sera",
        "serons", "serez", "seront", "serais", "serait", "serions", "seriez", "seraient", "sois", "soit", "soyons", "soyez",
        "soient", "fus", "fut", "fûmes", "furent", "fût", "être", "étant", "été",
    ])
    static let avoirForms = WordList([
        "ai", "as", "a", "avons", "avez", "ont", "avais", "avait", "avions", "aviez", "avaient", "aurai", "auras", "aura",
        "aurons", "aurez", "auront", "aurais", "aurait", "aurions", "auriez", "auraient", "aie", "aies", "ait", "ayons", "ayez",
        "aient", "eut", "eût", "avoir", "ayant",
    ])
    /// Words that may stand between the auxiliary and the participle.
    static let adverbs = WordList([
        "ne", "n'", "pas", "plus", "jamais", "point", "bien", "déjà", "alors", "aussi", "également", "toujours", "souvent",
        "ainsi", "donc", "enfin", "encore", "tous", "toutes", "tout", "immédiatement", "automatiquement", "directement",
        "désormais", "parfois", "peut-être", "normalement", "généralement",
    ])
    /// Être + these is a compound past or a state, not a passive.
    static let notPassive = WordList([
        "arrivé", "allé", "entré", "rentré", "resté", "tombé", "né", "décédé", "retourné", "monté", "passé", "demeuré", "parti",
        "sorti", "venu", "devenu", "revenu", "parvenu", "intervenu", "survenu", "advenu", "descendu", "apparu", "mort", "échu",
        "âgé", "marié", "pacsé", "divorcé", "séparé", "désolé", "situé", "périmé", "habilité", "domicilié", "salarié",
        "handicapé", "concerné", "intéressé", "dénommé", "fondé", "censé", "précis", "gris", "assis", "concis", "exquis",
        "nu", "têtu", "absolu", "continu", "aigu", "ambigu", "exigu", "dû", "du", "plus", "tous", "vous", "nous", "jus",
        "dessus", "confus", "obtus", "sus", "ici", "parmi", "aussi", "ainsi", "lundi", "mardi", "mercredi", "jeudi",
        "vendredi", "samedi", "dimanche", "midi", "fini", "élevé", "ci", "celui-ci", "ceux-ci", "celle-ci", "celui-là",
        "ceux-là", "celle-là",
    ])
    /// Participles of irregular verbs ending in a consonant (agreement endings are stripped).
    static let irregularParticiples = WordList([
        "fait", "dit", "écrit", "prescrit", "inscrit", "décrit", "interdit", "réduit", "produit", "conduit", "construit",
        "introduit", "traduit", "extrait", "soustrait", "ouvert", "offert", "couvert", "découvert", "atteint", "contraint",
        "astreint", "restreint", "joint", "clos", "dissous", "mis", "pris", "soumis", "transmis", "admis", "acquis", "compris",
        "remis", "permis", "omis", "commis", "requis", "conquis", "exclu", "inclus", "élu",
    ])

    /// Whether token `k` ends like a past participle (`-é`, `-i`, `-u` and their agreements, or an
    /// irregular one), and is not a compound past of a verb of movement or an adjective.
    func isParticiple(_ k: Int, _ c: Context) -> Bool {
        guard c.isWord(k), !c.tokens[k].flags.contains(.elided), c.forms.length(k) >= 3 else { return false }
        let f = c.forms
        if f.agrees(k, withOneOf: Self.notPassive) { return false }
        if f.agrees(k, withOneOf: Self.irregularParticiples) { return true }
        for ending in Self.firstGroupEndings.words where f.hasSuffix(k, ending) { return true }
        // -i and -u participles follow a consonant: "fini", "reçu", not "français", "vous", "lieu".
        for ending in Self.vowelEndings.words where f.hasSuffix(k, ending) {
            return !f.vowelBefore(k, suffixLength: ending.utf8CodeUnitCount)
        }
        return false
    }

    func passiveVoice(_ sentence: Sentence, skipping covered: Set<Int>, _ c: inout Context) {
        let f = c.forms
        var k = sentence.tokens.lowerBound
        while k < sentence.tokens.upperBound {
            defer { k += 1 }
            guard f.isOne(of: k, Self.etreForms), !covered.contains(k) else { continue }
            // "été" is a participle of être only after avoir (a été, n'a pas été); otherwise the season.
            var first = k
            if f.equals(k, "été") {
                guard let auxiliary = avoirBefore(k, sentence, c) else { continue }
                first = auxiliary
            }
            if isReflexive(k, sentence, c) || isNoun(k, c) { continue }
            var j = k + 1
            var skipped = 0
            while j < sentence.tokens.upperBound, skipped < 3, f.isOne(of: j, Self.adverbs) {
                j += 1
                skipped += 1
            }
            guard j < sentence.tokens.upperBound, isParticiple(j, c) else { continue }
            var last = j
            var agent = ""
            if f.equals(j + 1, "par"), j + 2 < sentence.tokens.upperBound, c.isWord(j + 2) {
                var end = j + 2
                if c.tokens[end].flags.contains(.elided) || f.isOne(of: end, Self.determiners), c.isWord(end + 1), end + 1 < sentence.tokens.upperBound {
                    end += 1
                }
                last = end
                agent = c.text((j + 2)...end)
            }
            let verb = c.text(first...j)
            let message =
                agent.isEmpty
                ? "Voix passive (« \(verb) ») : on ne voit pas qui agit. Dites-le et mettez-le en sujet, par exemple « nous avons … » plutôt que « … \(verb) »."
                : "Voix passive (« \(verb) par \(agent) ») : mettez « \(agent) » en sujet de la phrase, à la voix active (« \(agent) … » plutôt que « … \(verb) par \(agent) »)."
            c.add(PassiveVoiceRule.description, c.range(first...last), message)
            k = last
        }
    }

    /// The avoir auxiliary before `k`, across negations and adverbs (`n'ont pas encore été`).
    func avoirBefore(_ k: Int, _ sentence: Sentence, _ c: Context) -> Int? {
        var j = k - 1
        var steps = 0
        while j >= sentence.tokens.lowerBound, steps < 4 {
            if c.forms.isOne(of: j, Self.avoirForms) { return j }
            guard c.forms.isOne(of: j, Self.adverbs) else { return nil }
            j -= 1
            steps += 1
        }
        return nil
    }

    /// `s'est inscrite`, `vous vous êtes inscrits`, `il ne s'est pas`: pronominal, not passive.
    func isReflexive(_ k: Int, _ sentence: Sentence, _ c: Context) -> Bool {
        let f = c.forms
        let before = k - 1
        guard before >= sentence.tokens.lowerBound else { return false }
        if f.isOne(of: before, Self.reflexives) { return true }
        if f.isOne(of: before, Self.nousVous), before - 1 >= sentence.tokens.lowerBound, f.isOne(of: before - 1, Self.nousVous) {
            return true
        }
        return false
    }

    /// `l'est`, `un être`: the word is a noun.
    func isNoun(_ k: Int, _ c: Context) -> Bool {
        k > 0 && c.forms.isOne(of: k - 1, Self.beforeNoun)
    }

    static let determiners = WordList([
        "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "au", "aux", "ce", "cet", "cette", "ces", "son", "sa",
        "ses", "leur", "leurs", "votre", "vos", "notre", "nos", "mon", "ma", "mes", "tout", "toute", "tous", "toutes", "chaque",
        "aucun", "aucune",
    ])

    // MARK: - Nominalisations

    /// Concrete or common nouns with the suffixes, that no verb hides.
    static let notActionNouns = WordList([
        "moment", "document", "gouvernement", "département", "appartement", "bâtiment", "élément", "vêtement", "instrument",
        "monument", "aliment", "médicament", "parlement", "segment", "nation", "station", "section", "question", "portion",
        "occasion", "version", "télévision", "france", "chance", "science", "message", "page", "image", "village", "visage",
        "fromage", "courage", "dommage", "stage", "garage", "étage", "plage", "ouvrage", "personnage", "âge", "mariage",
        "logement", "établissement", "association", "direction", "administration", "commission", "juridiction", "fonction",
        "condition", "convention", "région", "profession", "pension", "mention",
    ])

    /// Whether token `k` is an action noun: `-tion`, `-sion`, `-ment`, `-age`, `-ance`, `-ence` (and
    /// plurals), of 6 letters or more. `-ment`, `-age` need a determiner or `de` before them, which
    /// sets nouns (`le remboursement`) apart from adverbs (`conformément`, `seulement`).
    func isActionNoun(_ k: Int, _ c: Context) -> Bool {
        guard c.isWord(k), !c.tokens[k].flags.contains(.elided), c.forms.length(k) >= 6 else { return false }
        let f = c.forms
        for suffix in Self.nounSuffixes.words where f.hasSuffix(k, suffix) {
            return !f.agrees(k, withOneOf: Self.notActionNouns)
        }
        for suffix in Self.ambiguousSuffixes.words where f.hasSuffix(k, suffix) {
            let afterDeterminer = f.isOne(of: k - 1, Self.determiners) || f.equals(k - 1, "en") || f.equals(k - 1, "par")
            return afterDeterminer && !f.agrees(k, withOneOf: Self.notActionNouns)
        }
        return false
    }

    func nominalisations(_ sentence: Sentence, _ c: inout Context) {
        var found: [Int] = []
        for k in sentence.tokens where isActionNoun(k, c) { found.append(k) }
        guard found.count >= nominalisationsPerSentence else { return }
        let shown = found.prefix(3).map { "« \(c.text($0...$0)) »" }.joined(separator: ", ")
        let more = found.count > 3 ? "…" : ""
        c.add(
            NominalisationRule.description, sentence.range,
            "\(found.count) noms d'action dans cette phrase (\(shown)\(more)) : ils la rendent abstraite. Remplacez-en certains par des verbes, par exemple « en cas de non-paiement » → « si vous ne payez pas ».")
    }

    // MARK: - Double negations

    static let negationWords = WordList(["pas", "point", "jamais", "plus", "rien", "aucun", "aucune", "nullement"])
    static let negativeAdjectives = WordList([
        "impossible", "inutile", "interdit", "exclu", "illégal", "illégaux", "irrégulier", "improbable", "inexact",
        "incompatible", "inévitable", "inconnu", "négligeable", "inacceptable", "invalide", "irrecevable",
    ])

    func doubleNegations(_ sentence: Sentence, _ c: inout Context) {
        let f = c.forms
        let end = sentence.tokens.upperBound
        var taken = sentence.tokens.lowerBound  // no two findings on the same words
        for k in sentence.tokens where k >= taken {
            var match: (ClosedRange<Int>, String)?
            if f.isOne(of: k, Self.ne) {
                // ne … pas/jamais … sans
                if let neg = ((k + 1)..<min(k + 5, end)).first(where: { f.isOne(of: $0, Self.negationWords) }) {
                    if let sans = ((neg + 1)..<min(neg + 4, end)).first(where: { f.equals($0, "sans") }) {
                        match = (k...sans, "« ne … \(c.text(neg...neg)) sans » : dites-le à la forme positive, par exemple « entraîne » plutôt que « n'est pas sans entraîner ».")
                    } else if neg + 1 < end, f.agrees(neg + 1, withOneOf: Self.negativeAdjectives) {
                        let adjective = c.text((neg + 1)...(neg + 1))
                        match = (k...(neg + 1), "« \(c.text(k...(neg + 1))) » : deux négations qui s'annulent. Écrivez la phrase à la forme positive (« \(positive(adjective)) »).")
                    }
                }
                // ne … qu'à condition de / que sous réserve de
                if match == nil, let que = ((k + 1)..<min(k + 7, end)).first(where: { f.isOne(of: $0, Self.que) }),
                    let condition = ((que + 1)..<min(que + 3, end)).first(where: { f.isOne(of: $0, Self.condition) })
                {
                    match = (k...condition, "« ne … \(c.text(que...condition)) » : commencez par la condition, à la forme positive : « si vous …, vous pouvez … ».")
                }
            } else if f.equals(k, "non") && isParticiple(k + 1, c) || f.hasPrefix(k, "non-") {
                // non … ne: "les demandes non signées ne sont pas traitées"; not "maladie non professionnelle".
                if let ne = ((k + 1)..<min(k + 10, end)).first(where: { f.isOne(of: $0, Self.ne) }) {
                    match = (k...ne, "« \(c.text(k...k)) … \(c.text(ne...ne)) » : deux négations dans la même phrase. Dites ce qu'il faut faire, à la forme positive.")
                }
            } else if f.isOne(of: k, Self.pasJamais), !hasNeBefore(k, sentence, c), k + 1 < end, f.agrees(k + 1, withOneOf: Self.negativeAdjectives) {
                let adjective = c.text((k + 1)...(k + 1))
                match = (k...(k + 1), "« \(c.text(k...(k + 1))) » : deux négations qui s'annulent. Écrivez « \(positive(adjective)) ».")
            }
            if let (tokens, message) = match {
                c.add(DoubleNegationRule.description, c.range(tokens), message)
                taken = tokens.upperBound + 1
            }
        }
    }

    func hasNeBefore(_ k: Int, _ sentence: Sentence, _ c: Context) -> Bool {
        let start = max(sentence.tokens.lowerBound, k - 4)
        return (start..<k).contains { c.forms.isOne(of: $0, Self.ne) }
    }

    /// `impossible` → `possible`, `inutile` → `utile`, `interdit` → `autorisé`.
    func positive(_ adjective: String) -> String {
        let lower = adjective.lowercased()
        let special: [String: String] = [
            "interdit": "autorisé", "interdite": "autorisée", "exclu": "possible", "exclue": "possible",
            "négligeable": "important", "inconnu": "connu", "inévitable": "évitable",
        ]
        if let word = special[lower] { return word }
        for prefix in ["im", "in", "il", "ir"] where lower.hasPrefix(prefix) {
            return String(lower.dropFirst(2))
        }
        return lower
    }

    // MARK: - Capitals

    func capitals(_ sentence: Sentence, _ c: inout Context) {
        var k = sentence.tokens.lowerBound
        while k < sentence.tokens.upperBound {
            guard isCapitalWord(k, c) else {
                k += 1
                continue
            }
            var last = k
            var long = 0
            var j = k
            while j < sentence.tokens.upperBound, isCapitalWord(j, c) {
                if ReadabilityCounts.letters(c.bytes, c.tokens[j]) >= 4 { long += 1 }
                last = j
                j += 1
            }
            if long >= 2 {
                let text = c.text(k...last)
                let lower = text.lowercased()
                let suggestion = lower.prefix(1).uppercased() + lower.dropFirst()
                c.add(
                    CapitalsRule.description, c.range(k...last),
                    "« \(text) » est en capitales : un texte en capitales se lit plus lentement et semble crier. Écrivez « \(suggestion) », en gras si vous voulez le faire ressortir.")
            }
            k = last + 1
        }
    }

    func isCapitalWord(_ k: Int, _ c: Context) -> Bool {
        let t = c.tokens[k]
        return t.kind == .word && t.isAllUpper && !t.flags.contains(.dotted) && !t.flags.contains(.abbreviation)
    }

    // MARK: - Numbers

    /// Words after which a long number is an identifier to copy as printed.
    static let identifierWords = WordList([
        "n°", "no", "numéro", "réf", "référence", "dossier", "allocataire", "siret", "siren", "matricule", "identifiant",
        "fiscal", "client", "contrat", "iban", "compte",
    ])

    func numbers(_ sentence: Sentence, _ c: inout Context) {
        for k in sentence.tokens where c.tokens[k].kind == .number {
            let token = c.tokens[k]
            let bytes = UnsafeBufferPointer(rebasing: c.bytes[token.range])
            let digits = bytes.count { $0 >= 0x30 && $0 <= 0x39 }
            var message: String?
            if digits == bytes.count, digits >= 6, !c.forms.isOne(of: k - 1, Self.identifierWords) {
                let text = c.text(k...k)
                if digits == 10, bytes.first == UInt8(ascii: "0") {
                    message = "« \(text) » : un numéro de téléphone se lit mieux par paires (« \(grouped(bytes, by: 2, fromLeft: true)) »)."
                } else {
                    message = "« \(text) » : un nombre aussi long se lit mal. Groupez les chiffres par trois (« \(grouped(bytes, by: 3, fromLeft: false)) »)."
                }
            } else if let date = isoDate(bytes) {
                message = "« \(c.text(k...k)) » : écrivez la date en toutes lettres (« \(date) »)."
            } else if let comma = bytes.firstIndex(of: UInt8(ascii: ",")), bytes.count - comma - 1 >= 3,
                bytes[(comma + 1)...].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
            {
                message = "« \(c.text(k...k)) » : trop de décimales pour une lecture rapide. Arrondissez, ou donnez un pourcentage ou un exemple chiffré."
            }
            if let message { c.add(HardNumberRule.description, token.range, message) }
        }
    }

    func grouped(_ digits: UnsafeBufferPointer<UInt8>, by size: Int, fromLeft: Bool) -> String {
        var out: [UInt8] = []
        for (i, d) in digits.enumerated() {
            let position = fromLeft ? i : digits.count - i
            if i > 0, position % size == 0 { out.append(0x20) }
            out.append(d)
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]

    /// `2025-03-12` → `12 mars 2025`.
    func isoDate(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ r: Range<Int>) -> Int? {
            var n = 0
            for b in bytes[r] {
                guard b >= 0x30, b <= 0x39 else { return nil }
                n = n * 10 + Int(b - 0x30)
            }
            return n
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return "\(day == 1 ? "1er" : String(day)) \(Self.months[month - 1]) \(year)"
    }

    // MARK: - Impersonal formulas

    static let thirdPersonReaders = WordList([
        "demandeur", "demanderesse", "allocataire", "bénéficiaire", "requérant", "requérante", "assuré", "assurée", "usager",
        "déclarant", "déclarante", "contribuable", "redevable", "souscripteur", "souscriptrice",
    ])
    static let obligations = WordList([
        "doit", "devra", "doivent", "devront", "peut", "pourra", "fournit", "transmet", "adresse", "joint", "produit", "justifie",
        "est", "sera",
    ])

    /// Returns the tokens the formulas cover, so that `il est demandé` is not also a passive.
    func impersonalFormulas(_ sentence: Sentence, _ c: inout Context) -> Set<Int> {
        let f = c.forms
        let end = sentence.tokens.upperBound
        var covered = Set<Int>()
        var k = sentence.tokens.lowerBound
        while k < end {
            var match: (ClosedRange<Int>, String)?
            if f.equals(k, "il") {
                match = impersonal(after: k, end: end, c)
            } else if f.isOne(of: k, Self.definiteArticles), k + 1 < end, f.agrees(k + 1, withOneOf: Self.interesse) {
                match = (k...(k + 1), "« \(c.text(k...(k + 1))) » : si la lettre s'adresse à cette personne, écrivez « vous ».")
            } else if c.addressesReader, f.isOne(of: k, Self.singularArticles), k + 2 < end, f.isOne(of: k + 1, Self.thirdPersonReaders),
                f.isOne(of: k + 2, Self.obligations)
            {
                var last = k + 2
                if f.isOne(of: last, Self.estSera) {
                    guard last + 1 < end, f.agrees(last + 1, withOneOf: Self.bound) else {
                        k += 1
                        continue
                    }
                    last += 1
                }
                match = (k...last, "« \(c.text(k...last)) » : la lettre s'adresse au lecteur ; écrivez « vous » (« vous devez … »).")
            }
            if let (tokens, message) = match {
                c.add(ImpersonalFormulaRule.description, c.range(tokens), message)
                covered.formUnion(tokens)
                k = tokens.upperBound + 1
            } else {
                k += 1
            }
        }
        return covered
    }

    /// The formula that starts with the impersonal `il` at `k`, if any.
    func impersonal(after k: Int, end: Int, _ c: Context) -> (ClosedRange<Int>, String)? {
        let f = c.forms
        var j = k + 1
        if f.isOne(of: j, Self.indirectObjects) { j += 1 }
        guard j < end else { return nil }
        if f.isOne(of: j, Self.belongs) {
            var last = j
            // "à l'intéressé", "aux bénéficiaires": take the person named, up to two words.
            if f.isOne(of: j + 1, Self.to), j + 1 < end {
                last = j + 1
                if j + 2 < end, c.isWord(j + 2), f.isOne(of: j + 2, Self.determiners) || c.tokens[j + 2].flags.contains(.elided) {
                    last = j + 2
                    if j + 3 < end, c.isWord(j + 3) { last = j + 3 }
                } else if j + 2 < end, c.isWord(j + 2), !f.isOne(of: j + 2, Self.of) {
                    last = j + 2
                }
            }
            return (k...last, "« \(c.text(k...last)) » : formule impersonnelle. Adressez-vous au lecteur : « vous devez … ».")
        }
        if f.equals(j, "convient"), f.isOne(of: j + 1, Self.of), j + 1 < end {
            return (k...(j + 1), "« \(c.text(k...(j + 1))) » : dites qui doit agir : « vous devez … » ou « nous allons … ».")
        }
        if f.equals(j, "y"), f.equals(j + 1, "a"), f.equals(j + 2, "lieu"), j + 2 < end {
            return (k...(j + 2), "« \(c.text(k...(j + 2))) » : écrivez « vous devez … » ou « il faut … ».")
        }
        if f.isOne(of: j, Self.estSera), j + 1 < end {
            let next = j + 1
            if f.agrees(next, withOneOf: Self.asked) {
                return (k...next, "« \(c.text(k...next)) » : dites qui demande quoi : « nous vous demandons de … ».")
            }
            if f.agrees(next, withOneOf: Self.reminded) {
                return (k...next, "« \(c.text(k...next)) » : formule inutile. Donnez directement l'information.")
            }
            if f.agrees(next, withOneOf: Self.advised) {
                return (k...next, "« \(c.text(k...next)) » : écrivez « nous vous conseillons de … ».")
            }
            if f.isOne(of: next, Self.necessary),
                f.isOne(of: next + 1, Self.ofOrThat), next + 1 < end
            {
                return (k...(next + 1), "« \(c.text(k...(next + 1))) » : écrivez « vous devez … ».")
            }
        }
        return nil
    }

    // MARK: - Word lists (static, so that no array is built per token)

    static let secondPerson = WordList(["vous", "votre", "vos"])
    static let firstGroupEndings = WordList(["é", "ée", "és", "ées"])
    static let vowelEndings = WordList(["i", "ie", "is", "ies", "u", "ue", "us", "ues"])
    static let reflexives = WordList(["se", "s'", "me", "m'", "te", "t'"])
    static let nousVous = WordList(["nous", "vous"])
    static let beforeNoun = WordList(["l'", "un", "cet", "les", "des", "à"])
    static let nounSuffixes = WordList(["tion", "tions", "sion", "sions", "ance", "ances", "ence", "ences"])
    static let ambiguousSuffixes = WordList(["ment", "ments", "age", "ages"])
    static let ne = WordList(["ne", "n'"])
    static let que = WordList(["que", "qu'"])
    static let condition = WordList(["condition", "réserve"])
    static let pasJamais = WordList(["pas", "jamais"])
    static let definiteArticles = WordList(["l'", "le", "la", "les"])
    static let interesse = WordList(["intéressé"])
    static let singularArticles = WordList(["l'", "le", "la"])
    static let estSera = WordList(["est", "sera"])
    static let bound = WordList(["tenu", "invité", "prié"])
    static let indirectObjects = WordList(["vous", "lui", "leur", "nous"])
    static let belongs = WordList(["appartient", "appartiendra", "incombe", "incombera"])
    static let to = WordList(["à", "au", "aux"])
    static let of = WordList(["de", "d'"])
    static let asked = WordList(["demandé"])
    static let reminded = WordList(["rappelé", "précisé", "signalé", "indiqué"])
    static let advised = WordList(["recommandé", "conseillé"])
    static let necessary = WordList(["nécessaire", "impératif", "indispensable", "obligatoire", "impérativement"])
    static let ofOrThat = WordList(["de", "d'", "que", "qu'"])
}
