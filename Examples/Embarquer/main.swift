// A small program that embeds the Limpide library: explain a letter, list its acronyms.
// Run it with: swift run limpide-exemple
import Limpide

let letter = """
    Madame,
    Suite à votre demande d'APL, il vous appartient de transmettre à la CAF les pièces justificatives \
    dans les meilleurs délais. À défaut, votre dossier sera clôturé.
    """

// The analyzer compiles the bundled lexicon once; it is Sendable and can be shared across tasks.
let analyzer = Analyzer()
let analysis = analyzer.analyze(letter)

for finding in analysis.findings where finding.kind == .acronym {
    let place = analysis.source.location(of: finding.range.lowerBound)
    print("ligne \(place.line), colonne \(place.column) : \(finding.text) = \(finding.expansion ?? "?")")
}

// The same letter, explained in place, then with the simple wordings.
print(Rewriter.rewrite(analysis, style: .gloss).text)
print(Rewriter.rewrite(analysis, style: .replace).text)
print(Rewriter.summary(for: analysis))

// Many letters at once, from many tasks: the analyzer is a value shared safely.
let letters = ["Votre APL est versée.", "La CAF vous écrit.", "Le cas échéant, écrivez-nous."]
let counts = await withTaskGroup(of: Int.self) { group in
    for text in letters { group.addTask { analyzer.analyze(text).findings.count } }
    var total = 0
    for await count in group { total += count }
    return total
}
print("\(counts) termes trouvés dans \(letters.count) courriers.")
