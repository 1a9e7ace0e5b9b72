import ArgumentParser
import Foundation
import Limpide

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Donne la complexité d'un ou plusieurs courriers (0 = limpide, 100 = opaque) et ce qui les rend difficiles."
    )

    @Argument(help: ArgumentHelp("Les courriers à noter. Sans fichier, ou avec -, lit l'entrée standard.", valueName: "FICHIER"))
    var files: [String] = []

    @Option(name: .customLong("format"), help: "Format de sortie : texte ou json.")
    var format: OutputFormat = .texte

    @Flag(name: .customLong("html"), help: "Lit les entrées comme des pages HTML.")
    var html = false

    @OptionGroup var lexiconOptions: LexiconOptions

    func run() throws {
        let analyzer = Analyzer(lexicon: try lexiconOptions.lexicon())
        let paths = files.isEmpty ? ["-"] : files
        var reports: [JSONReport] = []
        var text = ""
        for path in paths {
            let loaded = try DocumentInput.load(path, html: html, analyzer: analyzer)
            let analysis = loaded.analysis
            let after = loaded.markup == nil ? ComplexityScore.afterExplanation(of: analysis, analyzer: analyzer) : nil
            switch format {
            case .json:
                var report = JSONReport(analysis: analysis, file: loaded.name, encoding: loaded.encoding, after: after)
                report.findings = report.findings.filter { $0.kind == "sentence" || $0.kind == "word" }
                reports.append(report)
            case .texte:
                text += ScoreText.render(analysis, file: paths.count > 1 ? loaded.name : nil, after: after)
            }
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = reports.count == 1 ? try encoder.encode(reports[0]) : try encoder.encode(reports)
            Terminal.write(String(decoding: data, as: UTF8.self) + "\n")
        case .texte:
            Terminal.write(text)
        }
    }
}

/// The score for people, in French.
enum ScoreText {
    static func number(_ value: Double) -> String { String(Int(value.rounded())) }

    static func headline(_ score: ComplexityReport, after: ComplexityReport?) -> String {
        var line = "Complexité : \(number(score.complexity))/100 (\(score.band.rawValue), niveau \(score.schoolLevel.rawValue))"
        if let after { line += " ; après explication : \(number(after.complexity))/100" }
        return line + "."
    }

    static func render(_ analysis: Analysis, file: String?, after: ComplexityReport?) -> String {
        guard let score = analysis.complexity else { return "" }
        var text = file.map { "\($0)\n" } ?? ""
        guard score.counts.words > 0 else { return text + "Texte vide : rien à noter.\n" + (file == nil ? "" : "\n") }
        text += headline(score, after: after) + "\n"
        let s = score.subscores
        text += "Ce qui pèse : phrases \(number(s.phrases)), mots \(number(s.mots)), sigles \(number(s.sigles)), jargon \(number(s.jargon)), structure \(number(s.structure)) (sur 100).\n"
        text += String(format: "Kandel-Moles %.1f ; LIX %.1f ; RIX %.1f ; %.1f mots par phrase en moyenne.\n", score.kandelMoles, score.lix, score.rix, score.wordsPerSentence)
        if !score.hardestSentences.isEmpty {
            text += "Les phrases les plus difficiles :\n"
            for sentence in score.hardestSentences {
                let place = analysis.source.location(of: sentence.range.lowerBound)
                let excerpt = sentence.text.count > 120 ? String(sentence.text.prefix(117)) + "…" : sentence.text
                text += "  ligne \(place.line) : « \(excerpt.replacingOccurrences(of: "\n", with: " ")) »\n"
                text += "    \(sentence.reasons.joined(separator: " ; "))\n"
            }
        }
        return text + (file == nil ? "" : "\n")
    }
}
