import Foundation
import Testing

@testable import Limpide

/// A small deterministic generator, so that a failure can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        var x = state
        x ^= x >> 33
        return x
    }
}

@Suite("Random input")
struct RandomInputTests {
    /// Pieces that stress the tokenizer and the detectors: elisions, hyphens, dots, digits,
    /// capitals, no-break spaces, combining accents, brackets, quotes, line breaks.
    static let pieces = [
        "l'", "d’", "qu'", "jusqu'", "CAF", "C.A.F.", "Caf", "APL", "CRA", "à compter du", "afin d'", "ci-joint",
        "pièce(s)", "amené/e", "n°", "1 234,56", "€", "12/03/2025", "1er", "3E", "2D-Doc", "L. 262-37", "M.", "art.",
        "etc.", "www.caf.fr", "a@b.fr", "(", ")", "«", "»", "\u{00A0}", "\u{202F}", "e\u{0301}", "\u{0301}", "\u{FEFF}",
        "\r\n", "\n\n", "\n", " ", ".", "...", "?", "!", ":", ";", ",", "-", "—", "’", "'", "/", "*", "XIV", "DUPONT",
        "Madame", "dite", "ci-après", "CUI-CIE", "(ZQWX)", "le cas échéant", "nonobstant", "Il vous appartient de", "😀", "\t",
        "ARRÊTÉ", "arrête", "Ⅻ", "ﬁ", "İ", "ß", "\u{2028}", "<b>", "&amp;",
    ]

    @Test("random texts never crash, and every finding points at its text", arguments: 0..<8)
    func randomTexts(seed: Int) {
        var generator = SeededGenerator(state: UInt64(seed) &+ 0x9E37_79B9)
        for _ in 0..<250 {
            let count = Int.random(in: 0...60, using: &generator)
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator) ?? "" }.joined(separator: Bool.random(using: &generator) ? " " : "")
            let analysis = sharedAnalyzer.analyze(text)
            let bytes = Array(text.utf8)
            for finding in analysis.findings {
                #expect(finding.range.lowerBound >= 0 && finding.range.upperBound <= bytes.count)
                if finding.range.upperBound <= bytes.count {
                    #expect(String(decoding: bytes[finding.range], as: UTF8.self) == finding.text)
                }
            }
            #expect(removingInsertions(Rewriter.rewrite(analysis)) == text)
            _ = Rewriter.rewrite(analysis, style: .replace)
        }
    }

    @Test("random bytes are decoded or refused with an offset, never a crash", arguments: 0..<4)
    func randomBytes(seed: Int) {
        var generator = SeededGenerator(state: UInt64(seed) &+ 7)
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 0...200, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            do {
                let decoded = try TextDecoder.decode(bytes)
                _ = sharedAnalyzer.analyze(decoded.text)
            } catch {
                switch error {
                case .binary(let offset), .invalidUTF8(let offset), .invalidUTF16(let offset):
                    #expect(offset >= 0 && offset <= bytes.count)
                }
            }
        }
    }
}
