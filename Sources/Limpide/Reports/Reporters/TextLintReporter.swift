/// `fichier:ligne:colonne: gravité [règle] message`, one line per finding, then a summary with the
/// complexity. Colours (ANSI) only when asked: the command asks on a terminal without `NO_COLOR`.
public struct TextLintReporter: LintReporter {
    public var color: Bool

    public init(color: Bool = false) { self.color = color }

    func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    func severity(_ severity: Severity) -> String {
        switch severity {
        case .erreur: paint(severity.rawValue, "1;31")
        case .avertissement: paint(severity.rawValue, "33")
        case .info: paint(severity.rawValue, "36")
        }
    }

    public func render(_ run: LintRun) -> String {
        var out = ""
        for file in run.files {
            // Input errors go to standard error (the command prints them); the summary counts them.
            if file.error != nil { continue }
            for issue in file.issues where issue.suppression == nil {
                out += "\(paint("\(file.displayPath):\(issue.start.line):\(issue.start.column)", "1")): \(severity(issue.severity)) "
                let message = issue.message
                out += "\(paint("[\(issue.rule)]", "2")) \(message.utf8.contains(0x0A) ? message.replacingOccurrences(of: "\n", with: " ") : message)\n"
            }
            for note in file.notes {
                let place = note.line.map { "\(file.displayPath):\($0)" } ?? file.displayPath
                out += "\(paint(place, "1")): remarque : \(note.message)\n"
            }
        }
        for entry in run.absent {
            let text = entry.text.isEmpty ? "" : " « \(entry.text) »"
            out += "\(paint(entry.file, "1")): \(severity(.erreur)) [\(entry.rule)]\(text) n'apparaît plus : mettez la référence à jour (--ecrire-reference).\n"
        }
        if !out.isEmpty { out += "\n" }
        return out + summary(run)
    }

    func summary(_ run: LintRun) -> String {
        let s = run.summary
        let plural = FrenchNumber.plural
        var line = "\(plural(s.files, "fichier vérifié", "fichiers vérifiés")) : "
        line += "\(plural(s.errors, "erreur", "erreurs")), \(plural(s.warnings, "avertissement", "avertissements")), \(plural(s.infos, "info", "infos"))"
        var extras: [String] = []
        if s.suppressed > 0 { extras.append("\(s.suppressed) mis en sourdine par un commentaire") }
        if s.known > 0 { extras.append("\(s.known) déjà dans la référence") }
        if s.fixed > 0 { extras.append(plural(s.fixed, "remplacement appliqué", "remplacements appliqués")) }
        if run.excluded > 0 { extras.append(plural(run.excluded, "fichier exclu par la configuration", "fichiers exclus par la configuration")) }
        if !extras.isEmpty { line += " (" + extras.joined(separator: ", ") + ")" }
        var text = line + ".\n"
        if let average = s.averageComplexity, let top = s.maximumComplexity, let file = s.mostComplexFile {
            if s.files - s.unreadable > 1 {
                text += "Complexité : \(FrenchNumber.oneDecimal(average))/100 en moyenne ; la plus haute, \(FrenchNumber.oneDecimal(top))/100 (\(ComplexityScore.band(top).rawValue)), pour \(file).\n"
            } else {
                text += "Complexité : \(FrenchNumber.oneDecimal(top))/100 (\(ComplexityScore.band(top).rawValue)).\n"
            }
        }
        let thresholds = Set(run.files.map(\.settings.failOn))
        let threshold = thresholds.count == 1 ? "« \(thresholds.first?.rawValue ?? "erreur") »" : "fixé par la configuration"
        switch run.exitCode {
        case 0:
            text += paint("Réussite", "32") + " : aucun constat au niveau \(threshold) ou au-dessus.\n"
        case 1:
            var reasons: [String] = []
            if s.failing > 0 { reasons.append(plural(s.failing, "constat au niveau \(threshold) ou au-dessus (ou complexité trop haute)", "constats au niveau \(threshold) ou au-dessus (ou complexité trop haute)")) }
            if !run.absent.isEmpty { reasons.append(plural(run.absent.count, "constat de la référence disparu", "constats de la référence disparus")) }
            text += paint("Échec", "1;31") + " : " + reasons.joined(separator: " ; ") + ".\n"
        default:
            let problems = s.unreadable + run.errors.count
            text += paint("Erreur", "1;31") + " : \(FrenchNumber.plural(problems, "fichier n'a pas pu être vérifié", "fichiers n'ont pas pu être vérifiés")) (voir les messages d'erreur).\n"
        }
        return text
    }
}
