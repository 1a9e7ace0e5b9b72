import Foundation
import Testing

@testable import Limpide

@Suite("Tokenizer")
struct TokenizerTests {
    @Test("elisions split after the apostrophe, with ' and ’")
    func elisions() {
        #expect(tokenTexts("l'APL d’un qu'il jusqu'au lorsqu’elle puisqu'on") == ["l'", "APL", "d’", "un", "qu'", "il", "jusqu'", "au", "lorsqu’", "elle", "puisqu'", "on"])
        #expect(tokenTexts("aujourd'hui presqu'île") == ["aujourd'hui", "presqu'île"])
        #expect(tokenTexts("« l'État »") == ["«", "l'", "État", "»"])
        let tokens = Tokenizer.tokenize("l'URSSAF")
        #expect(tokens[0].flags.contains(.elided))
    }

    @Test("hyphenated compounds stay whole")
    func compounds() {
        #expect(tokenTexts("ci-joint, peut-être un rendez-vous vous-même y-a-t-il") == ["ci-joint", ",", "peut-être", "un", "rendez-vous", "vous-même", "y-a-t-il"])
        #expect(tokenTexts("Agirc-Arrco 2D-Doc") == ["Agirc-Arrco", "2D-Doc"])
        #expect(tokenTexts("fin - début") == ["fin", "-", "début"])
    }

    @Test("numbers, amounts, dates, ordinals and references")
    func numbers() {
        #expect(tokenTexts("1 234,56 €") == ["1 234,56", "€"])
        #expect(tokenTexts("7\u{00A0}850,00\u{00A0}€") == ["7\u{00A0}850,00", "€"])
        #expect(tokenTexts("15 %") == ["15", "%"])
        #expect(tokenTexts("le 12/03/2025 à 10h30") == ["le", "12/03/2025", "à", "10h30"])
        #expect(tokenTexts("1er 2e 3ème 1re") == ["1er", "2e", "3ème", "1re"])
        #expect(tokenTexts("n° 123, article L. 262-37") == ["n°", "123", ",", "article", "L.", "262-37"])
        #expect(tokenTexts("cerfa n° 12345*01") == ["cerfa", "n°", "12345*01"])
        #expect(tokenTexts("2 fois 3") == ["2", "fois", "3"])
        #expect(tokenTexts("01 23 45 67 89") == ["01", "23", "45", "67", "89"])
        #expect(Tokenizer.tokenize("3E")[0].kind == .word)
    }

    @Test("e-mails and addresses are never split")
    func addresses() {
        #expect(tokenTexts("Écrivez à jean.dupont@caf.fr.") == ["Écrivez", "à", "jean.dupont@caf.fr", "."])
        #expect(tokenTexts("Voir https://www.service-public.fr/particuliers/vosdroits/F32037.") == ["Voir", "https://www.service-public.fr/particuliers/vosdroits/F32037", "."])
        #expect(tokenTexts("sur impots.gouv.fr, rubrique") == ["sur", "impots.gouv.fr", ",", "rubrique"])
        #expect(tokenTexts("(www.caf.fr)") == ["(", "www.caf.fr", ")"])
        let kinds = Tokenizer.tokenize("a@b.fr www.caf.fr").map(\.kind)
        #expect(kinds == [.email, .url])
    }

    @Test("dotted acronyms and abbreviations")
    func abbreviations() {
        #expect(tokenTexts("la C.A.F. de Lyon") == ["la", "C.A.F.", "de", "Lyon"])
        #expect(tokenTexts("M. Dupont, Mme Durand, MM. les juges, art. 3, cf. page 2, p. 4") == ["M.", "Dupont", ",", "Mme", "Durand", ",", "MM.", "les", "juges", ",", "art.", "3", ",", "cf.", "page", "2", ",", "p.", "4"])
        #expect(Tokenizer.tokenize("C.A.F.")[0].flags.contains(.dotted))
    }

    @Test("inclusive writing stays one word")
    func inclusive() {
        #expect(tokenTexts("pièce(s) justificative(s) Je soussigné(e) amené/e à") == ["pièce(s)", "justificative(s)", "Je", "soussigné(e)", "amené/e", "à"])
        #expect(tokenTexts("et/ou (voir)") == ["et", "/", "ou", "(", "voir", ")"])
    }

    @Test("non-breaking spaces separate words; NFD accents stay inside words")
    func spaces() {
        #expect(tokenTexts("Objet\u{00A0}: rappel\u{202F}!") == ["Objet", ":", "rappel", "!"])
        #expect(tokenTexts("DE\u{0301}ROGATOIRE e\u{0301}tat") == ["DE\u{0301}ROGATOIRE", "e\u{0301}tat"])
    }

    @Test("tokens keep their exact byte ranges, with a BOM and CRLF")
    func positions() {
        let text = "\u{FEFF}Madame,\r\nla CAF vous écrit.\r\n"
        let bytes = Array(text.utf8)
        let tokens = Tokenizer.tokenize(text)
        #expect(tokens.first?.start == 3)
        for token in tokens { #expect(token.end <= bytes.count) }
        let caf = tokens.first { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) == "CAF" }
        #expect(caf != nil)
        let source = SourceText(text)
        #expect(source.location(of: caf?.start ?? 0) == SourceLocation(line: 2, column: 4))
        #expect(source.location(of: 3) == SourceLocation(line: 1, column: 1))
        #expect(tokens[2].flags.contains(.newlineBefore))
    }

    @Test("columns count Unicode scalars")
    func columns() {
        let source = SourceText("é à\nx")
        #expect(source.location(of: 3) == SourceLocation(line: 1, column: 3))
        #expect(source.location(of: 6) == SourceLocation(line: 2, column: 1))
        let nfd = SourceText("e\u{0301}x")
        #expect(nfd.location(of: 3) == SourceLocation(line: 1, column: 3))
    }

    @Test("every byte of the corpus is either inside a token or white space")
    func corpusCoverage() throws {
        for url in Paths.corpusFiles() {
            let text = try Paths.text(url)
            let bytes = Array(text.utf8)
            var covered = [Bool](repeating: false, count: bytes.count)
            var previousEnd = 0
            for token in Tokenizer.tokenize(text) {
                #expect(token.start >= previousEnd, "overlap in \(url.lastPathComponent)")
                previousEnd = token.end
                for i in token.range { covered[i] = true }
            }
            let uncovered = String(decoding: bytes.indices.filter { !covered[$0] }.map { bytes[$0] }, as: UTF8.self)
            let nonSpace = uncovered.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\u{FEFF}" && $0 != "\u{200B}" }
            #expect(nonSpace.isEmpty, "\(url.lastPathComponent): \(String(String.UnicodeScalarView(nonSpace)))")
        }
    }
}

@Suite("Sentences")
struct SentenceTests {
    func sentences(_ text: String) -> [String] {
        var copy = text
        let bytes = Array(text.utf8)
        return copy.withUTF8 { p in
            SentenceSplitter.split(Tokenizer.tokenize(p), in: p).map { String(decoding: bytes[$0.range], as: UTF8.self) }
        }
    }

    @Test("abbreviations and numbers do not end sentences")
    func abbreviations() {
        #expect(sentences("M. Dupont a écrit à Mme Durand. Elle répond.") == ["M. Dupont a écrit à Mme Durand.", "Elle répond."])
        #expect(sentences("Voir l'article L. 262-37 du code. Il prévoit 1.5 mois.") == ["Voir l'article L. 262-37 du code.", "Il prévoit 1.5 mois."])
        #expect(sentences("Les pièces (RIB, avis, etc.) sont jointes. Merci.") == ["Les pièces (RIB, avis, etc.) sont jointes.", "Merci."])
        #expect(sentences("Des papiers, des factures, etc. Ensuite, signez.") == ["Des papiers, des factures, etc.", "Ensuite, signez."])
    }

    @Test("questions, exclamations, quotes and paragraphs")
    func marks() {
        #expect(sentences("Où s'adresser ?\nCaisse d'allocations familiales (Caf)\nMutualité sociale agricole (MSA)") == ["Où s'adresser ?", "Caisse d'allocations familiales (Caf)", "Mutualité sociale agricole (MSA)"])
        #expect(sentences("Il a dit « non. » Puis il est parti !") == ["Il a dit « non. »", "Puis il est parti !"])
        #expect(sentences("Au bailleur\n\nÀ partir de quel montant ?") == ["Au bailleur", "À partir de quel montant ?"])
    }

    @Test("a line wrapped in the middle of a phrase does not end the sentence")
    func wrapped() {
        #expect(sentences("Votre dossier sera transmis à la\nCaisse d'allocations familiales.") == ["Votre dossier sera transmis à la\nCaisse d'allocations familiales."])
        #expect(sentences("Les pièces suivantes :\n- un RIB ;\n- un avis d'imposition.") == ["Les pièces suivantes :", "- un RIB ;", "- un avis d'imposition."])
    }
}
