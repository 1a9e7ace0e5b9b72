import Foundation
import Testing

@testable import Limpide

@Suite("Corpus")
struct CorpusTests {
    static let texts: [URL] = Paths.corpusFiles()

    @Test("the corpus is there", .enabled(if: FileManager.default.fileExists(atPath: Paths.corpus.path)))
    func corpusPresent() {
        #expect(Self.texts.count >= 18)
    }

    @Test("gloss style: removing the insertions gives back the input exactly", arguments: texts)
    func glossRoundTrip(url: URL) throws {
        let text = try Paths.text(url)
        let analysis = sharedAnalyzer.analyze(text)
        let rewrite = Rewriter.rewrite(analysis, style: .gloss)
        #expect(removingInsertions(rewrite) == text)
        #expect(rewrite.text != text || analysis.findings.isEmpty)
    }

    @Test("replace style: everything outside the edits is copied byte for byte", arguments: texts)
    func replaceKeepsTheRest(url: URL) throws {
        let text = try Paths.text(url)
        let analysis = sharedAnalyzer.analyze(text)
        let rewrite = Rewriter.rewrite(analysis, style: .replace)
        let input = Array(text.utf8)
        let output = Array(rewrite.text.utf8)
        var inCursor = 0
        var outCursor = 0
        for edit in rewrite.edits {
            let kept = edit.range.lowerBound - inCursor
            #expect(Array(input[inCursor..<edit.range.lowerBound]) == Array(output[outCursor..<(outCursor + kept)]))
            outCursor += kept + edit.text.utf8.count
            inCursor = edit.range.upperBound
        }
        #expect(Array(input[inCursor...]) == Array(output[outCursor...]))
    }

    @Test("Windows line endings and a byte-order mark: same findings, shifted positions, exact round trip", arguments: texts.prefix(6))
    func windowsCopy(url: URL) throws {
        let text = try Paths.text(url)
        let windows = "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")
        let plain = sharedAnalyzer.analyze(text)
        let analysis = sharedAnalyzer.analyze(windows)
        #expect(analysis.findings.map { $0.text.replacingOccurrences(of: "\r\n", with: "\n") } == plain.findings.map(\.text))
        #expect(analysis.findings.map(\.rule) == plain.findings.map(\.rule))
        #expect(analysis.findings.map { analysis.source.location(of: $0.range.lowerBound) } == plain.findings.map { plain.source.location(of: $0.range.lowerBound) })
        #expect(removingInsertions(Rewriter.rewrite(analysis)) == windows)
    }

    @Test("NFD text gives the same findings as NFC text")
    func nfdCorpus() throws {
        for url in Self.texts.prefix(8) {
            let text = try Paths.text(url)
            let nfd = text.decomposedStringWithCanonicalMapping
            let a = sharedAnalyzer.analyze(text).findings.map { Folding.fold($0.text) }
            let b = sharedAnalyzer.analyze(nfd).findings.map { Folding.fold($0.text) }
            #expect(a == b, "\(url.lastPathComponent)")
        }
    }
}
