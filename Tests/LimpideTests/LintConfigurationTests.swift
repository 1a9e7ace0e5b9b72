import Foundation
import Testing

@testable import Limpide

@Suite("Lint: configuration, patterns, discovery")
struct LintConfigurationTests {
    static let sample = """
        # Configuration d'essai
        regles:
          voix-passive: non
          phrase-longue: erreur
          sigle-inconnu: oui
        seuils:
          phrase-longue: 25
          complexite-max: 60
        termes-ignores: [RSA, "à compter de"]
        inclure: ["modeles/**"]
        exclure: [brouillons]
        echec-a: avertissement
        par-chemin:
          - fichiers: "modeles/mentions-legales/**"
            regles:
              phrase-longue: info
            seuils:
              phrase-longue: 40
              complexite-max: 80
        """

    @Test("a configuration is read: rules, thresholds, ignored terms, patterns, failOn, overrides")
    func parse() throws {
        let configuration = try LintConfiguration.parse(Self.sample, file: ".limpide.yml", directory: "/projet")
        #expect(configuration.base.rules["voix-passive"] == .off)
        #expect(configuration.base.rules["phrase-longue"] == .on(.erreur))
        #expect(configuration.base.rules["sigle-inconnu"] == .on(nil))
        #expect(configuration.base.thresholds.longSentence == 25)
        #expect(configuration.base.thresholds.maximumComplexity == 60)
        #expect(configuration.base.ignoredTerms == ["RSA", "à compter de"])
        #expect(configuration.base.failOn == .avertissement)
        #expect(configuration.overrides.count == 1)

        let letter = configuration.settings(for: "/projet/modeles/lettre.txt")
        #expect(!letter.isEnabled("voix-passive"))
        #expect(letter.severity(of: "phrase-longue", default: .avertissement) == .erreur)
        #expect(letter.thresholds.longSentence == 25)
        #expect(letter.failOn == .avertissement)
        #expect(letter.configurationFile == ".limpide.yml")

        // The folder of legal notices allows more.
        let legal = configuration.settings(for: "/projet/modeles/mentions-legales/cgu.md")
        #expect(legal.severity(of: "phrase-longue", default: .avertissement) == .info)
        #expect(legal.thresholds.longSentence == 40)
        #expect(legal.thresholds.maximumComplexity == 80)
        #expect(!legal.isEnabled("voix-passive"), "the base still applies under an override")

        #expect(configuration.includesDiscovered("/projet/modeles/a.txt"))
        #expect(!configuration.includesDiscovered("/projet/autres/a.txt"), "inclure replaces the default extensions")
        #expect(!configuration.includesDiscovered("/projet/modeles/brouillons/a.txt"))
        #expect(configuration.excludes("/projet/modeles/brouillons/a.txt"))
    }

    @Test(
        "bad configurations are errors with their line",
        arguments: [
            ("regles:\n  voix-pasive: non\n", 2, "vouliez-vous dire « voix-passive »"),
            ("regles:\n  voix-passive: grave\n", 2, "réglage « grave » inconnu"),
            ("seuils:\n  phrase-longue: beaucoup\n", 2, "nombre entier"),
            ("seuils:\n  complexite-max: 300\n", 2, "de 0 à 100"),
            ("lexiques:\n  - absent.tsv\n", 2, "n'existe pas"),
            ("inclure: [a]\nregle:\n  x: non\n", 2, "clé inconnue « regle »"),
            ("regles:\n  voix-passive: non\n   phrase-longue: info\n", 3, "YAML invalide"),
            ("regles:\n\tvoix-passive: non\n", 2, "tabulation"),
            ("par-chemin:\n  - regles:\n      voix-passive: non\n", 2, "fichiers"),
            ("echec-a: parfois\n", 1, "gravité attendue"),
        ])
    func errors(yaml: String, line: Int, message: String) {
        do {
            _ = try LintConfiguration.parse(yaml, file: ".limpide.yml", directory: "/nulle-part")
            Issue.record("accepted: \(yaml)")
        } catch {
            #expect(error.line == line, "\(yaml) → \(error)")
            #expect(error.message.contains(message), "\(error)")
            #expect(error.description.hasPrefix(".limpide.yml:\(line):"))
        }
    }

    @Test("an empty file is the defaults")
    func empty() throws {
        let configuration = try LintConfiguration.parse("# rien\n", file: ".limpide.yml", directory: "/p")
        #expect(configuration.base == LintRuleSet())
        #expect(configuration.settings(for: "/p/a.txt").failOn == .erreur)
    }

    @Test(
        "patterns: *, **, ?, classes, names at any depth, folders cover their files",
        arguments: [
            ("*.md", "a.md", true), ("*.md", "docs/a.md", true), ("*.md", "a.txt", false),
            ("docs/*.md", "docs/a.md", true), ("docs/*.md", "docs/x/a.md", false),
            ("docs/**/*.md", "docs/a.md", true), ("docs/**/*.md", "docs/x/y/a.md", true), ("docs/**/*.md", "autre/a.md", false),
            ("brouillons", "a/brouillons/b.txt", true), ("brouillons", "brouillonsX/b.txt", false),
            ("/lettres", "lettres/a.txt", true), ("/lettres", "x/lettres/a.txt", false),
            ("lettre-?.txt", "lettre-1.txt", true), ("lettre-?.txt", "lettre-12.txt", false),
            ("lettre-[0-9].txt", "lettre-7.txt", true), ("lettre-[!0-9].txt", "lettre-7.txt", false),
            ("modeles/**", "modeles/a/b.txt", true), ("**/mentions-legales/**", "x/mentions-legales/y.md", true),
            ("*lettre*", "ma-lettre-caf.txt", true),
        ])
    func globs(pattern: String, path: String, matches: Bool) {
        #expect(Glob(pattern).matches(path) == matches, "\(pattern) ~ \(path)")
    }

    @Test("the nearest .limpide.yml applies, walking up to the repository root; --config replaces it")
    func discovery() throws {
        let directory = try TemporaryDirectory()
        let root = directory.url.path
        let manager = FileManager.default
        try manager.createDirectory(atPath: root + "/.git", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: root + "/modeles/legal", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: root + "/.cache", withIntermediateDirectories: true)
        _ = try directory.file(".limpide.yml", Array("regles:\n  voix-passive: non\nexclure: [brouillon.txt]\n".utf8))
        _ = try directory.file("modeles/legal/.limpide.yml", Array("seuils:\n  phrase-longue: 40\n".utf8))
        for name in ["a.txt", "brouillon.txt", "modeles/b.md", "modeles/legal/c.txt", "modeles/image.png", ".cache/d.txt"] {
            _ = try directory.file(name, Array("Bonjour.".utf8))
        }
        var resolver = ConfigurationResolver(explicit: nil, currentDirectory: root)
        let found = try FileDiscovery.discover(["."], resolver: &resolver)
        #expect(found.targets.map(\.displayPath) == ["a.txt", "modeles/b.md", "modeles/legal/c.txt"])
        #expect(found.excluded == 1)
        let byName = Dictionary(uniqueKeysWithValues: found.targets.map { ($0.displayPath, $0) })
        #expect(byName["a.txt"]?.settings.isEnabled("voix-passive") == false)
        #expect(byName["modeles/b.md"]?.kind == .markdown)
        #expect(byName["modeles/b.md"]?.settings.configurationFile == ".limpide.yml")
        // The nearest file applies whole: not merged with the one above.
        #expect(byName["modeles/legal/c.txt"]?.settings.thresholds.longSentence == 40)
        #expect(byName["modeles/legal/c.txt"]?.settings.isEnabled("voix-passive") == true)
        #expect(byName["modeles/legal/c.txt"]?.settings.configurationFile == "modeles/legal/.limpide.yml")

        // Named files are linted whatever their extension, unless excluded; a missing one is an error.
        var again = ConfigurationResolver(explicit: nil, currentDirectory: root)
        let named = try FileDiscovery.discover(["modeles/image.png", "brouillon.txt", "absent.txt", "modeles/*.md", "rien/*.txt"], resolver: &again)
        #expect(named.targets.map(\.displayPath) == ["modeles/image.png", "modeles/b.md"])
        #expect(named.errors.count == 2)
        #expect(named.errors.contains { $0.contains("absent.txt") && $0.contains("n'existe pas") })
        #expect(named.errors.contains { $0.contains("aucun fichier ne correspond") })

        // --config: one configuration for every file.
        let explicit = try LintConfiguration.parse("seuils:\n  phrase-longue: 12\n", file: "ci.yml", directory: root)
        var forced = ConfigurationResolver(explicit: explicit, currentDirectory: root)
        let all = try FileDiscovery.discover(["."], resolver: &forced, commandLine: .init(failOn: .info, maximumComplexity: 50))
        #expect(all.targets.count == 4)
        #expect(all.targets.allSatisfy { $0.settings.thresholds.longSentence == 12 && $0.settings.failOn == .info })
        #expect(all.targets.allSatisfy { $0.settings.thresholds.maximumComplexity == 50 })
    }

    @Test("the examples: Examples/.limpide.yml is a valid configuration and applies to the example letters; the hooks call limpide lint")
    func examples() throws {
        let examples = Paths.repository.appending(path: "Examples")
        let configuration = try LintConfiguration.load(path: examples.appending(path: ".limpide.yml").path)
        #expect(configuration.base.rules["voix-passive"] == .off)
        #expect(configuration.overrides.count == 2)
        var resolver = ConfigurationResolver(explicit: nil, currentDirectory: Paths.repository.path)
        let found = try FileDiscovery.discover([examples.path], resolver: &resolver)
        #expect(found.targets.contains { $0.displayPath.hasSuffix("courrier-caf.xhtml") && $0.kind == .xhtml })
        #expect(found.targets.allSatisfy { $0.settings.configurationFile == "Examples/.limpide.yml" })
        for hooks in [Paths.repository.appending(path: ".pre-commit-hooks.yaml"), examples.appending(path: ".pre-commit-hooks.yaml")] {
            let text = try String(contentsOf: hooks, encoding: .utf8)
            #expect(text.contains("entry: limpide lint") && text.contains("language: swift"))
        }
        let workflow = try String(contentsOf: examples.appending(path: "github-actions-limpide.yml"), encoding: .utf8)
        #expect(workflow.contains("limpide lint --format sarif") && workflow.contains("upload-sarif"))
    }

    @Test("configuration thresholds and rules change what the engine reports")
    func engineApplies() throws {
        let text = "Votre dossier a été transmis à la CAF. Votre aide est versée à compter du 1er mars.\n"
        let directory = try TemporaryDirectory()
        let file = try directory.file("a.txt", Array(text.utf8))
        let engine = try LintEngine(base: sharedAnalyzer, targets: [])
        let defaults = engine.lint(LintTarget(path: file.path, displayPath: "a.txt", kind: .texte, settings: LintSettings()))
        #expect(defaults.issues.contains { $0.rule == "voix-passive" })
        #expect(defaults.issues.contains { $0.rule == "sigle-non-defini" && $0.severity == .avertissement })

        let configuration = try LintConfiguration.parse(
            "regles:\n  voix-passive: non\n  sigle-non-defini: erreur\ntermes-ignores: [à compter de]\n", file: "c.yml", directory: directory.url.path)
        let configured = engine.lint(
            LintTarget(path: file.path, displayPath: "a.txt", kind: .texte, settings: configuration.settings(for: file.path)))
        #expect(!configured.issues.contains { $0.rule == "voix-passive" })
        #expect(configured.issues.contains { $0.rule == "sigle-non-defini" && $0.severity == .erreur })
        #expect(!configured.issues.contains { $0.rule == "jargon-remplacable" }, "an ignored term covers the entry's other forms (à compter du)")

        var strict = LintSettings()
        strict.thresholds.longSentence = 5
        let short = engine.lint(LintTarget(path: file.path, displayPath: "a.txt", kind: .texte, settings: strict))
        #expect(short.issues.filter { $0.rule == "phrase-longue" }.count == 2)
    }
}
