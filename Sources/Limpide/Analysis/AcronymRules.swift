/// Decides which acronym rule each acronym finding falls under, once all acronyms (known and
/// unknown) are found: the first use of a form carries the rule's severity; later uses are info.
enum AcronymRules {
    static func assign(_ findings: inout [Finding], definitions: [String: TextDefinition]) {
        var firstUse: [String: Int] = [:]
        for index in findings.indices where findings[index].kind == .acronym {
            let key = AcronymShape.foldedLetters(findings[index].text)
            let definition = definitions[key]
            let isFirst = firstUse[key] == nil
            if isFirst { firstUse[key] = findings[index].range.lowerBound }
            let start = findings[index].range.lowerBound
            let rule: RuleDescription
            if let definition {
                if start >= definition.position {
                    rule = AcronymDefinedRule.description
                } else {
                    rule = isFirst ? AcronymDefinedLaterRule.description : AcronymUndefinedRule.description
                }
            } else if findings[index].meaning?.expansion == nil {
                rule = AcronymUnknownRule.description
            } else {
                rule = AcronymUndefinedRule.description
            }
            findings[index].rule = rule.id
            findings[index].severity = isFirst ? rule.severity : .info
            findings[index].isFirstOccurrence = isFirst
            findings[index].definedInText = definition != nil
        }
    }
}
