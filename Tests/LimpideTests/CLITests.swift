import Foundation
import Testing

@testable import Limpide

/// Runs the built `limpide` executable.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutData: Data
    }

    static let executable: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        for directory in candidates {
            let url = directory.appending(path: "limpide")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return Paths.repository.appending(path: ".build/debug/limpide")
    }()

    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:], directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self), stdoutData: outData)
    }
}

/// A temporary folder removed at the end of the test.
final class TemporaryDirectory {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appending(path: "limpide-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    func file(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let file = url.appending(path: name)
        try Data(bytes).write(to: file)
        return file
    }
}

/// Validates JSON against a JSON Schema with Python's jsonschema (installed by .ci/run).
func validate(json: Data, schema: URL) throws -> String? {
    let temporary = try TemporaryDirectory()
    let instance = try temporary.file("instance.json", Array(json))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        instance = json.load(open(sys.argv[2]))
        cls = jsonschema.validators.validator_for(schema)
        errors = sorted(cls(schema).iter_errors(instance), key=lambda e: list(e.path))
        for e in errors[:5]: print(list(e.path), e.message)
        sys.exit(1 if errors else 0)
        """, schema.path, instance.path]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return process.terminationStatus == 0 ? nil : String(decoding: data, as: UTF8.self)
}

@Suite("Command line")
struct CLITests {
    let letter = "Madame,\nVotre APL est versée à compter du 1er mars par la CAF.\nIl vous appartient de répondre.\n"

    @Test("a file and stdin give the same output, exit 0")
    func fileAndStdin() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.file("courrier.txt", Array(letter.utf8))
        let fromFile = try CLI.run([file.path])
        let fromStdin = try CLI.run([], stdin: Data(letter.utf8))
        let fromDash = try CLI.run(["-"], stdin: Data(letter.utf8))
        #expect(fromFile.status == 0)
        #expect(fromFile.stdout == fromStdin.stdout)
        #expect(fromFile.stdout == fromDash.stdout)
        #expect(fromFile.stdout.hasPrefix("Madame,\nVotre APL (aide personnalisée au logement"))
        #expect(fromFile.stdout.contains("Glossaire"))
        #expect(fromFile.stderr.isEmpty)
    }

    @Test("--version and --help exit 0")
    func versionAndHelp() throws {
        let version = try CLI.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == Limpide.version)
        let help = try CLI.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("courriers administratifs"))
    }

    @Test("usage errors exit 2 with a French message, not 64")
    func usageErrors() throws {
        let unknown = try CLI.run(["--inconnue"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("option inconnue"))
        let badStyle = try CLI.run(["--style", "n'importe", "-"], stdin: Data())
        #expect(badStyle.status == 2)
    }

    @Test("missing file, folder, binary data and invalid UTF-8 exit 2 with a French message")
    func badInput() throws {
        let directory = try TemporaryDirectory()
        let missing = try CLI.run([directory.url.appending(path: "absent.txt").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("n'existe pas"))
        let folder = try CLI.run([directory.url.path])
        #expect(folder.status == 2)
        #expect(folder.stderr.contains("dossier"))
        let binary = try directory.file("image.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
        let binaryRun = try CLI.run([binary.path])
        #expect(binaryRun.status == 2)
        #expect(binaryRun.stderr.contains("binaire"))
        #expect(binaryRun.stdout.isEmpty)
        let invalid = try directory.file("casse.txt", Array("Votre APL est versée ".utf8) + [0xC3, 0x28] + Array("é".utf8))
        let invalidRun = try CLI.run([invalid.path])
        #expect(invalidRun.status == 2)
        #expect(invalidRun.stderr.contains("octet invalide à la position \(Array("Votre APL est versée ".utf8).count)"))
    }

    @Test("UTF-16 and Windows-1252 letters are decoded, with positions in the decoded UTF-8")
    func otherEncodings() throws {
        let directory = try TemporaryDirectory()
        let text = "Réf. : votre APL à compter du 1er mars."
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let cp1252: [UInt8] = text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        for (name, bytes, encoding) in [("u16.txt", utf16, "UTF-16LE"), ("w.txt", cp1252, "Windows-1252")] {
            let file = try directory.file(name, bytes)
            let run = try CLI.run(["--format", "json", file.path])
            #expect(run.status == 0, "\(name): \(run.stderr)")
            let json = try JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any]
            #expect(json?["encoding"] as? String == encoding)
            let findings = json?["findings"] as? [[String: Any]] ?? []
            let apl = findings.first { $0["text"] as? String == "APL" }
            #expect(apl?["offset"] as? Int == Array("Réf. : votre ".utf8).count)
        }
    }

    @Test("empty input gives an empty result and exit 0")
    func emptyInput() throws {
        let run = try CLI.run([], stdin: Data())
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        let json = try CLI.run(["--format", "json"], stdin: Data())
        #expect(json.status == 0)
        #expect(json.stdout.contains("\"findings\" : [\n\n  ]") || json.stdout.contains("\"findings\" : ["))
    }

    @Test("--sortie never writes over the input")
    func neverOverwriteInput() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.file("courrier.txt", Array(letter.utf8))
        let run = try CLI.run([file.path, "--sortie", file.path])
        #expect(run.status == 2)
        #expect(try String(contentsOf: file, encoding: .utf8) == letter)
        let output = directory.url.appending(path: "explique.txt")
        let ok = try CLI.run([file.path, "--sortie", output.path])
        #expect(ok.status == 0)
        #expect(try String(contentsOf: output, encoding: .utf8).contains("Glossaire"))
    }

    @Test("--lexique adds entries and reports bad lines as fichier:ligne: message")
    func userLexicon() throws {
        let directory = try TemporaryDirectory()
        let lexicon = try directory.file("perso.tsv", Array("forme\tvariantes\ttype\tdeveloppement\texplication\tremplacement\tdomaines\tsource\tnote\nZZQX\t\tsigle\tzone de test\tun sigle inventé pour ce test\t\tgeneral\tLimpide\t\nmauvais\t\tjargon\t\t\t\tgeneral\t\t\n".utf8))
        let run = try CLI.run(["--lexique", lexicon.path, "-"], stdin: Data("Le ZZQX est là.".utf8))
        #expect(run.status == 0)
        #expect(run.stdout.contains("ZZQX (zone de test : un sigle inventé pour ce test)"))
        #expect(run.stderr.contains("perso.tsv:3: explication vide pour « mauvais »"))
    }

    @Test("JSON output validates against its schema and offsets point at the text")
    func jsonOutput() throws {
        let schema = Paths.repository.appending(path: "docs/schemas/limpide-report.schema.json")
        for url in Paths.corpusFiles() + [Paths.repository.appending(path: "Examples")].flatMap({ (try? FileManager.default.contentsOfDirectory(at: $0, includingPropertiesForKeys: nil)) ?? [] }).filter({ $0.pathExtension == "txt" }) {
            let run = try CLI.run(["--format", "json", url.path])
            #expect(run.status == 0)
            #expect(try validate(json: run.stdoutData, schema: schema) == nil, "\(url.lastPathComponent)")
            let bytes = Array(try Data(contentsOf: url))
            let json = try JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any]
            for finding in json?["findings"] as? [[String: Any]] ?? [] {
                let offset = finding["offset"] as? Int ?? -1
                let length = finding["length"] as? Int ?? -1
                let text = finding["text"] as? String
                #expect(offset >= 0 && offset + length <= bytes.count)
                if offset >= 0, offset + length <= bytes.count {
                    #expect(String(decoding: bytes[offset..<(offset + length)], as: UTF8.self) == text)
                }
            }
        }
    }
}

@Suite("Command line: never writing over without asking")
struct OverwriteTests {
    @Test("--sortie refuses an existing file unless --ecraser")
    func refuseExisting() throws {
        let directory = try TemporaryDirectory()
        let input = try directory.file("courrier.txt", Array("La CAF vous écrit.\n".utf8))
        let existing = try directory.file("garde.txt", Array("à garder\n".utf8))
        let refused = try CLI.run([input.path, "--sortie", existing.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--ecraser"))
        #expect(try String(contentsOf: existing, encoding: .utf8) == "à garder\n")
        let allowed = try CLI.run([input.path, "--sortie", existing.path, "--ecraser"])
        #expect(allowed.status == 0)
        #expect(try String(contentsOf: existing, encoding: .utf8).contains("Caisse d'allocations familiales"))
    }
}

@Suite("Command line: empty inputs")
struct EmptyInputTests {
    @Test("an empty page is an empty input: empty result, exit 0; score says the text is empty")
    func emptyPages() throws {
        let directory = try TemporaryDirectory()
        for name in ["vide.xhtml", "vide.html"] {
            let page = try directory.file(name, Array("\n  \n".utf8))
            let run = try CLI.run([page.path])
            #expect(run.status == 0, "\(name): \(run.stderr)")
            #expect(run.stdout.isEmpty)
            let json = try CLI.run(["--format", "json", page.path])
            #expect(json.status == 0)
            #expect(try validate(json: json.stdoutData, schema: Paths.repository.appending(path: "docs/schemas/limpide-report.schema.json")) == nil)
        }
        let score = try CLI.run(["score"], stdin: Data())
        #expect(score.status == 0)
        #expect(score.stdout.contains("Texte vide"))
    }
}
