import Foundation
import Limpide

/// XHTML and HTML inputs of `limpide expliquer`: the page annotated for its readers (`<abbr>`,
/// links to a glossary), or the JSON report with positions in the original file.
enum DocumentInput {
    /// The markup kind of an input: `--html` forces the HTML parser; otherwise the extension decides
    /// (`.xhtml`, `.xht`, `.xml`: XHTML; `.html`, `.htm`: HTML). Nil for plain text.
    static func kind(of path: String?, html: Bool) -> MarkupKind? {
        if html { return .html }
        guard let path, path != "-" else { return nil }
        return MarkupKind.forFile(path)
    }

    /// Reads, analyses and renders a markup document.
    static func explain(_ path: String?, kind: MarkupKind, format: OutputFormat, style: RewriteStyle, analyzer: Analyzer) throws -> String {
        let name = path ?? "-"
        let bytes = try readBytes(name)
        let document: MarkupDocument
        do {
            document = try MarkupDocument(bytes: bytes, kind: kind)
        } catch {
            let file = name == "-" ? "entrée standard" : name
            throw CLIError(message: "\(file):\(error.line):\(error.column): \(error.message)")
        }
        let analysis = MarkupAnalysis(document: document, analyzer: analyzer)
        switch format {
        case .json:
            let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
            let report = JSONReport(analysis: analysis.reportAnalysis(), file: name, encoding: hasBOM ? .utf8WithBOM : .utf8)
            return String(decoding: try report.encoded(), as: UTF8.self) + "\n"
        case .texte:
            if style == .replace {
                Terminal.warning("limpide : le style « remplacer » ne s'applique pas encore aux pages XHTML et HTML ; la page est annotée (style « expliquer »).")
            }
            return MarkupAnnotator.annotate(analysis).text
        }
    }

    static func readBytes(_ name: String) throws -> [UInt8] {
        if name == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: name, isDirectory: &isDirectory) else {
            throw CLIError(message: "le fichier « \(name) » n'existe pas.")
        }
        guard !isDirectory.boolValue else { throw CLIError(message: "« \(name) » est un dossier, pas un fichier.") }
        guard let data = FileManager.default.contents(atPath: name) else {
            throw CLIError(message: "impossible de lire « \(name) » (droits d'accès ?).")
        }
        return Array(data)
    }
}
