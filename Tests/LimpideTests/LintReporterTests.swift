import Foundation
import Testing

@testable import Limpide

@Suite("Lint: reporters (texte, json, sarif, github, junit)")
struct LintReporterTests {
    static let sarifSchema = Paths.shared.appending(path: "reference/sarif/sarif-schema-2.1.0.json")
    static let lintSchema = Paths.repository.appending(path: "docs/schemas/limpide-lint.schema.json")

    static let letter = """
        Votre dossier a été transmis à la CAF.
        # limpide-disable-next-line sigle-non-defini raison="sigle connu de tous"
        La CPAM vous écrira.
        Votre aide est versée à compter du 1er mars.
        Si vous n'êtes pas d'accord avec cette décision, vous pouvez former un recours amiable auprès de la commission de recours amiable dans un délai de deux mois à compter de la réception du présent courrier.

        """

    /// Runs a Python script with `input` on its standard input; returns its standard output.
    static func python(_ script: String, input: Data) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// A run over the letter and a broken file, with a complexity maximum.
    func run(directory: TemporaryDirectory) throws -> LintRun {
        let good = try directory.file("lettre.txt", Array(Self.letter.utf8))
        let bad = try directory.file("casse.txt", [0x00, 0x01, 0x02])
        var settings = LintSettings()
        settings.thresholds.maximumComplexity = 10
        let engine = try LintEngine(base: sharedAnalyzer, targets: [])
        let results = engine.lint(
            [
                LintTarget(path: good.path, displayPath: "lettres/lettre 1.txt", kind: .texte, settings: settings),
                LintTarget(path: bad.path, displayPath: "casse.txt", kind: .texte, settings: settings),
            ], jobs: 2)
        return LintRun(files: results, errors: ["le fichier « absent.txt » n'existe pas."])
    }

    @Test("texte: fichier:ligne:colonne: gravité [règle] message, suppressed ones hidden, a summary with the score; colours only when asked")
    func text() throws {
        let run = try run(directory: TemporaryDirectory())
        let plain = TextLintReporter(color: false).render(run)
        #expect(plain.contains("lettres/lettre 1.txt:1:35: avertissement [sigle-non-defini] « CAF » n'est pas développé"))
        #expect(plain.contains("lettres/lettre 1.txt:1:1: erreur [complexite] Complexité "))
        #expect(plain.contains("lettres/lettre 1.txt:5:1: erreur [phrase-tres-longue]"))
        #expect(!plain.contains("CPAM"), "a suppressed finding is not shown")
        #expect(plain.contains("1 mis en sourdine par un commentaire"))
        #expect(plain.contains("Complexité : "))
        #expect(!plain.contains("\u{1B}["))
        let coloured = TextLintReporter(color: true).render(run)
        #expect(coloured.contains("\u{1B}[1;31merreur\u{1B}[0m"))
        // Lines come in file order, then text order.
        let lines = plain.split(separator: "\n").filter { $0.hasPrefix("lettres/") }.map { Int($0.split(separator: ":")[1]) ?? 0 }
        #expect(lines == lines.sorted())
    }

    @Test("json: valid against docs/schemas/limpide-lint.schema.json, suppressions with their reason, fixes, exit code")
    func json() throws {
        let run = try run(directory: TemporaryDirectory())
        let output = JSONLintReporter().render(run)
        #expect(try validate(json: Data(output.utf8), schema: Self.lintSchema) == nil)
        let json = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        #expect(json?["exitCode"] as? Int == 2)
        let files = json?["files"] as? [[String: Any]] ?? []
        #expect(files.map { $0["file"] as? String } == ["casse.txt", "lettres/lettre 1.txt"])
        #expect((files.first?["error"] as? String)?.contains("binaire") == true)
        let findings = files.last?["findings"] as? [[String: Any]] ?? []
        let cpam = findings.first { $0["text"] as? String == "CPAM" }
        #expect((cpam?["suppression"] as? [String: Any])?["reason"] as? String == "sigle connu de tous")
        let fix = findings.first { $0["rule"] as? String == "jargon-remplacable" }?["fix"] as? [String: Any]
        #expect(fix?["text"] as? String == "à partir du")
        #expect(findings.first?["rule"] as? String == "complexite")
        #expect(findings.first?["fails"] as? Bool == true)
    }

    @Test("sarif: valid SARIF 2.1.0, rule metadata, a region on every result, fixes, inSource suppressions with justification")
    func sarif() throws {
        let run = try run(directory: TemporaryDirectory())
        let output = SARIFLintReporter().render(run)
        #expect(try validate(json: Data(output.utf8), schema: Self.sarifSchema) == nil)
        let log = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        #expect(log?["version"] as? String == "2.1.0")
        let sarifRun = (log?["runs"] as? [[String: Any]])?.first
        let driver = (sarifRun?["tool"] as? [String: Any])?["driver"] as? [String: Any]
        let rules = driver?["rules"] as? [[String: Any]] ?? []
        #expect(rules.map { $0["id"] as? String } == LintRules.all.map(\.id))
        #expect(rules.contains { $0["id"] as? String == "complexite" })
        #expect(rules.allSatisfy { ($0["help"] as? [String: Any])?["text"] != nil && ($0["defaultConfiguration"] as? [String: Any])?["level"] != nil })
        let results = sarifRun?["results"] as? [[String: Any]] ?? []
        #expect(!results.isEmpty)
        for result in results {
            let location = ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let region = location?["region"] as? [String: Any]
            #expect((region?["startLine"] as? Int ?? 0) >= 1)
            #expect((location?["artifactLocation"] as? [String: Any])?["uri"] as? String == "lettres/lettre%201.txt")
        }
        let complexity = results.first { $0["ruleId"] as? String == "complexite" }
        #expect(((complexity?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]).flatMap { ($0["region"] as? [String: Any])?["startLine"] as? Int } == 1)
        let suppressed = results.first { ($0["message"] as? [String: Any])?["text"].map { "\($0)".contains("CPAM") } == true }
        let suppression = (suppressed?["suppressions"] as? [[String: Any]])?.first
        #expect(suppression?["kind"] as? String == "inSource")
        #expect(suppression?["justification"] as? String == "sigle connu de tous")
        let fixed = results.first { $0["ruleId"] as? String == "jargon-remplacable" && $0["fixes"] != nil }
        let replacement = (((fixed?["fixes"] as? [[String: Any]])?.first?["artifactChanges"] as? [[String: Any]])?.first?["replacements"] as? [[String: Any]])?.first
        #expect((replacement?["insertedContent"] as? [String: Any])?["text"] as? String == "à partir du")
        #expect((replacement?["deletedRegion"] as? [String: Any])?["startLine"] as? Int == 4)
        let notifications = ((sarifRun?["invocations"] as? [[String: Any]])?.first?["toolExecutionNotifications"] as? [[String: Any]]) ?? []
        #expect(notifications.count == 2, "the missing file and the binary one")
    }

    @Test("sarif: linting the whole shared corpus validates against the SARIF schema", .enabled(if: FileManager.default.fileExists(atPath: Paths.corpus.path)))
    func corpus() throws {
        let run = try CLI.run(["lint", "--format", "sarif", "--complexite-max", "40", Paths.corpus.path])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(try validate(json: run.stdoutData, schema: Self.sarifSchema) == nil)
        let log = try JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any]
        let results = ((log?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        #expect(results.count > 100)
        let files = Set(results.compactMap { (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]).flatMap { ($0["artifactLocation"] as? [String: Any])?["uri"] as? String } })
        #expect(files.contains { $0.hasSuffix(".xhtml") } && files.contains { $0.hasSuffix(".html") } && files.contains { $0.hasSuffix(".md") })
        #expect(results.contains { $0["ruleId"] as? String == "complexite" })
    }

    @Test("github: workflow commands, errors first, escaped, capped with a closing line")
    func github() throws {
        let run = try run(directory: TemporaryDirectory())
        let output = GitHubLintReporter(limit: 2).render(run)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("::error ") == true)
        let kinds = lines.compactMap { line -> Int? in
            if line.hasPrefix("::error") { return 0 }
            if line.hasPrefix("::warning") { return 1 }
            if line.hasPrefix("::notice") { return 2 }
            return nil
        }
        #expect(kinds == kinds.sorted(), "errors, then warnings, then notices")
        #expect(lines.filter { $0.hasPrefix("::error") }.count == 2)
        #expect(lines.contains { $0.hasPrefix("::warning file=lettres/lettre 1.txt,line=1,col=35,endLine=1,endColumn=38,title=limpide [sigle-non-defini]::") })
        #expect(lines.last?.contains("ne sont pas affichés") == true)
        #expect(!output.contains("CPAM"))
        #expect(GitHubLintReporter.property("a:b,c%\n") == "a%3Ab%2Cc%25%0A")
        let uncapped = GitHubLintReporter().render(run)
        #expect(!uncapped.contains("ne sont pas affichés"))
    }

    @Test("junit: well-formed XML, failures for what fails the run, one suite per file")
    func junit() throws {
        let run = try run(directory: TemporaryDirectory())
        let output = JUnitLintReporter().render(run)
        // Parsed by Python's XML parser: well-formed, and the counts read back.
        let summary = try Self.python(
            """
            import sys, xml.etree.ElementTree as ET
            root = ET.fromstring(sys.stdin.buffer.read())
            print(root.tag, root.get("failures"), len(root.findall(".//failure")), len(root.findall(".//error")))
            print("|".join(s.get("name") for s in root.findall("testsuite")))
            """, input: Data(output.utf8))
        #expect(summary == "testsuites 2 2 2\ncasse.txt|lettres/lettre 1.txt|arguments\n", "complexity and the very long sentence fail")
        #expect(XMLEscaping.attribute("<a & \"b\">") == "&lt;a &amp; &quot;b&quot;&gt;")
    }
}
