/// Limpide makes French administrative writing understandable.
///
/// ```swift
/// let analyzer = Analyzer()                      // the bundled lexicon, compiled once
/// let analysis = analyzer.analyze(letter)        // tokens, sentences, findings
/// for finding in analysis.findings { print(finding.text, finding.explanation ?? "") }
/// print(Rewriter.rewrite(analysis).text)         // the letter, explained
/// ```
public enum Limpide {
    /// The version of the library and of the `limpide` tool.
    public static let version = "0.1.0"
}
