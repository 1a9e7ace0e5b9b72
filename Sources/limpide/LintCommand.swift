import ArgumentParser
import Foundation
import Limpide

extension LintFormat: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

/// `limpide lint`: plain-language checks for CI, with the conventions of SwiftLint and Vale.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Vérifie des textes (modèles de lettres, formulaires) en intégration continue : sigles, jargon, phrases longues…",
        discussion: """
            Lit les fichiers .txt, .md, .html, .htm et .xhtml des dossiers donnés (récursivement), les fichiers et \
            les motifs nommés (modeles/**/*.md), ou l'entrée standard (-). Sans chemin : le dossier courant.

            Configuration : le fichier .limpide.yml le plus proche de chaque fichier (dans son dossier ou au-dessus), \
            ou --config. Un commentaire <!-- limpide-disable-next-line ID raison="…" --> (ou, en texte brut, \
            # limpide-disable-next-line ID) met un constat en sourdine.

            Code de sortie : 0 si rien n'atteint --echec-a (et la complexité reste sous --complexite-max), \
            1 sinon, 2 pour une erreur d'utilisation, de configuration ou de lecture.

            Exemples :
              limpide lint modeles/              vérifie un dossier
              limpide lint --format sarif --sortie limpide.sarif .
                                                 rapport pour GitHub code scanning
              limpide lint --ecrire-reference ref.json .
                                                 enregistre les constats actuels
              limpide lint --reference ref.json .
                                                 ne signale que les nouveaux
              limpide lint --corriger modeles/   applique les remplacements sûrs
            """
    )

    @Argument(help: ArgumentHelp("Fichiers, dossiers ou motifs ; - pour l'entrée standard. Par défaut : le dossier courant.", valueName: "CHEMIN"))
    var paths: [String] = []

    @Option(name: .customLong("format"), help: "Format du rapport : texte, json, sarif, github ou junit.")
    var format: LintFormat = .texte

    @Option(name: .customLong("config"), help: ArgumentHelp("Le fichier de configuration à utiliser pour tous les fichiers (au lieu des .limpide.yml).", valueName: "FICHIER"))
    var configurationPath: String?

    @Option(name: .customLong("echec-a"), help: "Gravité à partir de laquelle la vérification échoue : erreur (par défaut), avertissement ou info.")
    var failOn: Severity?

    @Option(name: .customLong("complexite-max"), help: ArgumentHelp("Échoue quand la complexité d'un texte dépasse ce nombre (0 à 100).", valueName: "N"))
    var maximumComplexity: Double?

    @Option(name: .customLong("reference"), help: ArgumentHelp("Ne signale que les constats absents de ce fichier de référence.", valueName: "FICHIER"))
    var baselinePath: String?

    @Option(name: .customLong("ecrire-reference"), help: ArgumentHelp("Écrit les constats actuels dans ce fichier de référence.", valueName: "FICHIER"))
    var writeBaselinePath: String?

    @Flag(name: .customLong("reference-stricte"), help: "Échoue aussi quand un constat de la référence a disparu (la référence doit rester à jour).")
    var strictBaseline = false

    @Flag(name: .customLong("corriger"), help: "Applique dans les fichiers les remplacements sûrs (jargon-remplacable), puis signale ce qui reste.")
    var fix = false

    @Option(name: .customLong("sortie"), help: ArgumentHelp("Écrit le rapport dans ce fichier au lieu de l'afficher.", valueName: "FICHIER"))
    var output: String?

    @Option(name: .customLong("taches"), help: ArgumentHelp("Nombre de fichiers vérifiés en même temps (par défaut : un par cœur).", valueName: "N"))
    var jobs: Int?

    @OptionGroup var lexiconOptions: LexiconOptions

    func validate() throws {
        if strictBaseline, baselinePath == nil, writeBaselinePath == nil {
            throw ValidationError("--reference-stricte s'emploie avec --reference FICHIER.")
        }
        if let maximumComplexity, !(0...100).contains(maximumComplexity) {
            throw ValidationError("--complexite-max attend un nombre de 0 à 100.")
        }
        if let jobs, jobs < 1 { throw ValidationError("--taches attend un nombre entier positif.") }
        if fix, paths == ["-"] { throw ValidationError("--corriger modifie des fichiers : il ne s'emploie pas avec l'entrée standard.") }
    }

    func run() throws {
        let cwd = LintPaths.absolute(FileManager.default.currentDirectoryPath)
        var explicit: LintConfiguration?
        if let configurationPath {
            do {
                explicit = try LintConfiguration.load(path: configurationPath)
            } catch {
                throw CLIError(message: error.description)
            }
        }
        var lexicons: [String] = []
        for path in lexiconOptions.extraLexicons {
            let absolute = LintPaths.absolute(path, relativeTo: cwd)
            guard FileManager.default.fileExists(atPath: absolute) else { throw CLIError(message: "le lexique « \(path) » n'existe pas.") }
            lexicons.append(absolute)
        }
        var resolver = ConfigurationResolver(explicit: explicit, currentDirectory: cwd)
        let discovery: LintDiscovery
        do {
            discovery = try FileDiscovery.discover(
                paths.isEmpty ? ["."] : paths, resolver: &resolver,
                commandLine: FileDiscovery.CommandLineSettings(failOn: failOn, maximumComplexity: maximumComplexity, lexicons: lexicons),
                standardInput: { Array(FileHandle.standardInput.readDataToEndOfFile()) })
        } catch {
            throw CLIError(message: error.description)
        }
        let engine: LintEngine
        do {
            engine = try LintEngine(base: Analyzer(), targets: discovery.targets, fix: fix)
        } catch {
            throw CLIError(message: error.message)
        }
        for issue in engine.lexiconIssues { Terminal.warning(issue) }
        var results = engine.lint(discovery.targets, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)

        var absent: [Baseline.Entry] = []
        var baseline: Baseline?
        if let writeBaselinePath {
            let written = Baseline(results: results, relativeTo: Self.folder(of: writeBaselinePath, cwd: cwd))
            do {
                try written.encoded().write(to: URL(fileURLWithPath: LintPaths.absolute(writeBaselinePath, relativeTo: cwd)), options: .atomic)
            } catch {
                throw CLIError(message: "impossible d'écrire la référence « \(writeBaselinePath) » : \(error.localizedDescription)")
            }
            Terminal.warning("limpide : référence écrite dans « \(writeBaselinePath) » (\(written.count) constat\(written.count > 1 ? "s" : "")).")
            baseline = written
        }
        if let baselinePath {
            do {
                baseline = try Baseline.load(path: LintPaths.absolute(baselinePath, relativeTo: cwd))
            } catch {
                throw CLIError(message: error.message)
            }
        }
        if let baseline {
            let path = baselinePath ?? writeBaselinePath ?? "."
            let missing = baseline.apply(to: &results, relativeTo: Self.folder(of: path, cwd: cwd))
            if strictBaseline { absent = missing }
        }

        let run = LintRun(files: results, errors: discovery.errors, absent: absent, excluded: discovery.excluded)
        for message in run.errors { Terminal.error(message) }
        for file in run.files {
            if let error = file.error { Terminal.error(error) }
            if format != .texte {
                for note in file.notes { Terminal.warning("\(file.displayPath)\(note.line.map { ":\($0)" } ?? ""): remarque : \(note.message)") }
            }
        }
        let color = format == .texte && output == nil && Terminal.useColor
        try OutputWriter.write(format.reporter(color: color).render(run), to: output, input: nil)
        if run.exitCode != 0 { throw ExitCode(run.exitCode) }
    }

    /// The folder a baseline's paths are relative to.
    static func folder(of path: String, cwd: String) -> String {
        (LintPaths.absolute(path, relativeTo: cwd) as NSString).deletingLastPathComponent
    }
}
