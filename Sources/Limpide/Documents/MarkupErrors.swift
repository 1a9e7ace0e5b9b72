import CLibXML2

/// libxml2's errors, said in French.
enum MarkupErrors {
    static func translate(_ failure: LibXML2.Failure, html: Bool) -> MarkupError {
        let line = max(1, failure.line)
        let column = max(1, failure.column)
        let name = failure.argument ?? ""
        let reason: MarkupError.Reason
        let text: String
        switch failure.code {
        case 1 where failure.message.contains("depth"):
            reason = .tooDeep
            text = "le document imbrique plus de 256 éléments les uns dans les autres ; Limpide (et libxml2) s'arrêtent là."
        case 1 where failure.message.lowercased().contains("huge") || failure.message.contains("too large") || failure.message.contains("too long"):
            reason = .tooLarge
            text = "un texte du document dépasse la taille que Limpide accepte en un seul morceau (10 Mo)."
        case 2:
            reason = .resources
            text = "mémoire insuffisante pour lire le document."
        case 4:
            reason = .malformed
            text = "le document est vide."
        case 5:
            reason = .malformed
            text = "du contenu suit la fin de l'élément racine : un document XHTML n'a qu'un seul élément racine."
        case 6, 7, 8, 9:
            reason = .malformed
            text = "caractère ou référence de caractère interdit en XML."
        case 23:
            reason = .malformed
            text = "référence d'entité sans point-virgule final (écrivez &amp; pour un « & »)."
        case 22, 68:
            reason = .malformed
            text = "un nom est attendu ici (un « & » ou un « < » seul doit s'écrire &amp; ou &lt;)."
        case 26:
            reason = .malformed
            text = "l'entité « &\(name); » n'est pas déclarée : en XHTML sans DTD, seules &amp; &lt; &gt; &quot; &apos; et les références numériques (&#233;) sont permises."
        case 28, 29, 30:
            reason = .entities
            text = "le document utilise une entité externe (« \(name) ») : Limpide ne charge jamais de fichier ou d'adresse désignés par un document."
        case 38:
            reason = .malformed
            text = "un « < » dans la valeur d'un attribut doit s'écrire &lt;."
        case 39, 40:
            reason = .malformed
            text = "la valeur d'un attribut doit être entre guillemets."
        case 41:
            reason = .malformed
            text = "attribut « \(name) » sans valeur : en XHTML, écrivez \(name)=\"\(name)\"."
        case 42:
            reason = .malformed
            text = "l'attribut « \(name) » apparaît deux fois dans la même balise."
        case 73:
            reason = .malformed
            text = "« > » attendu pour fermer la balise."
        case 76:
            reason = .malformed
            let message = failure.message
            if let mismatch = tagMismatch(message) {
                text = "la balise de fin </\(mismatch.closing)> ne correspond pas à la balise ouvrante <\(mismatch.opening)> (ligne \(mismatch.line))."
            } else {
                text = "une balise de fin ne correspond pas à la balise ouvrante."
            }
        case 77:
            reason = .malformed
            text = "le document se termine alors que l'élément <\(name)> n'est pas fermé."
        case 89:
            reason = .entities
            text = "le document déclare des entités qui se répètent sans fin (« bombe » de type billion laughs) : Limpide refuse de les développer."
        case Int(XML_ERR_UNSUPPORTED_ENCODING.rawValue), Int(XML_ERR_UNKNOWN_ENCODING.rawValue):
            reason = .encoding
            text = "encodage non pris en charge : enregistrez la page en UTF-8."
        default:
            let lowered = failure.message.lowercased()
            if lowered.contains("amplification") || lowered.contains("entity loop") || lowered.contains("entities") {
                reason = .entities
                text = "le document déclare des entités qui se développent de façon démesurée : Limpide refuse de les développer."
            } else {
                reason = .malformed
                text = "le document n'est pas du XML bien formé (erreur libxml2 n° \(failure.code))."
            }
        }
        let suggestion = html || reason != .malformed ? "" : " Si c'est une page HTML, relancez avec --html."
        let prefix = !html && reason == .malformed ? "XHTML mal formé : " : ""
        return MarkupError(reason, line: line, column: column, message: prefix + text + suggestion)
    }

    /// "Opening and ending tag mismatch: b line 2 and p"
    static func tagMismatch(_ message: String) -> (opening: String, line: Int, closing: String)? {
        guard let colon = message.range(of: "mismatch: ") else { return nil }
        let parts = message[colon.upperBound...].split(separator: " ")
        guard parts.count >= 5, parts[1] == "line", let line = Int(parts[2]), parts[3] == "and" else { return nil }
        return (String(parts[0]), line, String(parts[4]))
    }
}

