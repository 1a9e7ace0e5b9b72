import Foundation
import Testing

@testable import Limpide

/// The parts of `reference/readability/values.json` the tests read.
struct TextstatValues: Decodable {
    struct Entry: Decodable {
        struct Values: Decodable {
            var flesch_reading_ease: Double
            var lix: Double
            var rix: Double
            var syllable_count: Int
            var lexicon_count: Int
            var sentence_count: Int
            var long_word_count_gt6: Int
        }
        var textstat: Values
    }
    var texts: [String: Entry]

    static let folder = Paths.shared.appending(path: "reference/readability")
    static let names = ["01_falc.txt", "02_service_public.txt", "03_courrier_caf.txt", "04_juridique_dense.txt", "05_mise_en_demeure.txt"]

    static func load() throws -> TextstatValues {
        try JSONDecoder().decode(TextstatValues.self, from: Data(contentsOf: folder.appending(path: "values.json")))
    }

    static func text(_ name: String) throws -> String { try Paths.text(folder.appending(path: name)) }
}

@Suite("Scoring: readability formulas and counts")
struct ScoringReadabilityTests {
    @Test("fed textstat's own counts, the formulas give textstat's Kandel–Moles, LIX and RIX to 1e-9", arguments: TextstatValues.names)
    func formulasMatchTextstat(name: String) throws {
        let values = try #require(try TextstatValues.load().texts[name]).textstat
        let words = values.lexicon_count, sentences = values.sentence_count
        let km = ReadabilityFormulas.kandelMoles(words: words, sentences: sentences, syllables: values.syllable_count)
        let lix = ReadabilityFormulas.lix(words: words, sentences: sentences, longWords: values.long_word_count_gt6)
        let rix = ReadabilityFormulas.rix(longWords: values.long_word_count_gt6, sentences: sentences)
        #expect(abs(km - values.flesch_reading_ease) < 1e-9)
        #expect(abs(lix - values.lix) < 1e-9)
        #expect(abs(rix - values.rix) < 1e-9)
    }

    @Test("with our own counts, LIX is within 5 points of textstat's on texts 01–03", arguments: TextstatValues.names.prefix(3))
    func lixCloseToTextstat(name: String) throws {
        let expected = try #require(try TextstatValues.load().texts[name]).textstat.lix
        let counts = ReadabilityCounts.count(try TextstatValues.text(name))
        print("LIX \(name): ours \(counts.lix) (words \(counts.words), sentences \(counts.sentences), long \(counts.longWords)) textstat \(expected)")
        #expect(abs(counts.lix - expected) <= 5)
    }

    @Test("our counts on the reference texts: real sentences, elisions as words")
    func ourCounts() throws {
        // Hand counts of real sentences, as in run_textstat.py's MANUAL_SENTENCES.
        let manual = [8, 5, 5, 2, 4]
        for (name, sentences) in zip(TextstatValues.names, manual) {
            let counts = ReadabilityCounts.count(try TextstatValues.text(name))
            print("counts \(name): \(counts) KM \(counts.kandelMoles) LIX \(counts.lix) RIX \(counts.rix)")
            #expect(counts.sentences == sentences, "\(name)")
        }
    }

    @Test("empty and wordless texts give finite values")
    func emptyText() {
        for text in ["", "   \n\n", "… — !", "https://www.service-public.fr"] {
            let counts = ReadabilityCounts.count(text)
            #expect(counts.words == 0)
            #expect(counts.sentences == 0)
            #expect(counts.kandelMoles == 207)
            #expect(counts.lix == 0)
            #expect(counts.rix == 0)
        }
    }

    @Test("words: elisions and numbers count, symbols and addresses do not; long words by letters")
    func wordDefinition() {
        let counts = ReadabilityCounts.count("L'aide de 25 € arrive le 12/03/2025 sur www.caf.fr.")
        // L' aide de 25 arrive le 12/03/2025 sur
        #expect(counts.words == 8)
        #expect(counts.longWords == 0)
        #expect(ReadabilityCounts.count("l'expression d'accord").longWords == 1)
    }
}
