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

    /// A document read and analysed, whatever its kind, positioned in its original bytes.
    struct Loaded {
        var name: String
        var encoding: SourceEncoding
        /// Findings, tokens and sentences in the original file's bytes.
        var analysis: Analysis
        /// For XHTML and HTML, the page's own analysis (to annotate it).
        var markup: MarkupAnalysis?
    }

    /// Reads and analyses a text, XHTML or HTML input.
    static func load(_ path: String?, html: Bool, analyzer: Analyzer) throws -> Loaded {
        let name = path ?? "-"
        if let kind = kind(of: path, html: html) {
            let bytes = try InputReader.bytes(name)
            if isBlank(bytes) {
                let input = try InputReader.decode(bytes, name: name)
                return Loaded(name: name, encoding: input.decoded.encoding, analysis: analyzer.analyze(input.decoded.text), markup: nil)
            }
            let markup = try analyseMarkup(name, bytes: bytes, kind: kind, analyzer: analyzer)
            let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
            return Loaded(name: name, encoding: hasBOM ? .utf8WithBOM : .utf8, analysis: markup.reportAnalysis(), markup: markup)
        }
        let input = try InputReader.read(name)
        return Loaded(name: name, encoding: input.decoded.encoding, analysis: analyzer.analyze(input.decoded.text), markup: nil)
    }

    /// An empty page (or only white space) is an empty input, as for text: empty result, exit 0.
    static func isBlank(_ bytes: [UInt8]) -> Bool {
        let content = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        return content.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    static func analyseMarkup(_ name: String, bytes: [UInt8], kind: MarkupKind, analyzer: Analyzer) throws -> MarkupAnalysis {
        let document: MarkupDocument
        do {
            document = try MarkupDocument(bytes: bytes, kind: kind)
        } catch {
            let file = name == "-" ? "entrée standard" : name
            throw CLIError(message: "\(file):\(error.line):\(error.column): \(error.message)")
        }
        return MarkupAnalysis(document: document, analyzer: analyzer)
    }

    /// Reads, analyses and renders a markup document.
    static func explain(_ path: String?, kind: MarkupKind, format: OutputFormat, style: RewriteStyle, analyzer: Analyzer) throws -> String {
        let name = path ?? "-"
        let input = try InputReader.bytes(name)
        if isBlank(input) {
            guard format == .json else { return "" }
            let report = JSONReport(analysis: analyzer.analyze(""), file: name)
            return String(decoding: try report.encoded(), as: UTF8.self) + "\n"
        }
        let analysis = try analyseMarkup(name, bytes: input, kind: kind, analyzer: analyzer)
        let bytes = analysis.document.source.text.utf8
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
}
