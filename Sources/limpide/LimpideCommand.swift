import ArgumentParser
import Limpide

struct LimpideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "limpide",
        abstract: "Rend les courriers administratifs compréhensibles : sigles et formules expliqués en français simple.",
        discussion: """
            Exemples :
              limpide courrier.txt                 explique un courrier
              cat courrier.txt | limpide           la même chose depuis l'entrée standard
              limpide --style remplacer lettre.txt remplace les formules par des mots simples
              limpide --format json courrier.txt   résultat pour un programme
              limpide score courrier.txt           la complexité du courrier et ce qui le rend difficile
              limpide page.xhtml                   une page XHTML ou HTML annotée (sigles en <abbr>)
              limpide lexique verifier             vérifie le lexique

            Tout se passe sur votre ordinateur : aucun texte n'est envoyé nulle part.
            """,
        version: Limpide.version,
        subcommands: [ExplainCommand.self, ScoreCommand.self, LintCommand.self, LexiconCommand.self, RulesCommand.self],
        defaultSubcommand: ExplainCommand.self
    )
}
