import Foundation
import Testing

@testable import Limpide

@Suite("Lint: baseline (--reference, --ecrire-reference, --reference-stricte)")
struct LintBaselineTests {
    static let letter = "Votre dossier a été transmis à la CAF.\nVotre aide est versée à compter du 1er mars.\n"

    func lint(_ files: [(String, String)], in directory: TemporaryDirectory) throws -> [LintFileResult] {
        let engine = try LintEngine(base: sharedAnalyzer, targets: [])
        var targets: [LintTarget] = []
        for (name, text) in files {
            let url = try directory.file(name, Array(text.utf8))
            targets.append(LintTarget(path: url.path, displayPath: name, kind: .texte, settings: LintSettings()))
        }
        return engine.lint(targets, jobs: 1)
    }

    @Test("matching by rule, file and text: lines added above do not make old findings new")
    func matchingIgnoresLines() throws {
        let directory = try TemporaryDirectory()
        let before = try lint([("a.txt", Self.letter)], in: directory)
        let baseline = Baseline(results: before, relativeTo: directory.url.path)
        #expect(baseline.findings.contains { $0.rule == "sigle-non-defini" && $0.file == "a.txt" && $0.text == "CAF" && $0.count == 1 })

        // Two paragraphs added above, and the text re-wrapped: nothing new.
        let edited = "Madame,\n\nNous avons bien reçu votre demande.\n\n" + Self.letter.replacingOccurrences(of: "à compter du", with: "à compter\n du")
        var after = try lint([("a.txt", edited)], in: directory)
        #expect(after[0].issues.contains { $0.rule == "sigle-non-defini" })
        let absent = baseline.apply(to: &after, relativeTo: directory.url.path)
        #expect(after[0].issues.isEmpty, "\(after[0].issues.map(\.finding.text))")
        #expect(after[0].known == before[0].issues.count)
        #expect(absent.isEmpty)
    }

    @Test("counts: a third use of a recorded text is new; a fixed one is absent (strict)")
    func counts() throws {
        let directory = try TemporaryDirectory()
        let two = "Le versement a lieu à compter du 1er mars. Le contrôle a lieu à compter du 1er mai.\n"
        let baseline = Baseline(results: try lint([("a.txt", two)], in: directory), relativeTo: directory.url.path)
        #expect(baseline.findings.first { $0.rule == "jargon-remplacable" && $0.text == "à compter du" }?.count == 2)

        var three = try lint([("a.txt", two + "Le paiement a lieu à compter du 1er juin.\n")], in: directory)
        _ = baseline.apply(to: &three, relativeTo: directory.url.path)
        #expect(three[0].issues.filter { $0.rule == "jargon-remplacable" }.map(\.start.line) == [2], "the new one is the third, in text order")

        var one = try lint([("a.txt", "Le versement a lieu à partir du 1er mars. Le contrôle a lieu à compter du 1er mai.\n")], in: directory)
        let absent = baseline.apply(to: &one, relativeTo: directory.url.path)
        #expect(absent == [Baseline.Entry(rule: "jargon-remplacable", file: "a.txt", text: "à compter du", count: 1)])
        #expect(one[0].issues.isEmpty)

        // Files not linted in this run are not judged.
        var other = try lint([("b.txt", "Bonjour.\n")], in: directory)
        #expect(baseline.apply(to: &other, relativeTo: directory.url.path).isEmpty)
    }

    @Test("the baseline file round-trips and is stable")
    func roundTrip() throws {
        let directory = try TemporaryDirectory()
        let baseline = Baseline(results: try lint([("b.txt", Self.letter), ("a.txt", Self.letter)], in: directory), relativeTo: directory.url.path)
        let url = try directory.file("ref.json", Array(baseline.encoded()))
        let loaded = try Baseline.load(path: url.path)
        #expect(loaded == baseline)
        #expect(loaded.findings.map(\.file) == loaded.findings.map(\.file).sorted())
        #expect(baseline.encoded() == Baseline(results: try lint([("a.txt", Self.letter), ("b.txt", Self.letter)], in: directory), relativeTo: directory.url.path).encoded())
        let broken = try directory.file("casse.json", Array("{ pas du json".utf8))
        #expect(throws: BaselineError.self) { try Baseline.load(path: broken.path) }
    }

    @Test("CLI: --ecrire-reference then --reference reports only new findings; --reference-stricte fails on a disappeared one")
    func commandLine() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.file("lettre.txt", Array(Self.letter.utf8))
        let reference = directory.url.appending(path: "ref/limpide-reference.json").path
        try FileManager.default.createDirectory(atPath: directory.url.appending(path: "ref").path, withIntermediateDirectories: true)

        let write = try CLI.run(["lint", "--echec-a", "avertissement", "--ecrire-reference", reference, file.path])
        #expect(write.status == 0, "writing a baseline accepts today's findings: \(write.stdout)")
        #expect(write.stderr.contains("référence écrite"))
        let stored = try Baseline.load(path: reference)
        #expect(stored.findings.contains { $0.file == "../lettre.txt" && $0.text == "CAF" }, "paths relative to the baseline's folder")

        // Same text, one more paragraph above and one new finding below.
        try Data(("Madame,\n\n" + Self.letter + "La CPAM vous écrira.\n").utf8).write(to: file)
        let check = try CLI.run(["lint", "--echec-a", "avertissement", "--reference", reference, "--format", "json", "lettre.txt"], directory: directory.url)
        #expect(check.status == 1)
        let json = try JSONSerialization.jsonObject(with: check.stdoutData) as? [String: Any]
        let files = json?["files"] as? [[String: Any]] ?? []
        let findings = files.first?["findings"] as? [[String: Any]] ?? []
        #expect(findings.map { $0["text"] as? String } == ["CPAM"], "only the new finding")
        #expect((files.first?["known"] as? Int ?? 0) > 0)

        // Fix the CAF line: strict mode fails and names what disappeared.
        try Data("Votre aide est versée à compter du 1er mars.\nLa caisse d'allocations familiales vous répond.\n".utf8).write(to: file)
        let lenient = try CLI.run(["lint", "--reference", reference, file.path])
        #expect(lenient.status == 0, "\(lenient.stdout)")
        let strict = try CLI.run(["lint", "--reference", reference, "--reference-stricte", file.path])
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("[sigle-non-defini] « CAF » n'apparaît plus"))
        let missing = try CLI.run(["lint", "--reference", directory.url.appending(path: "absente.json").path, file.path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--ecrire-reference"))
        let usage = try CLI.run(["lint", "--reference-stricte", file.path])
        #expect(usage.status == 2)
    }
}
