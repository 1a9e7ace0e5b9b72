import Foundation
import Testing

@testable import Limpide

/// Runs the signal detector on a text.
func signalFindings(_ text: String) -> [Finding] {
    let source = SourceText(text)
    var copy = source.text
    return copy.withUTF8 { p in
        let tokens = Tokenizer.tokenize(p)
        let sentences = SentenceSplitter.split(tokens, in: p)
        return SignalDetector().findings(tokens: tokens, sentences: sentences, bytes: p, source: source)
    }
}

@Suite("Scoring: plain-language signals")
struct ScoringSignalTests {
    static let examples: [(String, RuleExample)] = SignalRules.all.flatMap { rule in rule.examples.map { (rule.id, $0) } }

    @Test("every rule's examples: triggering ones get a finding of that rule, the others none", arguments: examples)
    func ruleExamples(id: String, example: RuleExample) {
        let found = signalFindings(example.text).filter { $0.rule == id }
        if example.triggers {
            #expect(!found.isEmpty, "\(id) should fire on: \(example.text)")
        } else {
            #expect(found.isEmpty, "\(id) should not fire on: \(example.text) — \(found.map(\.text))")
        }
    }

    @Test("every rule has a kebab-case id, a French summary and both kinds of example")
    func descriptions() {
        #expect(Set(SignalRules.all.map(\.id)).count == SignalRules.all.count)
        for rule in SignalRules.all {
            #expect(rule.id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(rule.id)")
            #expect(rule.examples.contains { $0.triggers } && rule.examples.contains { !$0.triggers }, "\(rule.id)")
            #expect(!rule.summary.isEmpty && !rule.rationale.isEmpty)
        }
    }

    @Test("findings carry their exact text, a message and a range inside the text")
    func findingShape() {
        let text = "OBJET : MISE EN DEMEURE. Il n'est pas impossible que des pénalités soient appliquées par l'URSSAF."
        let findings = signalFindings(text)
        let bytes = Array(text.utf8)
        #expect(!findings.isEmpty)
        for finding in findings {
            #expect(finding.range.upperBound <= bytes.count)
            #expect(String(decoding: bytes[finding.range], as: UTF8.self) == finding.text)
            #expect(!finding.message.isEmpty)
        }
        #expect(findings.first { $0.rule == "majuscules" }?.text == "MISE EN DEMEURE")
        #expect(findings.first { $0.rule == "double-negation" }?.text == "n'est pas impossible")
        #expect(findings.first { $0.rule == "voix-passive" }?.text == "soient appliquées par l'URSSAF")
    }

    @Test("a sentence over 30 words is only a very long sentence")
    func lengthThresholds() {
        let words = Array(repeating: "mot", count: 31).joined(separator: " ") + "."
        #expect(signalFindings(words).map(\.rule) == ["phrase-tres-longue"])
        let twenty = Array(repeating: "mot", count: 20).joined(separator: " ") + "."
        #expect(signalFindings(twenty).isEmpty)
    }

    @Test(
        "passive voice: no false positives on compound pasts, states and nouns",
        arguments: [
            "Il est arrivé hier.", "Elle est partie en vacances.", "Le montant est élevé.", "Cet été, nous serons là.",
            "Vous vous êtes inscrits en ligne.", "Votre carte n'est plus valable.", "La somme est due.", "C'est à l'est.",
        ])
    func passiveFalsePositives(text: String) {
        #expect(signalFindings(text).filter { $0.rule == "voix-passive" }.isEmpty, "\(text)")
    }

    @Test("passive voice through avoir été and adverbs")
    func passiveCompound() {
        let found = signalFindings("Il a été procédé à un contrôle. Les cotisations n'ont pas encore été versées.").filter { $0.rule == "voix-passive" }
        #expect(found.map(\.text) == ["a été procédé", "ont pas encore été versées"])
    }

    @Test("numbers: identifiers, references and dates are left alone")
    func numbers() {
        let quiet = "Dossier n° 1234567, article L. 262-37, le 12/03/2025, 1 234,56 €, code postal 75015."
        #expect(signalFindings(quiet).filter { $0.rule == "nombre-difficile" }.isEmpty)
        let found = signalFindings("Appelez le 0123456789 ou payez 1250000 avant le 2025-03-01.").filter { $0.rule == "nombre-difficile" }
        #expect(found.count == 3)
        #expect(found.last?.message.contains("1er mars 2025") == true)
        #expect(found.first?.message.contains("01 23 45 67 89") == true)
    }

    @Test("empty and odd input")
    func oddInput() {
        #expect(signalFindings("").isEmpty)
        #expect(signalFindings("   \n\n").isEmpty)
        #expect(signalFindings("ne").isEmpty)
        #expect(signalFindings("il est").isEmpty)
        #expect(signalFindings("non").isEmpty)
    }
}
