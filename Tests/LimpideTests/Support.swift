import Foundation
import Testing

@testable import Limpide

/// Paths of the repository and of the shared material beside it.
enum Paths {
    static let repository: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared: URL = repository.deletingLastPathComponent().appending(path: "shared")
    static let corpus: URL = shared.appending(path: "corpus")

    static func corpusFiles(extensions: Set<String> = ["txt"]) -> [URL] {
        let files = (try? FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil)) ?? []
        return files.filter { extensions.contains($0.pathExtension) }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func text(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }
}

/// One analyzer for all tests: the bundled lexicon is compiled once.
let sharedAnalyzer = Analyzer()

/// The texts of the tokens of a string.
func tokenTexts(_ text: String) -> [String] {
    let bytes = Array(text.utf8)
    return Tokenizer.tokenize(text).map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
}
