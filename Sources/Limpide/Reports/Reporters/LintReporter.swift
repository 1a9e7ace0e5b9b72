/// A report format of `limpide lint`: one small type per format, all reading the same `LintRun`.
public protocol LintReporter: Sendable {
    /// The whole report, for standard output or `--sortie`.
    func render(_ run: LintRun) -> String
}

/// The formats of `limpide lint --format`.
public enum LintFormat: String, Sendable, CaseIterable {
    /// `fichier:ligne:colonne: gravité [règle] message`, then a summary (the default).
    case texte
    /// JSON described by `docs/schemas/limpide-lint.schema.json`.
    case json
    /// SARIF 2.1.0, for GitHub code scanning and other viewers.
    case sarif
    /// GitHub Actions workflow commands (`::warning file=…`), errors first, capped.
    case github
    /// JUnit XML, for CI systems that show test results.
    case junit

    /// The reporter of the format; `color` only matters for `texte`.
    public func reporter(color: Bool = false) -> any LintReporter {
        switch self {
        case .texte: TextLintReporter(color: color)
        case .json: JSONLintReporter()
        case .sarif: SARIFLintReporter()
        case .github: GitHubLintReporter()
        case .junit: JUnitLintReporter()
        }
    }
}
