import ArgumentParser
import Foundation
import Limpide

struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexique",
        abstract: "Vérifie, compte ou consulte le lexique.",
        subcommands: [LexiconCheckCommand.self, LexiconStatsCommand.self, LexiconSearchCommand.self]
    )
}

struct LexiconSearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "chercher", abstract: "Montre ce que le lexique sait d'un terme.")

    @Argument(help: "Le terme à chercher (sigle ou expression).")
    var term: String

    @OptionGroup var lexiconOptions: LexiconOptions

    func run() throws {
        let lexicon = try lexiconOptions.lexicon()
        let entries = lexicon.entries(for: term)
        guard !entries.isEmpty else {
            Terminal.write("Le lexique ne connaît pas « \(term) ».\n")
            throw ExitCode(1)
        }
        for entry in entries {
            var text = "\(entry.form) (\(entry.kind.rawValue))"
            if let expansion = entry.expansion { text += "\n  développement : \(expansion)" }
            if let explanation = entry.explanation { text += "\n  explication : \(explanation)" }
            if let replacement = entry.replacement {
                text += "\n  remplacement : \(replacement.singular)" + (replacement.plural.map { " | \($0)" } ?? "")
            }
            if !entry.variants.isEmpty { text += "\n  variantes : \(entry.variants.joined(separator: " | "))" }
            text += "\n  domaines : \(entry.domains.joined(separator: ", "))"
            if let source = entry.source { text += "\n  source : \(source)" }
            text += "\n  fichier : \(entry.location)\n"
            Terminal.write(text)
        }
    }
}

struct LexiconCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verifier",
        abstract: "Vérifie le lexique : doublons, explications vides ou trop longues, jargon dans les explications, remplacements, domaines, encodage."
    )

    @Argument(help: ArgumentHelp("Vérifie les fichiers .tsv de ce dossier au lieu du lexique compilé dans le programme (pour vérifier une modification sans recompiler).", valueName: "DOSSIER"))
    var folder: String?

    @OptionGroup var lexiconOptions: LexiconOptions

    func run() throws {
        var lexicon = try lexiconOptions.lexicon()
        var prefix = "Lexicon/"
        if let folder {
            lexicon = Lexicon(files: try LexiconFolder.read(folder)).adding(try lexiconOptions.extraFiles())
            prefix = folder.hasSuffix("/") ? folder : folder + "/"
        }
        let issues = LexiconValidator.validate(lexicon)
        for issue in issues {
            let file = lexiconOptions.extraLexicons.contains(issue.location.file) ? issue.location.file : prefix + issue.location.file
            Terminal.write("\(file):\(issue.location.line): \(issue.message)\n")
        }
        if issues.isEmpty {
            Terminal.write("Lexique correct : \(lexicon.entries.count) entrées vérifiées.\n")
        } else {
            Terminal.write("\(issues.count) problème\(issues.count > 1 ? "s" : "") dans le lexique.\n")
            throw ExitCode(1)
        }
    }
}

struct LexiconStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Compte les entrées du lexique par type et par domaine.")

    @Option(name: .customLong("format"), help: "texte ou json.")
    var format: OutputFormat = .texte

    @OptionGroup var lexiconOptions: LexiconOptions

    func run() throws {
        let statistics = LexiconStatistics(try lexiconOptions.lexicon())
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            Terminal.write(String(decoding: try encoder.encode(statistics), as: UTF8.self) + "\n")
        case .texte:
            var text = "Sigles : \(statistics.acronyms) (\(statistics.acronymMeanings) sens), dont \(statistics.acronymsWithExplanation) expliqués\n"
            text += "Jargon, formules, termes juridiques et latins : \(statistics.jargon), dont \(statistics.jargonWithReplacement) avec un remplacement\n"
            text += "Par domaine :\n"
            for (domain, count) in statistics.domains.sorted(by: { $0.key < $1.key }) { text += "  \(domain) : \(count)\n" }
            Terminal.write(text)
        }
    }
}

/// Reads the lexicon files of a folder.
enum LexiconFolder {
    static func read(_ path: String) throws -> [Lexicon.File] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError(message: "« \(path) » n'est pas un dossier de lexique.")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let files = try names.filter { $0.hasSuffix(".tsv") }.sorted().map { name -> Lexicon.File in
            let input = try InputReader.read((path as NSString).appendingPathComponent(name))
            return Lexicon.File(name: name, text: input.decoded.text)
        }
        guard files.contains(where: { $0.name == Lexicon.domainsFileName }) else {
            throw CLIError(message: "le dossier « \(path) » n'a pas de fichier \(Lexicon.domainsFileName).")
        }
        return files
    }
}
