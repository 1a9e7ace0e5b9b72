import Dispatch
import Foundation
import Limpide

// Builds a ~10 MB text from ../shared/corpus and reports MB/s for tokenizing, full analysis
// (tokenize, match, detect) and rendering, on one core, median of several runs.

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

let arguments = CommandLine.arguments
let corpusPath = arguments.count > 1 ? arguments[1] : "../../shared/corpus"
let targetBytes = (arguments.count > 2 ? Int(arguments[2]) : nil) ?? 10_000_000
let runs = 5

let files = ((try? FileManager.default.contentsOfDirectory(atPath: corpusPath)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
guard !files.isEmpty else {
    print("Aucun texte dans \(corpusPath) : donnez le dossier du corpus en premier argument.")
    exit(2)
}
var corpus = ""
while corpus.utf8.count < targetBytes {
    for file in files {
        corpus += (try? String(contentsOfFile: corpusPath + "/" + file, encoding: .utf8)) ?? ""
        corpus += "\n\n"
    }
}
let megabytes = Double(corpus.utf8.count) / 1_000_000
print(String(format: "Corpus : %.1f Mo (%d fichiers répétés)", megabytes, files.count))

var compileTimes: [Double] = []
for _ in 0..<runs {
    compileTimes.append(seconds { _ = Lexicon(files: Lexicon.bundledFiles) })
}
let lexicon = Lexicon.bundled()
print(String(format: "Compilation du lexique (%d entrées) : %.1f ms (médiane)", lexicon.entries.count, median(compileTimes) * 1000))

var tokenCount = 0
var tokenizeTimes: [Double] = []
for _ in 0..<runs {
    var copy = corpus
    tokenizeTimes.append(seconds { copy.withUTF8 { tokenCount = Tokenizer.tokenize($0).count } })
}
print(String(format: "Découpage en mots : %.0f Mo/s (%d mots)", megabytes / median(tokenizeTimes), tokenCount))

let analyzer = Analyzer(lexicon: lexicon)
var findingCount = 0
var analyzeTimes: [Double] = []
for _ in 0..<runs {
    analyzeTimes.append(seconds { findingCount = analyzer.analyze(corpus).findings.count })
}
print(String(format: "Analyse complète : %.0f Mo/s (%d constats)", megabytes / median(analyzeTimes), findingCount))

var lexiconOnly = Analyzer.Options()
lexiconOnly.signals = false
let lexiconAnalyzer = Analyzer(lexicon: lexicon, options: lexiconOnly)
var lexiconTimes: [Double] = []
for _ in 0..<runs {
    lexiconTimes.append(seconds { _ = lexiconAnalyzer.analyze(corpus).findings.count })
}
print(String(format: "Analyse sans signaux ni score (lexique et sigles seuls) : %.0f Mo/s", megabytes / median(lexiconTimes)))

var scoreTimes: [Double] = []
var complexity = 0.0
for _ in 0..<runs {
    scoreTimes.append(seconds { complexity = ComplexityScore.compute(corpus).complexity })
}
print(String(format: "Score de complexité seul (mots, phrases, signaux, score) : %.0f Mo/s (score %.0f)", megabytes / median(scoreTimes), complexity))

let analysis = analyzer.analyze(corpus)
var renderTimes: [Double] = []
for _ in 0..<runs {
    renderTimes.append(seconds { _ = Rewriter.rewrite(analysis).text.utf8.count })
}
print(String(format: "Réécriture (explications) : %.0f Mo/s", megabytes / median(renderTimes)))
