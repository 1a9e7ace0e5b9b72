import Testing

@testable import Limpide

@Suite("Rule examples")
struct RuleExampleTests {
    /// Every rule's examples, as `limpide regles ID` shows them, behave as they say (the
    /// document-level `complexite` rule needs a maximum: the lint tests run its examples).
    @Test("each example triggers its rule, or does not", arguments: Rules.all.filter { $0.id != ComplexityRule.description.id })
    func examples(rule: RuleDescription) {
        #expect(rule.examples.contains { $0.triggers } && rule.examples.contains { !$0.triggers }, "\(rule.id)")
        for example in rule.examples {
            let fired = sharedAnalyzer.analyze(example.text).findings.contains { $0.rule == rule.id }
            #expect(fired == example.triggers, "\(rule.id): « \(example.text) »")
        }
    }
}
