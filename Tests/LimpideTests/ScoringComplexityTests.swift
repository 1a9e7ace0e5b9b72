import Foundation
import Testing

@testable import Limpide

/// Scores a text without the lexicon: signal findings only, or no findings at all.
func complexityWithoutLexicon(_ text: String, signals: Bool = true) -> ComplexityReport {
    let source = SourceText(text)
    var copy = source.text
    return copy.withUTF8 { p in
        let tokens = Tokenizer.tokenize(p)
        let sentences = SentenceSplitter.split(tokens, in: p)
        let findings = signals ? SignalDetector().findings(tokens: tokens, sentences: sentences, bytes: p, source: source) : []
        return ComplexityScore.compute(tokens: tokens, sentences: sentences, bytes: p, findings: findings)
    }
}

/// The UTF-8 byte range of the first occurrence of `needle` in `text` (empty at the end if absent).
func byteRange(_ needle: String, in text: String) -> Range<Int> {
    let hay = Array(text.utf8), n = Array(needle.utf8)
    for i in 0...(max(hay.count - n.count, 0)) where Array(hay[i..<min(i + n.count, hay.count)]) == n { return i..<(i + n.count) }
    return hay.count..<hay.count
}

@Suite("Scoring: complexity score")
struct ScoringComplexityTests {
    @Test("the five reference texts score in their order of difficulty (without lexicon findings)", arguments: [true, false])
    func referenceOrder(signals: Bool) throws {
        let scores = try TextstatValues.names.map { complexityWithoutLexicon(try TextstatValues.text($0), signals: signals).complexity }
        print("reference scores (signals: \(signals)): \(scores)")
        #expect(scores[0] < scores[1])
        #expect(scores[1] < scores[2])
        #expect(scores[2] < min(scores[3], scores[4]), "04 and 05 are the two hardest")
        #expect(ComplexityScore.band(scores[0]) == .tresFacile)
    }

    @Test("on the corpus, Légifrance articles score harder than service-public pages on average", arguments: [true, false])
    func corpusOrder(signals: Bool) throws {
        let files = Paths.corpusFiles()
        func average(_ prefix: String) throws -> Double {
            let scores = try files.filter { $0.lastPathComponent.hasPrefix(prefix) }.map {
                complexityWithoutLexicon(try Paths.text($0), signals: signals).complexity
            }
            #expect(!scores.isEmpty)
            return scores.reduce(0, +) / Double(max(scores.count, 1))
        }
        let legifrance = try average("legifrance-")
        let servicePublic = try average("sp-")
        print("corpus averages (signals: \(signals)): légifrance \(legifrance), service-public \(servicePublic)")
        #expect(legifrance > servicePublic)
    }

    @Test("report: sub-scores within 0…100, band and level from the score, counts and formulas filled")
    func reportShape() throws {
        let report = complexityWithoutLexicon(try TextstatValues.text("05_mise_en_demeure.txt"))
        let s = report.subscores
        for value in [s.phrases, s.mots, s.sigles, s.jargon, s.structure, report.complexity] {
            #expect(value >= 0 && value <= 100)
        }
        #expect(report.band == ComplexityScore.band(report.complexity))
        #expect(report.schoolLevel == ComplexityScore.schoolLevel(report.complexity))
        #expect(report.counts.sentences == 4)
        #expect(report.lix == report.counts.lix)
        #expect(s.sigles > 0, "URSSAF, CSS and DSN are acronyms by their shape")
        #expect(s.structure > 0)
    }

    @Test("the three hardest sentences come with their reasons, hardest first")
    func hardestSentences() throws {
        let text = try TextstatValues.text("04_juridique_dense.txt")
        let report = complexityWithoutLexicon(text)
        #expect(report.hardestSentences.count == 2, "text 04 has two sentences")
        #expect(report.hardestSentences.allSatisfy { !$0.reasons.isEmpty })
        #expect(zip(report.hardestSentences, report.hardestSentences.dropFirst()).allSatisfy { $0.score >= $1.score })
        let bytes = Array(text.utf8)
        for sentence in report.hardestSentences {
            #expect(String(decoding: bytes[sentence.range], as: UTF8.self) == sentence.text)
        }
        #expect(report.hardestSentences[0].reasons[0].contains("mots"))
        let easy = complexityWithoutLexicon(try TextstatValues.text("05_mise_en_demeure.txt"))
        #expect(easy.hardestSentences.count == 3)
    }

    @Test("lexicon findings raise the jargon and acronym families")
    func lexiconFindings() {
        let text = String(repeating: "Nous avons bien reçu votre courrier et nous vous en remercions. ", count: 4)
            + "Votre dossier est à la CAF. Il est à compter du 1er mars."
        var copy = text
        let (plain, withLexicon) = copy.withUTF8 { p -> (ComplexityReport, ComplexityReport) in
            let tokens = Tokenizer.tokenize(p)
            let sentences = SentenceSplitter.split(tokens, in: p)
            let acronym = Finding(rule: "sigle-non-defini", kind: .acronym, severity: .avertissement, range: byteRange("CAF", in: text), text: "CAF", message: "")
            let jargon = Finding(rule: "jargon-remplacable", kind: .jargon, severity: .avertissement, range: byteRange("à compter du", in: text), text: "à compter du", message: "")
            return (
                ComplexityScore.compute(tokens: tokens, sentences: sentences, bytes: p, findings: []),
                ComplexityScore.compute(tokens: tokens, sentences: sentences, bytes: p, findings: [acronym, jargon])
            )
        }
        #expect(withLexicon.subscores.jargon > plain.subscores.jargon)
        #expect(withLexicon.subscores.sigles > plain.subscores.sigles)
        #expect(withLexicon.complexity > plain.complexity)
    }

    @Test("empty and wordless texts score 0, with no NaN")
    func emptyText() {
        for text in ["", "\n\n", "— … !"] {
            let report = complexityWithoutLexicon(text)
            #expect(report.complexity == 0)
            #expect(report.band == .tresFacile)
            #expect(report.hardestSentences.isEmpty)
            #expect(!report.kandelMoles.isNaN && !report.lix.isNaN)
        }
    }

    @Test("random soups of tricky pieces never trap and keep every value finite and in range")
    func robustness() {
        let pieces = [
            "ne", "n'", "pas", "sans", "qu'", "à", "condition", "non", "non-", "il", "est", "été", "a", "par", "l'", "L'",
            "intéressé(e)", "appartient", "MISE", "EN", "DEMEURE", "CAF", "C.A.F.", "1234567", "0,0325", "2025-13-40",
            "2025-03-01", "12/03/2025", "L.", "262-46", "e\u{301}", "\u{301}", "œuvre", "’", "-", "…", ".", ",", "\n", "\n\n",
            "\u{A0}", "(", ")", "«", "»", "vous", "doivent", "ils", "https://x.fr", "a@b.fr", "€", "%", "Ⅻ", "😀", "",
        ]
        var seed: UInt64 = 0x5EED
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        for _ in 0..<300 {
            let count = next() % 40
            var text = ""
            for _ in 0..<count {
                text += pieces[next() % pieces.count]
                if next() % 3 > 0 { text += " " }
            }
            let report = complexityWithoutLexicon(text)
            #expect(report.complexity >= 0 && report.complexity <= 100, "\(text)")
            #expect(report.kandelMoles.isFinite && report.lix.isFinite && report.rix.isFinite)
            let bytes = Array(text.utf8)
            for finding in signalFindings(text) {
                #expect(finding.range.upperBound <= bytes.count && finding.range.lowerBound <= finding.range.upperBound)
            }
        }
    }

    @Test("the report encodes to JSON and back")
    func codable() throws {
        let report = complexityWithoutLexicon(try TextstatValues.text("03_courrier_caf.txt"))
        let data = try JSONEncoder().encode(report)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains("\"band\""))
        #expect(json.contains("\"schoolLevel\""))
        #expect(try JSONDecoder().decode(ComplexityReport.self, from: data) == report)
    }

    @Test("bands and school levels split the scale in fifths")
    func bands() {
        #expect(ComplexityScore.band(0) == .tresFacile)
        #expect(ComplexityScore.band(39.9) == .facile)
        #expect(ComplexityScore.band(40) == .moyen)
        #expect(ComplexityScore.band(79.9) == .difficile)
        #expect(ComplexityScore.band(100) == .tresDifficile)
        #expect(ComplexityScore.schoolLevel(10) == .cm2)
        #expect(ComplexityScore.schoolLevel(90) == .etudesSuperieures)
        #expect(ComplexityBand.tresDifficile.rawValue == "très difficile")
    }
}
