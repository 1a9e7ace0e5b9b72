import ArgumentParser
import Foundation
import Limpide

/// An error for people: a French message and an exit code.
struct CLIError: Error {
    var message: String
    var exitCode: Int32 = 2
}

enum Terminal {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("limpide : " + message + "\n").utf8))
    }

    static func warning(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Colours only on a terminal, and never when NO_COLOR is set.
    static var useColor: Bool {
        if ProcessInfo.processInfo.environment["NO_COLOR"].map({ !$0.isEmpty }) ?? false { return false }
        return isatty(STDOUT_FILENO) == 1
    }
}

/// Argument-parser speaks English; translate its usual messages.
enum UsageMessages {
    static func french(_ message: String) -> String {
        var text = message
        let table: [(String, String)] = [
            ("Error: ", "erreur d'utilisation : "),
            ("Missing expected argument", "argument attendu manquant"),
            ("Unexpected argument", "argument inattendu"),
            ("Unknown option", "option inconnue"),
            ("Missing value for", "valeur manquante pour"),
            ("The value", "la valeur"),
            ("is invalid for", "n'est pas valable pour"),
            ("Please provide one of", "valeurs possibles :"),
            ("Usage:", "Utilisation :"),
            // Help pages.
            ("OVERVIEW: ", ""),
            ("USAGE:", "UTILISATION :"),
            ("ARGUMENTS:", "ARGUMENTS :"),
            ("OPTIONS:", "OPTIONS :"),
            ("SUBCOMMANDS:", "SOUS-COMMANDES :"),
            ("Show the version.", "Affiche la version."),
            ("Show help information.", "Affiche cette aide."),
            ("(default)", "(défaut) "),
            ("(default: ", "(par défaut : "),
            ("(values: ", "(valeurs : "),
            ("See 'limpide help <subcommand>' for detailed help.", "Aide d'une sous-commande : limpide help <sous-commande>"),
            ("<subcommand>", "<sous-commande>"),
            ("See '", "Voir '"),
            ("' for more information.", "' pour plus d'informations."),
        ]
        for (english, french) in table { text = text.replacingOccurrences(of: english, with: french) }
        return text
    }
}

/// Reads an input (a path, or `-` / nothing for standard input) as text.
enum InputReader {
    struct Input {
        var name: String
        var decoded: DecodedText
    }

    /// The bytes of a file, or of standard input for `-`.
    static func bytes(_ name: String) throws -> [UInt8] {
        if name == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        try checkReadable(name)
        guard let data = FileManager.default.contents(atPath: name) else {
            throw CLIError(message: "impossible de lire « \(name) » (droits d'accès ?).")
        }
        return Array(data)
    }

    /// A file that exists and is not a folder.
    static func checkReadable(_ name: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: name, isDirectory: &isDirectory) else {
            throw CLIError(message: "le fichier « \(name) » n'existe pas.")
        }
        guard !isDirectory.boolValue else {
            throw CLIError(message: "« \(name) » est un dossier, pas un fichier.")
        }
    }

    static func read(_ path: String?) throws -> Input {
        let name = path ?? "-"
        let bytes = try bytes(name)
        return try decode(bytes, name: name)
    }

    static func decode(_ bytes: [UInt8], name: String) throws -> Input {
        do {
            return Input(name: name, decoded: try TextDecoder.decode(bytes))
        } catch {
            throw CLIError(message: describe(error, name: name))
        }
    }

    static func describe(_ error: DecodingError, name: String) -> String {
        error.message(file: name)
    }
}

/// Options shared by the commands that analyse texts.
struct LexiconOptions: ParsableArguments {
    @Option(name: .customLong("lexique"), help: ArgumentHelp("Un fichier de lexique en plus du lexique fourni (répétable).", valueName: "FICHIER"))
    var extraLexicons: [String] = []

    /// The user's lexicon files, read.
    func extraFiles() throws -> [Lexicon.File] {
        try extraLexicons.map { path in Lexicon.File(name: path, text: try InputReader.read(path).decoded.text) }
    }

    /// The bundled lexicon plus the user's files; bad lines are reported on stderr.
    func lexicon() throws -> Lexicon {
        let bundled = Lexicon.bundled()
        guard !extraLexicons.isEmpty else { return bundled }
        let lexicon = bundled.adding(try extraFiles())
        for issue in lexicon.issues where extraLexicons.contains(issue.location.file) {
            Terminal.warning(issue.description)
        }
        return lexicon
    }
}
