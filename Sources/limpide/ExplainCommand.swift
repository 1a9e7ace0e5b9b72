import ArgumentParser
import Foundation
import Limpide

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case texte, json
}

extension RewriteStyle: ExpressibleByArgument {}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expliquer",
        abstract: "Explique un courrier : le même texte, avec les sigles et le jargon expliqués, puis un glossaire."
    )

    @Argument(help: ArgumentHelp("Le courrier à expliquer (texte). Sans fichier, ou avec -, lit l'entrée standard.", valueName: "FICHIER"))
    var file: String?

    @Option(name: .customLong("format"), help: "Format de sortie : texte ou json.")
    var format: OutputFormat = .texte

    @Option(name: .customLong("style"), help: "expliquer (par défaut) ou remplacer (met des mots simples quand c'est sûr).")
    var style: RewriteStyle = .gloss

    @Option(name: .customLong("sortie"), help: ArgumentHelp("Écrit le résultat dans ce fichier au lieu de l'afficher (jamais sur le fichier lu).", valueName: "FICHIER"))
    var output: String?

    @Flag(name: .customLong("html"), help: "Lit l'entrée comme une page HTML (sinon l'extension décide : .xhtml, .xml en XHTML ; .html, .htm en HTML).")
    var html = false

    @Flag(name: .customLong("ecraser"), help: "Remplace le fichier de --sortie s'il existe déjà (sinon Limpide refuse de l'écraser).")
    var overwrite = false

    @OptionGroup var lexiconOptions: LexiconOptions

    func run() throws {
        if let output { try OutputWriter.checkNotInput(output, input: file) }
        if let output, !overwrite, FileManager.default.fileExists(atPath: output) {
            throw CLIError(message: "« \(output) » existe déjà : Limpide n'écrase pas un fichier sans qu'on le demande. Ajoutez --ecraser pour le remplacer.")
        }
        if let kind = DocumentInput.kind(of: file, html: html) {
            let analyzer = Analyzer(lexicon: try lexiconOptions.lexicon())
            let rendered = try DocumentInput.explain(file, kind: kind, format: format, style: style, analyzer: analyzer)
            try OutputWriter.write(rendered, to: output, input: file)
            return
        }
        let opened = try LongInput.open(file)
        let analyzer = Analyzer(lexicon: try lexiconOptions.lexicon())
        if opened.isLong {
            let sink = try OutputSink(path: output, input: file)
            try LongInput.explain(opened, format: format, style: style, analyzer: analyzer, sink: sink)
            return
        }
        let input = try InputReader.decode(opened.head, name: opened.name)
        let analysis = analyzer.analyze(input.decoded.text)
        let after = ComplexityScore.afterExplanation(of: analysis, analyzer: analyzer)
        let rendered: String
        switch format {
        case .json:
            let report = JSONReport(analysis: analysis, file: input.name, encoding: input.decoded.encoding, after: after)
            rendered = String(decoding: try report.encoded(), as: UTF8.self) + "\n"
        case .texte:
            rendered = HumanOutput.render(analysis, style: style, color: output == nil && Terminal.useColor, after: after)
        }
        try OutputWriter.write(rendered, to: output, input: file)
    }
}

/// The human output: the letter, explained, then the glossary and the summary line.
enum HumanOutput {
    static func render(_ analysis: Analysis, style: RewriteStyle, color: Bool, after: ComplexityReport? = nil) -> String {
        guard !analysis.source.text.isEmpty else { return "" }
        let rewrite = Rewriter.rewrite(analysis, style: style)
        var text = rewrite.text
        if color, !rewrite.insertions.isEmpty {
            // Explanations in a dim colour so the letter stays readable.
            var bytes = Array(text.utf8)
            for range in rewrite.insertions.reversed() {
                bytes.insert(contentsOf: Array("\u{1B}[0m".utf8), at: range.upperBound)
                bytes.insert(contentsOf: Array("\u{1B}[36m".utf8), at: range.lowerBound)
            }
            text = String(decoding: bytes, as: UTF8.self)
        }
        if !text.hasSuffix("\n") { text += "\n" }
        let glossary = Rewriter.glossary(for: analysis)
        if !glossary.isEmpty { text += "\n" + glossaryText(glossary) }
        text += "\n" + Rewriter.summary(acronyms: glossary.filter { $0.kind == .acronym }.count, jargon: glossary.filter { $0.kind == .jargon }.count) + "\n"
        if let score = analysis.complexity {
            text += ScoreText.headline(score, after: after) + " Détails : limpide score.\n"
        }
        return text
    }
}

extension HumanOutput {
    static func glossaryText(_ glossary: [GlossaryItem]) -> String {
        var text = "──────── Glossaire ────────\n"
        for item in glossary {
            var line = "• \(item.term)"
            if item.kind == .acronym { line += " : \(item.expansion ?? "sens inconnu, à demander à l'expéditeur")" }
            if let explanation = item.explanation { line += item.kind == .acronym ? " — \(explanation)" : " : \(explanation)" }
            if let replacement = item.replacement { line += " (plus simple : « \(replacement) »)" }
            text += line + "\n"
        }
        return text
    }
}

/// Writes results to stdout or to a file, never over the file that was read, never over an
/// existing file without saying so.
enum OutputWriter {
    static func checkNotInput(_ path: String, input: String?) throws {
        guard let input, input != "-" else { return }
        let a = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
        let b = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        if a == b { throw CLIError(message: "« \(path) » est le fichier lu : Limpide n'écrit jamais dessus. Choisissez un autre fichier de sortie.") }
    }

    static func write(_ text: String, to path: String?, input: String?) throws {
        guard let path else {
            Terminal.write(text)
            return
        }
        try checkNotInput(path, input: input)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CLIError(message: "impossible d'écrire « \(path) » : \(error.localizedDescription)")
        }
    }
}
