/// GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`. Errors come first,
/// then warnings, then notices (info); GitHub shows only 10 annotations of each kind per step, so
/// each kind is capped and a closing line says how many more there are.
public struct GitHubLintReporter: LintReporter {
    /// Annotations shown per kind.
    public var limit: Int

    public init(limit: Int = 10) { self.limit = max(1, limit) }

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .erreur: "error"
        case .avertissement: "warning"
        case .info: "notice"
        }
    }

    /// Escaping of a command's message.
    static func data(_ text: String) -> String {
        guard text.contains(where: { $0 == "%" || $0 == "\r" || $0 == "\n" }) else { return text }
        return text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escaping of a command's property value.
    static func property(_ text: String) -> String {
        guard text.contains(where: { $0 == "%" || $0 == "\r" || $0 == "\n" || $0 == ":" || $0 == "," }) else { return text }
        return data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    public func render(_ run: LintRun) -> String {
        /// An annotation, rendered only if it is shown.
        struct Annotation {
            var severity: Severity
            var render: () -> String
        }
        var annotations: [Annotation] = []
        for message in run.errors { annotations.append(Annotation(severity: .erreur) { "::error title=limpide::\(Self.data(message))" }) }
        for file in run.files {
            if let error = file.error {
                annotations.append(Annotation(severity: .erreur) { "::error file=\(Self.property(file.displayPath)),title=limpide::\(Self.data(error))" })
            }
            for issue in file.issues where issue.suppression == nil {
                let path = file.displayPath
                annotations.append(
                    Annotation(severity: issue.severity) {
                        var properties = "file=\(Self.property(path)),line=\(issue.start.line),col=\(issue.start.column)"
                        if !issue.isDocumentLevel {
                            properties += ",endLine=\(issue.end.line)"
                            if issue.end.line == issue.start.line { properties += ",endColumn=\(issue.end.column)" }
                        }
                        properties += ",title=\(Self.property("limpide [\(issue.rule)]"))"
                        return "::\(Self.command(issue.severity)) \(properties)::\(Self.data(issue.message))"
                    })
            }
        }
        for entry in run.absent {
            let text = entry.text.isEmpty ? "" : " « \(entry.text) »"
            annotations.append(
                Annotation(severity: .erreur) {
                    "::error file=\(Self.property(entry.file)),title=limpide::\(Self.data("[\(entry.rule)]\(text) n'apparaît plus : mettez la référence à jour (--ecrire-reference)."))"
                })
        }
        var out = ""
        var hidden = 0
        for severity in [Severity.erreur, .avertissement, .info] {
            let ofKind = annotations.filter { $0.severity == severity }
            for annotation in ofKind.prefix(limit) { out += annotation.render() + "\n" }
            hidden += max(0, ofKind.count - limit)
        }
        let s = run.summary
        var closing = "limpide : \(FrenchNumber.plural(s.files, "fichier", "fichiers")), \(FrenchNumber.plural(s.errors, "erreur", "erreurs")), "
        closing += "\(FrenchNumber.plural(s.warnings, "avertissement", "avertissements")), \(FrenchNumber.plural(s.infos, "info", "infos"))."
        if hidden > 0 {
            closing += " \(FrenchNumber.plural(hidden, "autre constat n'est pas affiché", "autres constats ne sont pas affichés")) (GitHub n'affiche que \(limit) annotations de chaque gravité par étape) : le rapport complet est dans la sortie --format texte ou sarif."
        }
        return out + closing + "\n"
    }
}
