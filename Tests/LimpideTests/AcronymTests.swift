import Foundation
import Testing

@testable import Limpide

/// Acronym findings of a text with the test lexicon: (text, rule).
func acronyms(_ text: String, lexicon: Lexicon = testLexicon) -> [(String, String)] {
    analyze(text, lexicon: lexicon).findings.filter { $0.kind == .acronym }.map { ($0.text, $0.rule) }
}

func acronymTexts(_ text: String) -> [String] { acronyms(text).map(\.0) }

@Suite("Acronyms as a reader meets them")
struct AcronymTests {
    @Test("unknown acronyms: capitals, dotted forms, digits, inner capitals")
    func unknownCandidates() {
        #expect(acronyms("Votre dossier ZQWX est prêt.").map(\.1) == ["sigle-inconnu"])
        #expect(acronymTexts("le Z.Q.W. de Lyon") == ["Z.Q.W."])
        #expect(acronymTexts("les pôles 3E et le 2D-Doc") == ["3E", "2D-Doc"])
        #expect(acronymTexts("un PaQS signé") == ["PaQS"])
    }

    @Test("false-positive traps: Roman numerals, units, headings, names, placeholders, first words")
    func traps() {
        #expect(acronymTexts("Le titre II du livre XIV.") == [])
        #expect(acronymTexts("Il roule à 50 KM par heure.") == [])
        #expect(acronymTexts("LETTRE RECOMMANDÉE AVEC ACCUSÉ DE RÉCEPTION") == [])
        #expect(acronymTexts("OBJET : DEMANDE DE LOGEMENT") == [])
        #expect(acronymTexts("Madame Claire DUPONT\nM. MARTIN et Mme ROLLAND") == [])
        #expect(acronymTexts("MADAME, MONSIEUR,") == [])
        #expect(acronymTexts("Le responsable du service\nJean-Marc ROLLAND") == [])
        #expect(acronymTexts("Né le JJ/MM/AAAA, dossier XXX, signé [NOM].") == [])
        #expect(acronymTexts("Votre demande est complète. Merci.") == [])
        #expect(acronymTexts("C'est la CAF.") == ["CAF"])
        #expect(acronymTexts("Réf. : QZW/XKB/2025/0157-AN, dossier AEF-2025-03-1185427") == [])
        #expect(acronymTexts("Lettre n° 1A XXX XXX, article L57 et R421-1 du code") == [])
    }

    @Test("a single letter is an acronym only when the text defines it")
    func singleLetter() {
        #expect(acronymTexts("Le pôle T (Travail) vous répond. Le pôle T est ouvert.") == ["T", "T"])
        #expect(acronymTexts("La vitamine C est utile.") == [])
    }

    @Test("definitions in French styles", arguments: [
        "La Caisse d'allocations familiales (CAF) vous écrit. La CAF répond.",
        "La CAF (Caisse d'allocations familiales) vous écrit. La CAF répond.",
        "CAF : Caisse d'allocations familiales\nLa CAF répond.",
        "La caisse d'allocations familiales, dite CAF, vous écrit. La CAF répond.",
        "La caisse d'allocations familiales, ci-après dénommée « la CAF », vous écrit. La CAF répond.",
    ])
    func definitionStyles(text: String) {
        let findings = analyze(text).findings.filter { $0.kind == .acronym }
        #expect(findings.count == 2)
        #expect(findings.allSatisfy { $0.definedInText })
        #expect(findings.allSatisfy { $0.rule == "sigle-defini" })
        #expect(Folding.fold(findings.first?.expansion ?? "") == "caisse d'allocations familiales")
    }

    @Test("syllable acronyms: COMED for commission de médiation, with accents and elisions")
    func syllableAcronyms() {
        let findings = analyze("La commission de médiation, dite COMED, se réunit. La COMED décide.").findings.filter { $0.kind == .acronym }
        #expect(findings.map(\.text) == ["COMED", "COMED"])
        #expect(findings.first?.expansion == "commission de médiation")
        #expect(findings.first?.rule == "sigle-defini")
    }

    @Test("a random parenthesis is not a definition")
    func randomParenthesis() {
        let findings = analyze("Envoyez le formulaire signé (ZQWX) avant lundi.").findings.filter { $0.kind == .acronym }
        #expect(findings.first?.definedInText == false)
        #expect(findings.first?.rule == "sigle-inconnu")
    }

    @Test("first use undefined, defined later, unknown: one warning at first use, info after")
    func rules() {
        let later = analyze("Votre APL baisse. L'aide personnalisée au logement (APL) dépend du loyer. L'APL est versée.").findings.filter { $0.kind == .acronym }
        #expect(later.map(\.rule) == ["sigle-defini-apres", "sigle-defini", "sigle-defini"])
        #expect(later.map(\.severity) == [.avertissement, .info, .info])
        let undefined = analyze("La CAF écrit. La CAF paie.").findings.filter { $0.kind == .acronym }
        #expect(undefined.map(\.rule) == ["sigle-non-defini", "sigle-non-defini"])
        #expect(undefined.map(\.severity) == [.avertissement, .info])
        let unknown = analyze("Le ZQWX écrit.").findings.first { $0.kind == .acronym }
        #expect(unknown?.expansion == nil)
        #expect(unknown?.message.contains("sigle inconnu") == true)
    }

    @Test("the text's definition wins over the lexicon, for the whole document")
    func textDefinitionWins() {
        let findings = analyze("Le centre de rétention administrative (CRA) est fermé. Le CRA rouvre.").findings.filter { $0.text == "CRA" }
        #expect(findings.allSatisfy { $0.expansion == "centre de rétention administrative" })
        #expect(findings.first?.candidates.first?.expansion == "commission de recours amiable")
    }

    @Test("both meanings of CRA, by the document's domain")
    func craMeanings() {
        let caf = analyze("L'allocataire conteste l'indu de la CAF devant la CRA.").findings.first { $0.text == "CRA" }
        #expect(caf?.expansion == "commission de recours amiable")
        let prefecture = analyze("La préfecture a pris une OQTF : vous êtes placé au CRA.").findings.first { $0.text == "CRA" }
        #expect(prefecture?.expansion == "centre de rétention administrative")
    }

    @Test("undecidable: say so and list the likely meanings rather than guess")
    func undecidable() {
        let finding = analyze("Écrivez au CRA.").findings.first { $0.text == "CRA" }
        #expect(finding?.isAmbiguous == true)
        #expect(finding?.message.contains("plusieurs sens possibles") == true)
        #expect(Rewriter.gloss(for: finding ?? Finding(rule: "", kind: .acronym, severity: .info, range: 0..<0, text: ""))?.contains("sens possibles") == true)
    }

    @Test("an acronym inside a longer expression is still reported")
    func acronymInsideJargon() {
        let lexicon = testLexicon.adding([Lexicon.File(name: "x.tsv", text: "forme\ttype\texplication\tdomaines\nbénéficiaire de l'APL\tjargon\tpersonne qui touche l'aide\tfamille-logement\n")])
        let texts = analyze("Le bénéficiaire de l'APL écrit.", lexicon: lexicon).findings.map(\.text)
        #expect(texts.contains("APL"))
        #expect(texts.contains("bénéficiaire de l'APL"))
    }

    @Test("compound acronyms joined by a hyphen are split: CUI-CIE")
    func compounds() {
        let lexicon = testLexicon.adding([Lexicon.File(name: "x.tsv", text: "forme\ttype\tdeveloppement\texplication\tdomaines\nCUI\tsigle\tcontrat unique d'insertion\tun contrat aidé\tgeneral\n")])
        let findings = analyze("Le contrat initiative emploi (CUI-CIE) est signé.", lexicon: lexicon).findings.filter { $0.kind == .acronym }
        #expect(findings.map(\.text) == ["CUI", "CIE"])
        #expect(findings.last?.expansion == "contrat initiative emploi")
        #expect(findings.last?.definedInText == true)
    }
}

@Suite("Corpus annotations")
struct AnnotationTests {
    struct Totals {
        var annotated = 0, detected = 0, ourForms = 0, correctForms = 0, rightMeaning = 0, offered = 0, definedAgree = 0
        var jargon = 0, jargonFound = 0
    }

    static func letters(_ text: String) -> String {
        String(Folding.fold(text).unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) })
    }

    static func sameMeaning(_ a: String?, _ b: String) -> Bool {
        guard let a else { return false }
        let wa = LexiconDetector.significantWords(a)
        let wb = LexiconDetector.significantWords(b)
        guard !wa.isEmpty, !wb.isEmpty else { return false }
        return Double(wa.intersection(wb).count) / Double(min(wa.count, wb.count)) >= 0.6
    }

    /// Per distinct acronym form per document, on the .txt files of ../shared/corpus.
    @Test("detection, meaning, definitions and jargon coverage on the annotated corpus")
    func measure() throws {
        let data = try Data(contentsOf: Paths.corpus.appending(path: "annotations.json"))
        let annotations = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
        var t = Totals()
        for (name, annotation) in annotations.sorted(by: { $0.key < $1.key }) where name.hasSuffix(".txt") {
            let text = try Paths.text(Paths.corpus.appending(path: name))
            let analysis = sharedAnalyzer.analyze(text)
            let ours = Dictionary(grouping: analysis.findings.filter { $0.kind == .acronym }, by: { Self.letters($0.text) })
            var annotatedKeys = Set<String>()
            for acronym in annotation["acronyms"] as? [[String: Any]] ?? [] {
                let form = acronym["form"] as? String ?? ""
                let forms = [form] + (acronym["variants"] as? [String] ?? [])
                let keys = forms.map(Self.letters)
                annotatedKeys.formUnion(keys)
                let expansion = acronym["expansion"] as? String ?? ""
                t.annotated += 1
                let found = keys.flatMap { ours[$0] ?? [] }
                guard let first = found.first else { continue }
                t.detected += 1
                if Self.sameMeaning(first.expansion, expansion) { t.rightMeaning += 1 }
                if Self.sameMeaning(first.expansion, expansion) || first.candidates.contains(where: { Self.sameMeaning($0.expansion, expansion) }) { t.offered += 1 }
                if found.contains(where: \.definedInText) == (acronym["defined_in_text"] as? Bool ?? false) { t.definedAgree += 1 }
            }
            t.ourForms += ours.count
            t.correctForms += ours.keys.filter { annotatedKeys.contains($0) }.count
            let bytes = Array(text.utf8)
            let jargon = analysis.findings.filter { $0.kind == .jargon }
            for phrase in annotation["jargon"] as? [String] ?? [] {
                t.jargon += 1
                let needle = Array(phrase.utf8)
                var found = false
                var start = 0
                while !found, start + needle.count <= bytes.count, let index = bytes[start...].firstRange(of: needle)?.lowerBound {
                    let range = index..<(index + needle.count)
                    found = jargon.contains { $0.range.overlaps(range) }
                    start = index + 1
                }
                if found { t.jargonFound += 1 }
            }
        }
        func share(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }
        #expect(share(t.detected, t.annotated) >= 0.95, "recall \(t.detected)/\(t.annotated)")
        #expect(share(t.correctForms, t.ourForms) >= 0.90, "precision \(t.correctForms)/\(t.ourForms)")
        #expect(share(t.rightMeaning, t.detected) >= 0.90, "meaning \(t.rightMeaning)/\(t.detected)")
        #expect(share(t.definedAgree, t.detected) >= 0.90, "definedInText \(t.definedAgree)/\(t.detected)")
        #expect(share(t.offered, t.annotated) >= 0.95, "meaning offered \(t.offered)/\(t.annotated)")
        #expect(share(t.jargonFound, t.jargon) >= 0.70, "jargon \(t.jargonFound)/\(t.jargon)")
    }
}

@Suite("Jargon with several meanings")
struct JargonMeaningTests {
    func explanation(_ text: String, _ term: String) -> String? {
        sharedAnalyzer.analyze(text).findings.first { $0.kind == .jargon && $0.text == term }?.explanation
    }

    @Test("the document's domain chooses; with no cue, the general meaning")
    func regularisation() {
        let residence = explanation("Vous pouvez demander la régularisation de votre situation à la préfecture pour votre titre de séjour.", "régularisation")
        #expect(residence?.contains("étranger") == true)
        let general = explanation("La régularisation des sommes se fait en fin d'année.", "régularisation")
        #expect(general?.contains("mise en règle") == true)
    }
}
