import Foundation
import Testing

@testable import Limpide

/// A small lexicon written for these tests, so that engine tests do not depend on the bundled data.
let testLexicon = Lexicon(files: [
    Lexicon.File(name: "domaines.tsv", text: """
        domaine\tlibelle\tindices
        general\tGénéral\t
        famille-logement\tFamille\tallocataire|loyer
        etrangers\tÉtrangers\tpréfecture|titre de séjour|OQTF
        justice\tJustice\ttribunal
        """),
    Lexicon.File(name: "test.tsv", text: """
        forme\tvariantes\ttype\tdeveloppement\texplication\tremplacement\tdomaines\tsource\tnote
        CAF\t\tsigle\tCaisse d'allocations familiales\tl'organisme qui verse les aides au logement et aux familles\t\tfamille-logement\tLimpide\t
        APL\t\tsigle\taide personnalisée au logement\tune aide de la CAF pour payer une partie du loyer\t\tfamille-logement\tLimpide\t
        URSSAF\tUrssaf\tsigle\tunion de recouvrement des cotisations de sécurité sociale et d'allocations familiales\tl'organisme qui collecte les cotisations sociales\t\tgeneral\tLimpide\t
        CRA\t\tsigle\tcommission de recours amiable\tle groupe qui réexamine une décision si vous la contestez\t\tfamille-logement,justice\tLimpide\t
        CRA\t\tsigle\tcentre de rétention administrative\tun lieu où la préfecture retient un étranger avant son départ\t\tetrangers,justice\tLimpide\t
        TéléRC\t\tsigle\ttéléservice rupture conventionnelle\tle site pour demander une rupture conventionnelle\t\tgeneral\tLimpide\t
        à compter de\t\tformule\t\tà partir de\tà partir de\tgeneral\tLimpide\t
        afin de\t\tformule\t\tpour\tpour\tgeneral\tLimpide\t
        pièce justificative\t\tjargon\t\tun document qui prouve ce que vous dites\tpreuve | preuves\tgeneral\tLimpide\t
        mise en demeure\tmettre en demeure | met en demeure\tjuridique\t\tune lettre officielle qui exige de faire quelque chose avant une date\t\tjustice\tLimpide\t
        recours gracieux\t\tjuridique\t\tdemander à l'administration qui a décidé de changer sa décision\t\tjustice\tLimpide\t
        le cas échéant\t\tformule\t\tsi besoin\tsi besoin\tgeneral\tLimpide\t
        en date du\t\tformule\t\tdaté du\tdu\tgeneral\tLimpide\t
        il vous appartient de\t\tformule\t\tc'est à vous de\tvous devez\tgeneral\tLimpide\t
        entrée en vigueur\t\tjargon\t\tle moment où une règle commence à s'appliquer\tapplication\tgeneral\tLimpide\t
        or\t\tformule\t\tmot qui introduit une objection\tpourtant\tgeneral\tLimpide\t
        """),
])

func analyze(_ text: String, lexicon: Lexicon = testLexicon) -> Analysis {
    Analyzer(lexicon: lexicon).analyze(text)
}

/// The lexicon's findings only (acronyms and jargon), without plain-language signals.
func lexiconTexts(_ analysis: Analysis) -> [String] {
    analysis.findings.filter { $0.kind == .acronym || $0.kind == .jargon }.map(\.text)
}

func matchedTexts(_ text: String) -> [String] {
    analyze(text).findings.filter { $0.kind == .acronym || $0.kind == .jargon }.map(\.text)
}

@Suite("Lexicon engine")
struct LexiconEngineTests {
    @Test("the test lexicon loads without issues")
    func loads() {
        #expect(testLexicon.issues.isEmpty)
        #expect(testLexicon.entries.count == 16)
        #expect(testLexicon.domains.count == 4)
    }

    @Test("bad lines are reported as fichier:ligne: message and skipped")
    func badLines() {
        let lexicon = Lexicon(files: [
            Lexicon.File(name: "domaines.tsv", text: "domaine\tlibelle\tindices\ngeneral\tGénéral\t\n"),
            Lexicon.File(name: "mauvais.tsv", text: "forme\ttype\texplication\tdomaines\tdeveloppement\nABC\tsigle\t\tgeneral\t\nbonjour\tinconnu\tx\tgeneral\t\nsalut\tjargon\t\tgeneral\t\nmot\tjargon\tune chose\tnulle-part\t\nbon\tjargon\tune chose\tgeneral\t\textra\ttrop\ncorrect\tjargon\tune chose correcte\tgeneral\t\n"),
        ])
        #expect(lexicon.entries.map(\.form) == ["correct"])
        #expect(lexicon.issues.map(\.description) == [
            "mauvais.tsv:2: sigle « ABC » sans développement",
            "mauvais.tsv:3: type inconnu « inconnu » pour « bonjour » (sigle, jargon, formule, juridique, latin ou nom)",
            "mauvais.tsv:4: explication vide pour « salut »",
            "mauvais.tsv:5: domaine inconnu « nulle-part » pour « mot » (voir domaines.tsv)",
            "mauvais.tsv:6: trop de colonnes (7 au lieu de 5) : une tabulation en trop ?",
        ])
    }

    @Test("a file without the needed header and a file with bad encoding are reported")
    func badFiles() {
        let noHeader = Lexicon(files: [Lexicon.File(name: "x.tsv", text: "APL\tsigle\n")])
        #expect(noHeader.issues.first?.description.hasPrefix("x.tsv:1: en-tête incomplet") == true)
        let badEncoding = Lexicon(files: [Lexicon.File(name: "y.tsv", text: "forme\ttype\texplication\nd\u{FFFD}lai\tjargon\tx\n")])
        #expect(badEncoding.issues.first?.description == "y.tsv:2: encodage invalide : le fichier doit être en UTF-8")
    }

    @Test("CRLF, BOM and quoted cells from spreadsheets are read")
    func spreadsheetExport() {
        let lexicon = Lexicon(files: [Lexicon.File(name: "z.tsv", text: "\u{FEFF}forme\ttype\texplication\r\n\"recours\"\tjargon\t\"une \"\"demande\"\" de revoir\"\r\n")])
        #expect(lexicon.issues.isEmpty)
        #expect(lexicon.entries.first?.explanation == "une \"demande\" de revoir")
    }

    @Test("jargon matches without case or accents, and the longest form wins")
    func jargonFolding() {
        #expect(matchedTexts("A compter de demain") == ["A compter de"])
        #expect(matchedTexts("À COMPTER DE demain") == ["À COMPTER DE"])
        #expect(matchedTexts("Le cas échéant, écrivez-nous.") == ["Le cas échéant"])
        #expect(matchedTexts("la mise en demeure est partie") == ["mise en demeure"])
        #expect(matchedTexts("nous vous avons mis en demeure") == [])
        #expect(matchedTexts("il vous met en demeure") == ["met en demeure"])
    }

    @Test("accents are ignored only when the text leaves them out")
    func accents() {
        let lexicon = testLexicon.adding([Lexicon.File(name: "extra.tsv", text: "forme\ttype\texplication\tdomaines\narrêté\tjuridique\tune décision écrite d'une autorité\tgeneral\n")])
        #expect(lexiconTexts(analyze("un arrêté du maire", lexicon: lexicon)) == ["arrêté"])
        #expect(lexiconTexts(analyze("la CAF arrête le versement", lexicon: lexicon)) == ["CAF"])
        #expect(lexiconTexts(analyze("ARRETE DU MAIRE", lexicon: lexicon)) == ["ARRETE"])
        #expect(lexiconTexts(analyze("ARRÊTÉS", lexicon: lexicon)) == ["ARRÊTÉS"])
        #expect(lexiconTexts(analyze("arre\u{0302}te\u{0301}", lexicon: lexicon)).count == 1)
    }

    @Test("NFD input matches like NFC")
    func nfd() {
        #expect(matchedTexts("le cas e\u{0301}che\u{0301}ant") == ["cas e\u{0301}che\u{0301}ant"].map { "le " + $0 })
    }

    @Test("plural, inclusive and elided forms")
    func inflectedForms() {
        #expect(matchedTexts("des pièces justificatives") == ["pièces justificatives"])
        #expect(matchedTexts("la ou les pièce(s) justificative(s)") == ["pièce(s) justificative(s)"])
        #expect(matchedTexts("afin d'obtenir l'APL") == ["afin d'", "APL"])
        #expect(matchedTexts("à compter du 1er mars") == ["à compter du"])
        #expect(matchedTexts("des APL et l'URSSAF") == ["APL", "URSSAF"])
    }

    @Test("acronyms are case-aware: CAF, Caf, C.A.F. but not caf")
    func acronymCase() {
        #expect(matchedTexts("la CAF, la Caf et la C.A.F.") == ["CAF", "Caf", "C.A.F."])
        #expect(matchedTexts("un caf et un Cafard") == [])
        #expect(matchedTexts("Urssaf, URSSAF, urssaf") == ["Urssaf", "URSSAF"])
        #expect(matchedTexts("le TéléRC") == ["TéléRC"])
    }

    @Test("a common word in capitals or at the start of a sentence is not an acronym")
    func commonWords() {
        #expect(matchedTexts("Or, vous n'avez pas répondu.") == ["Or"])
        #expect(analyze("Or, vous n'avez pas répondu.").findings.first?.kind == .jargon)
    }

    @Test("e-mails and URLs are never matched")
    func addresses() {
        #expect(matchedTexts("écrivez à caf@caf.fr ou sur www.caf.fr/afin-de") == [])
    }

    @Test("ambiguous acronyms are resolved by the document's domain")
    func ambiguity() {
        let caf = analyze("La CAF a rejeté votre demande d'APL. Vous pouvez saisir la CRA.").findings.first { $0.text == "CRA" }
        #expect(caf?.expansion == "commission de recours amiable")
        #expect(caf?.candidates.first?.expansion == "centre de rétention administrative")
        let prefecture = analyze("La préfecture a pris une OQTF. Vous serez placé en CRA.").findings.first { $0.text == "CRA" }
        #expect(prefecture?.expansion == "centre de rétention administrative")
    }

    @Test("an acronym defined only later is still expanded at its first use")
    func definedLater() {
        let analysis = analyze("Votre APL baisse. L'aide personnalisée au logement (APL) dépend du loyer.")
        #expect(analysis.findings.first?.rule == "sigle-defini-apres")
        #expect(analysis.findings.first?.severity == .avertissement)
        #expect(Rewriter.rewrite(analysis).text.hasPrefix("Votre APL (aide personnalisée au logement : une aide"))
    }

    @Test("words of a definition's long form are not glossed as jargon")
    func longFormNotJargon() {
        let analysis = analyze("La pièce justificative nationale (PJN) est prête.")
        #expect(analysis.findings.filter { $0.kind == .jargon }.isEmpty)
    }

    @Test("the long form of an explained acronym is not glossed as jargon")
    func longFormsAbsorbJargon() {
        let lexicon = testLexicon.adding([Lexicon.File(name: "extra.tsv", text: "forme\ttype\texplication\tdomaines\nallocations familiales\tjargon\tune aide pour les familles\tfamille-logement\n")])
        #expect(lexiconTexts(analyze("Les allocations familiales baissent.", lexicon: lexicon)) == ["allocations familiales"])
        #expect(lexiconTexts(analyze("La Caisse d'allocations familiales du Rhône", lexicon: lexicon)).isEmpty)
    }

    @Test("the text's own definition wins")
    func definitions() {
        let analysis = analyze("La Caisse d'allocations familiales (CAF) vous écrit. La CAF a reçu votre dossier.")
        let findings = analysis.findings.filter { $0.text == "CAF" }
        #expect(findings.count == 2)
        #expect(findings.allSatisfy { $0.definedInText })
        #expect(findings[0].rule == "sigle-defini")
        #expect(findings[0].expansion == "Caisse d'allocations familiales")
        let undefined = analyze("Votre dossier est à la CAF.").findings.first
        #expect(undefined?.rule == "sigle-non-defini")
        #expect(undefined?.definedInText == false)
    }

    @Test("looking up a term ignores case and accents")
    func lookup() {
        #expect(testLexicon.entries(for: "a compter de").first?.form == "à compter de")
        #expect(testLexicon.entries(for: "cra").count == 2)
    }
}

@Suite("Replacements")
struct ReplacementTests {
    func replaced(_ text: String) -> String {
        Rewriter.rewrite(analyze(text), style: .replace).text
    }

    @Test("capitals at the start of a sentence")
    func capitals() {
        #expect(replaced("Afin de payer, écrivez.").hasPrefix("Pour payer"))
        #expect(replaced("Le cas échéant, joignez un RIB.").hasPrefix("Si besoin, joignez"))
    }

    @Test("elision: afin d'obtenir → pour obtenir, never de à partir")
    func elision() {
        #expect(replaced("afin d'obtenir l'aide") .hasPrefix("pour obtenir l'aide"))
        #expect(replaced("afin d’obtenir") == "pour obtenir")
        #expect(replaced("la date d'entrée en vigueur") == "la date d'application")
    }

    @Test("contractions: à compter du → à partir du")
    func contractions() {
        #expect(replaced("à compter du 1er mars") == "à partir du 1er mars")
        #expect(replaced("À compter des prochains mois") == "À partir des prochains mois")
        #expect(replaced("Votre courrier en date du 3 mai") == "Votre courrier du 3 mai")
    }

    @Test("number: singular and plural replacements")
    func number() {
        #expect(replaced("une pièce justificative") == "une preuve")
        #expect(replaced("les pièces justificatives") == "les preuves")
    }

    @Test("gloss style explains the first occurrence only, and inserts nothing else")
    func gloss() {
        let text = "L'APL est versée. L'APL baisse. Il vous appartient de répondre."
        let rewrite = Rewriter.rewrite(analyze(text))
        #expect(rewrite.text == "L'APL (aide personnalisée au logement : une aide de la CAF pour payer une partie du loyer) est versée. L'APL baisse. Il vous appartient de (c'est à vous de) répondre.")
        #expect(removingInsertions(rewrite) == text)
    }

    @Test("after an elision, the explanation comes after the next word")
    func glossAfterElision() {
        let rewrite = Rewriter.rewrite(analyze("afin d'obtenir"))
        #expect(rewrite.text == "afin (pour) d'obtenir")
    }
}

/// The rewritten text without what Limpide inserted.
func removingInsertions(_ rewrite: Rewrite) -> String {
    var bytes = Array(rewrite.text.utf8)
    for range in rewrite.insertions.reversed() { bytes.removeSubrange(range) }
    return String(decoding: bytes, as: UTF8.self)
}
