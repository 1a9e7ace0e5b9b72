import Foundation
import Testing

@testable import Limpide

@Suite("Lint: command line, exit codes, --corriger")
struct LintCommandTests {
    static let clean = "Nous avons reçu votre demande. Nous vous répondrons bientôt.\n"
    static let warnings = "Votre dossier a été transmis à la CAF.\n"
    static let errors =
        "Si vous n'êtes pas d'accord avec cette décision, vous pouvez former un recours amiable auprès de la commission de recours amiable dans un délai de deux mois à compter de la réception du présent courrier.\n"

    @Test("exit codes: 0 clean, 1 at or above --echec-a, 0 below it")
    func failOn() throws {
        let directory = try TemporaryDirectory()
        let clean = try directory.file("propre.txt", Array(Self.clean.utf8))
        let warning = try directory.file("avertissement.txt", Array(Self.warnings.utf8))
        let error = try directory.file("erreur.txt", Array(Self.errors.utf8))
        #expect(try CLI.run(["lint", clean.path]).status == 0)
        let warned = try CLI.run(["lint", warning.path])
        #expect(warned.status == 0, "warnings do not fail by default: \(warned.stdout)")
        #expect(warned.stdout.contains("avertissement [sigle-non-defini]"))
        #expect(try CLI.run(["lint", "--echec-a", "avertissement", warning.path]).status == 1)
        #expect(try CLI.run(["lint", error.path]).status == 1)
        #expect(try CLI.run(["lint", "--echec-a", "info", clean.path]).status == 0)
        // The configuration can set it too; the command line wins.
        _ = try directory.file(".limpide.yml", Array("echec-a: avertissement\n".utf8))
        #expect(try CLI.run(["lint", warning.path]).status == 1)
        #expect(try CLI.run(["lint", "--echec-a", "erreur", warning.path]).status == 0)
    }

    @Test("complexity gate: only with --complexite-max or seuils: complexite-max")
    func complexityGate() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.file("lettre.txt", Array(Self.warnings.utf8))
        #expect(try CLI.run(["lint", file.path]).status == 0)
        let gated = try CLI.run(["lint", "--complexite-max", "1", file.path])
        #expect(gated.status == 1)
        #expect(gated.stdout.contains("lettre.txt:1:1: erreur [complexite] Complexité"))
        #expect(try CLI.run(["lint", "--complexite-max", "100", file.path]).status == 0)
        _ = try directory.file(".limpide.yml", Array("seuils:\n  complexite-max: 1\n".utf8))
        #expect(try CLI.run(["lint", file.path]).status == 1)
        _ = try directory.file(".limpide.yml", Array("seuils:\n  complexite-max: 1\nregles:\n  complexite: avertissement\n".utf8))
        let warned = try CLI.run(["lint", file.path])
        #expect(warned.status == 1, "a complexity above the maximum fails whatever its severity")
        #expect(warned.stdout.contains("avertissement [complexite]"))
    }

    @Test("exit 2: missing file (never 0, even beside good files), unreadable file, bad configuration with its line, usage")
    func inputErrors() throws {
        let directory = try TemporaryDirectory()
        let good = try directory.file("bon.txt", Array(Self.clean.utf8))
        let missing = try CLI.run(["lint", good.path, directory.url.appending(path: "absent.txt").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("n'existe pas"))
        #expect(missing.stdout.contains("1 fichier vérifié"), "the other files are still linted")
        let binary = try directory.file("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00])
        let unreadable = try CLI.run(["lint", "--format", "json", good.path, binary.path])
        #expect(unreadable.status == 2)
        #expect(unreadable.stderr.contains("binaire"))
        #expect(try validate(json: unreadable.stdoutData, schema: LintReporterTests.lintSchema) == nil)
        let page = try directory.file("page.xhtml", Array("<html><body><p>Bonjour</body></html>".utf8))
        #expect(try CLI.run(["lint", page.path]).status == 2)

        let configured = try TemporaryDirectory()
        _ = try configured.file(".limpide.yml", Array("regles:\n  voix-passive: non\n  phrase-courte: non\n".utf8))
        let letter = try configured.file("a.txt", Array(Self.clean.utf8))
        let badConfig = try CLI.run(["lint", "a.txt"], directory: configured.url)
        #expect(badConfig.status == 2)
        #expect(badConfig.stderr.hasPrefix("limpide : .limpide.yml:3:3: règle inconnue « phrase-courte »"), "\(badConfig.stderr)")
        #expect(try CLI.run(["lint", letter.path]).status == 2, "found from anywhere")
        let explicit = try configured.file("ci.yml", Array("seuils: [1, 2]\n".utf8))
        let badExplicit = try CLI.run(["lint", "--config", explicit.path, letter.path])
        #expect(badExplicit.status == 2)
        #expect(badExplicit.stderr.contains("ci.yml:1:9"), "\(badExplicit.stderr)")

        #expect(try CLI.run(["lint", "--format", "pdf", letter.path]).status == 2)
        #expect(try CLI.run(["lint", "--echec-a", "grave", letter.path]).status == 2)
        #expect(try CLI.run(["lint", "--complexite-max", "200", letter.path]).status == 2)
    }

    @Test("folders, patterns and stdin; parallel output is the same as sequential, sorted by path")
    func parallelAndInputs() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(at: directory.url.appending(path: "lettres/anciennes"), withIntermediateDirectories: true)
        var names: [String] = []
        for k in 0..<12 {
            let name = k % 3 == 0 ? "lettres/anciennes/l\(k).md" : "lettres/l\(k).txt"
            names.append(name)
            _ = try directory.file(name, Array((k % 2 == 0 ? Self.warnings : Self.errors).utf8))
        }
        _ = try directory.file("lettres/notes.json", Array("{}".utf8))
        let one = try CLI.run(["lint", "--taches", "1", "lettres"], directory: directory.url)
        let two = try CLI.run(["lint", "--taches", "2", "lettres"], directory: directory.url)
        let all = try CLI.run(["lint", "lettres"], directory: directory.url)
        #expect(one.status == 1)
        #expect(one.stdout == two.stdout)
        #expect(one.stdout == all.stdout)
        let files = one.stdout.split(separator: "\n").filter { $0.contains(": ") && $0.hasPrefix("lettres/") }.map { String($0.split(separator: ":")[0]) }
        #expect(files == files.sorted())
        #expect(Set(files) == Set(names))
        #expect(one.stdout.contains("12 fichiers vérifiés"))

        let pattern = try CLI.run(["lint", "lettres/**/*.md"], directory: directory.url)
        #expect(pattern.stdout.contains("4 fichiers vérifiés"), "\(pattern.stdout)")
        let stdin = try CLI.run(["lint", "-"], stdin: Data(Self.warnings.utf8))
        #expect(stdin.status == 0)
        #expect(stdin.stdout.hasPrefix("-:1:"))
    }

    @Test("--corriger writes the safe replacements atomically and reports what remains; never without the flag")
    func fix() throws {
        let directory = try TemporaryDirectory()
        let text = "Votre aide est versée à compter du 1er mars.\nVotre dossier a été transmis à la CAF.\n"
        let file = try directory.file("lettre.txt", Array(text.utf8))
        let markdown = try directory.file("lettre.md", Array(("# Titre\n\n`à compter du` reste du code ; " + text).utf8))
        let page = try directory.file("page.html", Array("<html><body><p>Votre aide est versée à compter du 1er mars.</p></body></html>".utf8))
        let before = try Data(contentsOf: page)

        let report = try CLI.run(["lint", "--echec-a", "avertissement", file.path])
        #expect(report.status == 1)
        #expect(try String(contentsOf: file, encoding: .utf8) == text, "nothing is written without --corriger")

        let fixed = try CLI.run(["lint", "--corriger", "--echec-a", "avertissement", file.path, markdown.path, page.path])
        #expect(try String(contentsOf: file, encoding: .utf8) == "Votre aide est versée à partir du 1er mars.\nVotre dossier a été transmis à la CAF.\n")
        #expect(try String(contentsOf: markdown, encoding: .utf8).contains("`à compter du` reste du code ; Votre aide est versée à partir du 1er mars."))
        #expect(try Data(contentsOf: page) == before, "pages are never rewritten")
        #expect(fixed.stdout.contains("2 remplacements appliqués"), "\(fixed.stdout)")
        #expect(fixed.stdout.contains("--corriger ne modifie pas les pages HTML"))
        #expect(fixed.stdout.contains("[sigle-non-defini]"), "what remains is reported")
        #expect(!fixed.stdout.contains("lettre.txt:1:23: avertissement [jargon-remplacable]"))
        #expect(fixed.status == 1, "the CAF warning remains, and the page's replacement")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.url.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)

        let windows = try directory.file("ancien.txt", Array("Votre aide est vers".utf8) + [0xE9] + Array("e ".utf8) + [0xE0] + Array(" compter du 1er mars.\n".utf8))
        let windowsBefore = try Data(contentsOf: windows)
        let refused = try CLI.run(["lint", "--corriger", windows.path])
        #expect(try Data(contentsOf: windows) == windowsBefore)
        #expect(refused.stdout.contains("UTF-8"))
    }

    @Test("the atomic writer never replaces a file that changed since it was read")
    func atomicWriterRefusesChangedFiles() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.file("a.txt", Array("avant\n".utf8))
        let original = Array("avant\n".utf8)
        let date = AtomicFileWriter.modificationDate(file.path)
        // Someone edits the file between the read and the write.
        try Data("modifié par quelqu'un\n".utf8).write(to: file)
        #expect(throws: FixWriteError.changed) {
            try AtomicFileWriter.replace(path: file.path, expected: original, modified: date, with: Array("après\n".utf8))
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "modifié par quelqu'un\n")
        // Same bytes, other modification date: refused as well.
        try Data("avant\n".utf8).write(to: file)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1000)], ofItemAtPath: file.path)
        #expect(throws: FixWriteError.changed) {
            try AtomicFileWriter.replace(path: file.path, expected: original, modified: date, with: Array("après\n".utf8))
        }
        // Unchanged: replaced, permissions kept, no temporary file left.
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        let now = AtomicFileWriter.modificationDate(file.path)
        try AtomicFileWriter.replace(path: file.path, expected: original, modified: now, with: Array("après\n".utf8))
        #expect(try String(contentsOf: file, encoding: .utf8) == "après\n")
        #expect((try FileManager.default.attributesOfItem(atPath: file.path))[.posixPermissions] as? Int == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["a.txt"])
    }

    @Test("the complexite rule has its metadata, and its examples behave at a maximum of 50")
    func complexityRule() throws {
        let rule = ComplexityRule.description
        #expect(LintRules.description(of: "complexite") == rule)
        #expect(rule.kind == .document)
        let engine = try LintEngine(base: sharedAnalyzer, targets: [])
        var settings = LintSettings()
        settings.thresholds.maximumComplexity = 50
        let directory = try TemporaryDirectory()
        for (k, example) in rule.examples.enumerated() {
            let file = try directory.file("e\(k).txt", Array(example.text.utf8))
            let result = engine.lint(LintTarget(path: file.path, displayPath: "e", kind: .texte, settings: settings))
            #expect(result.issues.contains { $0.rule == rule.id } == example.triggers, "\(example.text)")
        }
    }
}
