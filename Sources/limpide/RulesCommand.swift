import ArgumentParser
import Limpide

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "regles", abstract: "Liste les règles, ou montre une règle.")

    @Argument(help: "L'identifiant d'une règle (par exemple sigle-non-defini).")
    var id: String?

    func run() throws {
        guard let id else {
            for rule in Rules.all {
                Terminal.write("\(rule.id.padding(toLength: 24, withPad: " ", startingAt: 0)) \(rule.severity.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)) \(rule.summary)\n")
            }
            return
        }
        guard let rule = Rules.description(of: id) else {
            throw CLIError(message: "règle inconnue « \(id) ». La liste : limpide regles")
        }
        var text = "\(rule.id) — \(rule.name)\ngravité par défaut : \(rule.severity.rawValue)\n\n\(rule.summary)\n\nPourquoi : \(rule.rationale)\n"
        for example in rule.examples {
            text += "\n\(example.triggers ? "Signalé" : "Correct") : \(example.text)"
        }
        Terminal.write(text + "\n")
    }
}
