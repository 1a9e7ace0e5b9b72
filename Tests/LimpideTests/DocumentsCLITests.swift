import Foundation
import Testing

@testable import Limpide

@Suite("Documents: the XHTML/HTML twins of the corpus's texts")
struct DocumentsCorpusTests {
    /// (kind, folded text with blanks collapsed) of the acronym and jargon findings.
    static func keys(_ findings: [Finding]) -> [String] {
        findings.filter { $0.kind == .acronym || $0.kind == .jargon }.map {
            "\($0.kind.rawValue):\(Folding.fold($0.text).split(whereSeparator: \.isWhitespace).joined(separator: " "))/\($0.rule)"
        }
    }

    @Test("each XHTML/HTML file gives the same acronyms and jargon as its .txt twin", arguments: MarkupTesting.markupCorpus)
    func sameFindings(url: URL) throws {
        let twin = url.deletingPathExtension().appendingPathExtension("txt")
        let kind = try #require(MarkupKind.forFile(url.path))
        let markup = MarkupAnalysis(document: try MarkupDocument(bytes: Array(try Data(contentsOf: url)), kind: kind), analyzer: sharedAnalyzer)
        let text = sharedAnalyzer.analyze(try Paths.text(twin))
        let fromMarkup = Self.keys(markup.findings)
        let fromText = Self.keys(text.findings)
        // Layout differences: the HTML keeps runs of blanks that the .txt collapsed ("assiette  des
        // cotisations"), hence the collapsed comparison; and a <dfn title> is read after its
        // paragraph, where the .txt put it in a "Définition" block at the end.
        #expect(fromMarkup.sorted() == fromText.sorted())
        let map = markup.document.map
        let inAttributes = markup.textAnalysis.findings.contains { finding in map.pieces(overlapping: finding.range).contains { $0.run < 0 } }
        if !inAttributes { #expect(fromMarkup == fromText) }
    }
}

@Suite("Documents: the command line")
struct DocumentsCLITests {
    static let corpusPage = Paths.corpus.appending(path: "sp-apl-loyers-impayes.xhtml")

    @Test("limpide page.xhtml prints the annotated page; --sortie writes it; never over the input")
    func annotatedOutput() throws {
        let directory = try TemporaryDirectory()
        let page = try directory.file("formulaire.xhtml", Array(MarkupFixtures.form.utf8))
        let run = try CLI.run([page.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.contains(#"<abbr data-limpide="sigle" title="aide personnalisée au logement">APL</abbr>"#))
        #expect(run.stdout.contains(#"<div data-limpide="glossaire""#))
        let bytes = Array(run.stdoutData)
        let original = try MarkupCanonicalForm.of(Array(MarkupFixtures.form.utf8), kind: .xhtml, removingAnnotations: false)
        #expect(try MarkupCanonicalForm.of(bytes, kind: .xhtml, removingAnnotations: true) == original)

        let output = directory.url.appending(path: "explique.xhtml")
        let written = try CLI.run([page.path, "--sortie", output.path])
        #expect(written.status == 0)
        #expect(Array(try Data(contentsOf: output)) == bytes)
        let overwrite = try CLI.run([page.path, "--sortie", page.path])
        #expect(overwrite.status == 2)
        #expect(Array(try Data(contentsOf: page)) == Array(MarkupFixtures.form.utf8))
    }

    @Test("--format json: positions in the original file, the decoded text, a valid report")
    func json() throws {
        let directory = try TemporaryDirectory()
        let page = try directory.file("formulaire.xhtml", Array(MarkupFixtures.form.utf8))
        let run = try CLI.run(["--format", "json", page.path])
        #expect(run.status == 0, "\(run.stderr)")
        let schema = Paths.repository.appending(path: "docs/schemas/limpide-report.schema.json")
        #expect(try validate(json: run.stdoutData, schema: schema) == nil)
        let json = try #require(try JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty)
        let bytes = Array(MarkupFixtures.form.utf8)
        let source = SourceText(MarkupFixtures.form)
        for finding in findings {
            let offset = try #require(finding["offset"] as? Int)
            let length = try #require(finding["length"] as? Int)
            let text = try #require(finding["text"] as? String)
            #expect(MarkupTesting.decoded(bytes[offset..<(offset + length)]) == text)
            let location = source.location(of: offset)
            #expect(finding["line"] as? Int == location.line)
            #expect(finding["column"] as? Int == location.column)
        }
        // `&#8217;` inside a term counts whole: "d’allocataire" is not a term, but the CAF split by <strong> is.
        let caf = try #require(findings.first { $0["text"] as? String == "CAF" })
        let offset = try #require(caf["offset"] as? Int)
        #expect(String(decoding: bytes[offset..<(offset + (caf["length"] as? Int ?? 0))], as: UTF8.self) == "C</strong>AF")
    }

    @Test("malformed XHTML: fichier:ligne:colonne, exit 2, a hint; --html reads it")
    func malformed() throws {
        let directory = try TemporaryDirectory()
        let page = try directory.file("casse.xhtml", Array(MarkupFixtures.xhtml("<p>La CAF <b>verse</p>").utf8))
        let run = try CLI.run([page.path])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("casse.xhtml:6:"))
        #expect(run.stderr.contains("XHTML mal formé"))
        #expect(run.stderr.contains("--html"))
        let repaired = try CLI.run(["--html", page.path])
        #expect(repaired.status == 0, "\(repaired.stderr)")
        #expect(repaired.stdout.contains("data-limpide=\"sigle\""))
    }

    @Test("--html reads HTML from standard input; .html and .htm files are HTML")
    func htmlInputs() throws {
        let fromStdin = try CLI.run(["--html"], stdin: Data(MarkupFixtures.soup.utf8))
        #expect(fromStdin.status == 0, "\(fromStdin.stderr)")
        #expect(fromStdin.stdout.contains(#"<abbr data-limpide="sigle" title="Caisse d'allocations familiales">CAF</abbr>"#))
        let directory = try TemporaryDirectory()
        let page = try directory.file("soupe.htm", Array(MarkupFixtures.soup.utf8))
        let fromFile = try CLI.run([page.path])
        #expect(fromFile.stdout == fromStdin.stdout)
    }

    @Test("hostile pages through the command line: exit 2 and a clear message")
    func hostile() throws {
        let directory = try TemporaryDirectory()
        let deep = try directory.file("profond.html", Array(("<html><body>" + String(repeating: "<div>", count: 100_000) + "CAF").utf8))
        let run = try CLI.run([deep.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("profond.html:") && run.stderr.contains("256"))
    }

    @Test("--style remplacer is not for pages yet: said on stderr, the page is annotated")
    func replaceStyle() throws {
        guard FileManager.default.fileExists(atPath: Self.corpusPage.path) else { return }
        let run = try CLI.run(["--style", "remplacer", Self.corpusPage.path])
        #expect(run.status == 0)
        #expect(run.stderr.contains("remplacer"))
        #expect(run.stdout.contains("data-limpide=\"glossaire\""))
    }
}
