import Foundation
import Testing

@testable import Limpide

@Suite("Scoring: syllables")
struct ScoringSyllablesTests {
    static let readability = Paths.shared.appending(path: "reference/readability")

    /// (word, spoken syllables) from the hand-checked gold file.
    static func gold() throws -> [(String, Int)] {
        let text = try Paths.text(readability.appending(path: "syllable_gold_insample.tsv"))
        return text.split(whereSeparator: \.isNewline).compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: "\t")
            guard fields.count == 2, let n = Int(fields[1].trimmingCharacters(in: .whitespaces)) else { return nil }
            return (String(fields[0]), n)
        }
    }

    // Measured: 225/225 exact (100 %). No misses to list.
    @Test("at least 95 % exact on the in-sample gold file")
    func goldAccuracy() throws {
        let gold = try Self.gold()
        #expect(gold.count > 200)
        let misses = gold.filter { Syllables.count($0.0) != $0.1 }
        for (word, expected) in misses {
            print("syllables miss: \(word) expected \(expected) got \(Syllables.count(word))")
        }
        let accuracy = Double(gold.count - misses.count) / Double(gold.count)
        print("syllable accuracy: \(gold.count - misses.count)/\(gold.count) = \(accuracy)")
        #expect(accuracy >= 0.95)
    }

    @Test(
        "rules on words outside the gold file",
        arguments: [
            ("le", 1), ("les", 1), ("carte", 1), ("semaines", 2), ("créance", 2), ("agréer", 3), ("créée", 2),
            ("prions", 2), ("trimestrielle", 4), ("modifié", 3), ("moyen", 2), ("naïf", 2), ("poésie", 3),
            ("coefficient", 4), ("qu'il", 1), ("l'article", 2), ("jusqu'", 1), ("rendez-vous", 3), ("peut-être", 2),
            ("yeux", 1), ("août", 1), ("doivent", 1), ("peuvent", 1), ("possèdent", 2), ("souvent", 2), ("présent", 2),
            ("moment", 2), ("client", 2), ("CAF", 1), ("RSA", 3), ("CSS", 3), ("APL", 3), ("ONU", 2), ("INSEE", 2),
            ("URSSAF", 2), ("C.A.F.", 3), ("MISE", 1), ("EN", 1), ("3", 1), ("2025", 4), ("soussigné(e)", 3),
            ("de\u{301}cision", 3), ("AAH", 3), ("CRA", 3),
        ])
    func rules(word: String, expected: Int) {
        #expect(Syllables.count(word) == expected, "\(word)")
    }

    @Test("-ent after ils/elles is mute; with no context it is kept unless the ending is a verb's")
    func pluralVerbs() {
        let counts = ReadabilityCounts.count("Ils mangent. Elles ne les présentent pas. Le présent.")
        // ils(1) man(1) + elles(1) ne(1) les(1) pré-sent(2) pas(1) + le(1) pré-sent(2)
        #expect(counts.syllables == 1 + 1 + 1 + 1 + 1 + 2 + 1 + 1 + 2)
    }
}
