import ArgumentParser
import Foundation
import Limpide

struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexique",
        abstract: "Vérifie, compte ou consulte le lexique.",
        subcommands: [LexiconSearchCommand.self]
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
