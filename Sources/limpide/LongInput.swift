import Foundation
import Limpide

/// Plain-text letters too large to hold whole (over `threshold` bytes) are read, analysed and
/// written piece by piece (`LongDocument`), so memory stays bounded whatever the size.
enum LongInput {
    /// Inputs up to this size are analysed in one piece (exact first-use rules across the text).
    /// `LIMPIDE_TAILLE_MORCEAU` (bytes) lowers it, for tests of the piece-by-piece path.
    static let pieceSize: Int = {
        if let value = ProcessInfo.processInfo.environment["LIMPIDE_TAILLE_MORCEAU"], let size = Int(value), size >= 1024 { return size }
        return 4 << 20
    }()
    static let threshold = pieceSize * 2

    /// An open input and its first bytes (up to `threshold + 1`).
    struct Opened {
        var name: String
        var handle: FileHandle
        var head: [UInt8]
        var isLong: Bool { head.count > LongInput.threshold }
    }

    static func open(_ path: String?) throws -> Opened {
        let name = path ?? "-"
        let handle: FileHandle
        if name == "-" {
            handle = FileHandle.standardInput
        } else {
            try InputReader.checkReadable(name)
            guard let opened = FileHandle(forReadingAtPath: name) else {
                throw CLIError(message: "impossible de lire « \(name) » (droits d'accès ?).")
            }
            handle = opened
        }
        return Opened(name: name, handle: handle, head: try read(handle, count: threshold + 1))
    }

    static func read(_ handle: FileHandle, count: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count < count {
            guard let data = try handle.read(upToCount: count - bytes.count), !data.isEmpty else { break }
            bytes += data
        }
        return bytes
    }

    /// Explains a long input piece by piece, writing to `sink` as it goes.
    static func explain(_ input: Opened, format: OutputFormat, style: RewriteStyle, analyzer: Analyzer, sink: OutputSink) throws {
        var document = LongDocument(analyzer: analyzer)
        var buffer = input.head
        var atEnd = false
        var firstFinding = true
        if format == .json {
            try sink.write("{\n  \"schemaVersion\" : \"\(JSONReport.schemaVersion)\",\n  \"tool\" : { \"name\" : \"limpide\", \"version\" : \"\(Limpide.version)\" },\n")
            try sink.write("  \"file\" : \(jsonString(input.name)),\n  \"encoding\" : \"UTF-8\",\n  \"findings\" : [\n")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var statistics = (words: 0, sentences: 0)
        while !buffer.isEmpty {
            if !atEnd, buffer.count < pieceSize * 2 {
                let more = try read(input.handle, count: pieceSize * 2 - buffer.count)
                if more.isEmpty { atEnd = true } else { buffer += more; continue }
            }
            let cut = atEnd ? buffer.count : buffer.withUnsafeBufferPointer { LongDocument.cutPoint(in: UnsafeBufferPointer(rebasing: $0[0..<pieceSize])) }
            let piece = Array(buffer[0..<cut])
            buffer.removeFirst(cut)
            let text = try decode(piece, name: input.name, offset: document.offset)
            let offset = document.offset
            let lines = document.lines
            let analysis = document.analyze(text)
            statistics.words += analysis.tokens.lazy.filter { $0.kind == .word }.count
            statistics.sentences += analysis.sentences.count
            switch format {
            case .texte:
                try sink.write(Rewriter.rewrite(analysis, style: style).text)
            case .json:
                for finding in analysis.findings {
                    let item = JSONReport.item(for: finding, in: analysis.source, offset: offset, lines: lines)
                    try sink.write((firstFinding ? "    " : ",\n    ") + String(decoding: try encoder.encode(item), as: UTF8.self))
                    firstFinding = false
                }
            }
        }
        let glossary = document.glossary
        switch format {
        case .texte:
            var tail = "\n"
            if !glossary.isEmpty {
                tail += "\n" + HumanOutput.glossaryText(glossary)
            }
            tail += "\n" + document.summary + "\n"
            if let score = document.complexity {
                tail += "Complexité : \(Int(score.complexity.rounded()))/100 (\(ComplexityScore.band(score.complexity).rawValue)), moyenne du texte lu par morceaux.\n"
            }
            try sink.write(tail)
        case .json:
            struct Trailer: Encodable {
                var statistics: JSONReport.Statistics
                var glossary: [GlossaryItem]
                var summary: String
                var complexity: Double?
            }
            let trailer = Trailer(
                statistics: JSONReport.Statistics(
                    bytes: document.offset, words: statistics.words, sentences: statistics.sentences,
                    acronyms: glossary.filter { $0.kind == .acronym }.count, jargon: glossary.filter { $0.kind == .jargon }.count),
                glossary: glossary, summary: document.summary,
                complexity: document.complexity.map { ($0.complexity * 10).rounded() / 10 })
            let object = String(decoding: try encoder.encode(trailer), as: UTF8.self)
            try sink.write("\n  ],\n  " + object.dropFirst().dropLast() + "\n}\n")
        }
        try sink.finish()
    }

    /// A piece must be UTF-8: long inputs in other encodings are refused with their offset.
    static func decode(_ piece: [UInt8], name: String, offset: Int) throws -> String {
        if let invalid = TextDecoder.validateUTF8(piece) {
            throw CLIError(message: DecodingError.invalidUTF8(offset: offset + invalid).message(file: name) + " Les très gros fichiers doivent être en UTF-8.")
        }
        if let binary = piece.firstIndex(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0C && $0 != 0x0D || $0 == 0x7F }) {
            throw CLIError(message: DecodingError.binary(offset: offset + binary).message(file: name))
        }
        return String(decoding: piece, as: UTF8.self)
    }

    static func jsonString(_ text: String) -> String {
        (try? String(decoding: JSONEncoder().encode(text), as: UTF8.self)) ?? "\"-\""
    }
}

/// Where results go: standard output, or a file written through a temporary file and renamed at
/// the end, so that a failure never leaves half a file (and never touches the input).
final class OutputSink {
    private let handle: FileHandle
    private let temporary: URL?
    private let destination: URL?

    init(path: String?, input: String?) throws {
        guard let path else {
            handle = FileHandle.standardOutput
            temporary = nil
            destination = nil
            return
        }
        try OutputWriter.checkNotInput(path, input: input)
        let target = URL(fileURLWithPath: path)
        let temp = target.deletingLastPathComponent().appending(path: ".\(target.lastPathComponent).limpide-\(ProcessInfo.processInfo.processIdentifier)")
        guard FileManager.default.createFile(atPath: temp.path, contents: nil), let opened = FileHandle(forWritingAtPath: temp.path) else {
            throw CLIError(message: "impossible d'écrire « \(path) ».")
        }
        handle = opened
        temporary = temp
        destination = target
    }

    func write(_ text: String) throws {
        try handle.write(contentsOf: Data(text.utf8))
    }

    func write<S: StringProtocol>(_ text: S) throws { try write(String(text)) }

    func finish() throws {
        guard let temporary, let destination else { return }
        try handle.close()
        if FileManager.default.fileExists(atPath: destination.path) {
            _ = try FileManager.default.replaceItemAt(destination, withItemAt: temporary)
        } else {
            try FileManager.default.moveItem(at: temporary, to: destination)
        }
    }

    deinit {
        if let temporary, FileManager.default.fileExists(atPath: temporary.path) { try? FileManager.default.removeItem(at: temporary) }
    }
}
