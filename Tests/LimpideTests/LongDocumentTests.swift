import Foundation
import Testing

@testable import Limpide

@Suite("Long documents, piece by piece")
struct LongDocumentTests {
    @Test("cut points fall on paragraph boundaries, else lines, never inside a character")
    func cutPoints() {
        let text = Array("Premier paragraphe.\n\nDeuxième paragraphe.\nSuite.\n".utf8)
        let cut = text.withUnsafeBufferPointer { LongDocument.cutPoint(in: $0) }
        #expect(String(decoding: text[..<cut], as: UTF8.self) == "Premier paragraphe.\n\n")
        let oneLine = Array(String(repeating: "é", count: 40).utf8)
        let inside = oneLine.withUnsafeBufferPointer { LongDocument.cutPoint(in: $0) }
        #expect(inside % 2 == 0)
    }

    @Test("pieces give the glossary of the whole, each term explained once")
    func glossaryAcrossPieces() throws {
        let paragraphs = (0..<6).map { _ in "La CAF verse l'APL à compter du 1er mars. Il vous appartient de répondre.\n\n" }
        let whole = sharedAnalyzer.analyze(paragraphs.joined())
        var document = LongDocument(analyzer: sharedAnalyzer)
        var glossedPieces = 0
        for piece in stride(from: 0, to: paragraphs.count, by: 2).map({ paragraphs[$0..<($0 + 2)].joined() }) {
            let analysis = document.analyze(piece)
            if Rewriter.rewrite(analysis).insertions.count > 0 { glossedPieces += 1 }
        }
        #expect(glossedPieces == 1)
        #expect(document.glossary.map(\.term) == Rewriter.glossary(for: whole).map(\.term))
        #expect(document.summary == Rewriter.summary(for: whole))
        #expect(document.lines == 12)
    }

    @Test("a definition in an early piece holds in later pieces")
    func definitionsCarry() {
        var document = LongDocument(analyzer: Analyzer(lexicon: testLexicon))
        _ = document.analyze("La zone qualifiée de week-end extra (ZQWX) est ouverte.\n\n")
        let later = document.analyze("Le ZQWX ferme.\n\n")
        let finding = later.findings.first { $0.text == "ZQWX" }
        #expect(finding?.rule == "sigle-defini")
        #expect(finding?.definedInText == true)
    }

    @Test("the command line reads a long letter piece by piece: same text, JSON positions right")
    func commandLine() throws {
        let directory = try TemporaryDirectory()
        let paragraph = "Madame, la CAF a calculé votre APL à compter du 1er mars.\nIl vous appartient de répondre.\n\n"
        let text = String(repeating: paragraph, count: 120)
        let file = try directory.file("long.txt", Array(text.utf8))
        let environment = ["LIMPIDE_TAILLE_MORCEAU": "2048"]
        let run = try CLI.run([file.path], environment: environment)
        #expect(run.status == 0)
        let explained = run.stdout.components(separatedBy: "\n\n──────── Glossaire")[0]
        #expect(explained.components(separatedBy: "(aide personnalisée au logement").count == 2)
        #expect(run.stdout.contains("moyenne du texte lu par morceaux"))
        let json = try CLI.run(["--format", "json", file.path], environment: environment)
        #expect(json.status == 0)
        #expect(try validate(json: json.stdoutData, schema: Paths.repository.appending(path: "docs/schemas/limpide-report.schema.json")) == nil)
        let report = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        let bytes = Array(text.utf8)
        let findings = report["findings"] as? [[String: Any]] ?? []
        #expect(findings.count >= 600)
        for finding in findings {
            let offset = finding["offset"] as? Int ?? -1
            let length = finding["length"] as? Int ?? 0
            #expect(String(decoding: bytes[offset..<(offset + length)], as: UTF8.self) == finding["text"] as? String)
        }
        let last = try #require(findings.last)
        #expect(last["line"] as? Int == 359)  // 120 paragraphs of 3 lines; the last finding is on the second line of the last one
    }
}
