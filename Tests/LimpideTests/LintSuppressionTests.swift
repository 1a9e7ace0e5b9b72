import Foundation
import Testing

@testable import Limpide

@Suite("Lint: suppression comments and Markdown")
struct LintSuppressionTests {
    let engine: LintEngine

    init() throws {
        engine = try LintEngine(base: sharedAnalyzer, targets: [])
    }

    func lint(_ text: String, kind: LintDocumentKind, settings: LintSettings = LintSettings()) throws -> LintFileResult {
        let directory = try TemporaryDirectory()
        let extensions: [LintDocumentKind: String] = [.texte: "txt", .markdown: "md", .html: "html", .xhtml: "xhtml"]
        let file = try directory.file("doc.\(extensions[kind] ?? "txt")", Array(text.utf8))
        return engine.lint(LintTarget(path: file.path, displayPath: "doc", kind: kind, settings: settings))
    }

    @Test("directive parsing: action, rules, reason in several quote styles, problems")
    func parsing() {
        #expect(DirectiveParser.parse(" limpide-disable-next-line sigle-non-defini raison=\"nom propre\" ")
            == .directive(action: .disableNextLine, rules: ["sigle-non-defini"], reason: "nom propre"))
        #expect(DirectiveParser.parse("limpide-disable phrase-longue, voix-passive raison=« texte de loi cité »")
            == .directive(action: .disable, rules: ["phrase-longue", "voix-passive"], reason: "texte de loi cité"))
        #expect(DirectiveParser.parse("limpide-enable") == .directive(action: .enable, rules: [], reason: nil))
        #expect(DirectiveParser.parse("un commentaire ordinaire") == .none)
        if case .problem(let message) = DirectiveParser.parse("limpide-desactiver x") {
            #expect(message.contains("inconnue"))
        } else {
            Issue.record("an unknown directive must be reported")
        }
        if case .problem = DirectiveParser.parse("limpide-disable x raison=\"pas fermée") {} else { Issue.record("unclosed reason") }
    }

    @Test("plain text: # and // lines, next line and ranges, the reason is kept; directive lines are not analysed")
    func plainText() throws {
        let text = """
            Votre dossier a été transmis à la CAF.
            # limpide-disable-next-line sigle-non-defini raison="la CAF est connue de nos lecteurs"
            La CAF vous répond. Votre dossier a été transmis à la CNAF.
            // limpide-disable jargon-remplacable raison='formule réglementaire'
            Votre aide est versée à compter du 1er mars.
            // limpide-enable jargon-remplacable
            Votre aide est versée à compter du 2 avril.

            """
        let result = try lint(text, kind: .texte)
        let acronyms = result.issues.filter { $0.rule == "sigle-non-defini" }
        // CAF line 1 reported; CNAF (line 3) suppressed with its reason. The later CAF is not a first use.
        #expect(acronyms.first { $0.finding.text == "CAF" }?.suppression == nil)
        let cnaf = acronyms.first { $0.finding.text == "CNAF" }
        #expect(cnaf?.suppression == Suppression(reason: "la CAF est connue de nos lecteurs", line: 2))
        #expect(cnaf?.finding.suppression == "la CAF est connue de nos lecteurs")
        let jargon = result.issues.filter { $0.rule == "jargon-remplacable" }
        #expect(jargon.count == 2)
        #expect(jargon.first { $0.start.line == 5 }?.suppression?.reason == "formule réglementaire")
        #expect(jargon.first { $0.start.line == 7 }?.suppression == nil)
        // The words of the directives are never findings.
        #expect(!result.issues.contains { [2, 4, 6].contains($0.start.line) })
        #expect(result.active.allSatisfy { $0.suppression == nil })
    }

    @Test("Markdown: HTML comment directives; code blocks, code spans and link targets are not analysed; positions stay exact")
    func markdown() throws {
        let text = """
            ---
            titre: Lettre CNAF
            ---
            # Votre APL

            Votre aide est versée `à compter du` 1er mars, voir [la CAF](https://www.caf.fr/APL).

            ```
            La CPAM et la MSA ne sont pas développées ici : c'est du code.
            ```

            <!-- limpide-disable-next-line raison="titre imposé" -->
            Le RSA à compter du 1er avril.

            Votre aide est versée à compter du 1er mai par la MSA.

            """
        let result = try lint(text, kind: .markdown)
        let bytes = Array(text.utf8)
        for issue in result.issues {
            let range = issue.finding.range
            #expect(String(decoding: bytes[range], as: UTF8.self) == issue.finding.text)
        }
        let texts = result.issues.map(\.finding.text)
        #expect(!texts.contains("CNAF"), "front matter is not prose")
        #expect(!texts.contains("CPAM"), "fenced code is not prose")
        #expect(result.issues.filter { $0.rule == "jargon-remplacable" }.map(\.start.line) == [13, 15], "a code span is not prose")
        #expect(result.issues.first { $0.finding.text == "APL" }?.start == SourceLocation(line: 4, column: 9))
        let rsa = result.issues.first { $0.finding.text == "RSA" }
        #expect(rsa?.suppression == Suppression(reason: "titre imposé", line: 12))
        #expect(result.issues.first { $0.start.line == 13 && $0.rule == "jargon-remplacable" }?.suppression != nil, "no id: every rule")
        #expect(result.issues.first { $0.finding.text == "MSA" }?.start.line == 15)
        #expect(result.issues.allSatisfy { $0.start.line != 6 || $0.finding.text != "APL" }, "a link target is not prose")
    }

    @Test("Markdown masking keeps every byte offset and line break")
    func maskingKeepsOffsets() {
        let text = "Avant `code é` après\r\n~~~swift\nlet x = \"é\"\n~~~\n<!-- note -->\n[réf]: https://exemple.fr\nFin.\n"
        var bytes = Array(text.utf8)
        let comments = MarkdownMask.mask(&bytes)
        #expect(bytes.count == text.utf8.count)
        #expect(comments.count == 1)
        let masked = String(decoding: bytes, as: UTF8.self)
        #expect(masked.hasPrefix("Avant "))
        #expect(masked.contains("après\r\n"))
        #expect(!masked.contains("code"))
        #expect(!masked.contains("let x"))
        #expect(!masked.contains("note"))
        #expect(!masked.contains("exemple"))
        #expect(masked.hasSuffix("Fin.\n"))
        #expect(zip(bytes, Array(text.utf8)).allSatisfy { masked, original in masked == original || masked == 0x20 })
        #expect(masked.split(separator: "\n", omittingEmptySubsequences: false).count == text.split(separator: "\n", omittingEmptySubsequences: false).count)
    }

    @Test("HTML and XHTML: comment directives with reasons; document-level complexity suppressed by limpide-disable")
    func markup() throws {
        let page = """
            <!DOCTYPE html>
            <html><body>
            <!-- limpide-disable complexite raison="page de référence juridique" -->
            <p>Votre dossier a été transmis à la CAF.</p>
            <!-- limpide-disable-next-line sigle-non-defini raison="sigle expliqué dans le menu" -->
            <p>La CPAM vous écrira.</p>
            <p data-limpide="ignorer">La DGFIP et la CNAV ne sont pas lues.</p>
            </body></html>

            """
        var settings = LintSettings()
        settings.thresholds.maximumComplexity = 0
        for kind in [LintDocumentKind.html, .xhtml] {
            let xhtml = kind == .xhtml ? page.replacingOccurrences(of: "<!DOCTYPE html>\n<html>", with: "<html xmlns=\"http://www.w3.org/1999/xhtml\">") : page
            let result = try lint(xhtml, kind: kind, settings: settings)
            #expect(result.error == nil, "\(result.error ?? "")")
            let complexity = result.issues.first { $0.rule == "complexite" }
            #expect(complexity?.start == SourceLocation(line: 1, column: 1))
            #expect(complexity?.suppression?.reason == "page de référence juridique")
            let caf = result.issues.first { $0.finding.text == "CAF" }
            #expect(caf != nil && caf?.suppression == nil)
            let cpam = result.issues.first { $0.finding.text == "CPAM" }
            #expect(cpam?.suppression?.reason == "sigle expliqué dans le menu")
            #expect(result.issues.filter { $0.suppression == nil }.allSatisfy { $0.rule != "complexite" })
            #expect(!result.issues.contains { ["DGFIP", "CNAV"].contains($0.finding.text) }, "data-limpide=\"ignorer\" is skipped by the reader")
        }
    }

    @Test("malformed directives become notes with their line")
    func notes() throws {
        let result = try lint("Bonjour.\n# limpide-desactive tout\nAu revoir.\n", kind: .texte)
        #expect(result.notes == [LintNote(line: 2, message: result.notes.first?.message ?? "")])
        #expect(result.notes.first?.message.contains("inconnue") == true)
    }
}
