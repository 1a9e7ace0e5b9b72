/// An example of a rule: a text and whether the rule must fire on it. Examples run as tests.
public struct RuleExample: Sendable, Hashable {
    public var text: String
    public var triggers: Bool
    public init(_ text: String, triggers: Bool) {
        self.text = text
        self.triggers = triggers
    }
}

/// What a rule is, for people and for reporters: id, default severity, description, reason, examples.
public struct RuleDescription: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var severity: Severity
    public var kind: FindingKind
    /// What it finds, in one sentence.
    public var summary: String
    /// Why it matters to a reader.
    public var rationale: String
    public var examples: [RuleExample]

    public init(id: String, name: String, severity: Severity, kind: FindingKind, summary: String, rationale: String, examples: [RuleExample]) {
        self.id = id
        self.name = name
        self.severity = severity
        self.kind = kind
        self.summary = summary
        self.rationale = rationale
        self.examples = examples
    }
}

/// A rule: a small type with its metadata. Detection lives in detectors, which name the rule
/// they report for.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
}

/// Every rule Limpide knows, in the order `limpide regles` lists them.
public enum Rules {
    public static let all: [RuleDescription] = [
        AcronymUndefinedRule.description,
        AcronymDefinedLaterRule.description,
        AcronymUnknownRule.description,
        AcronymDefinedRule.description,
        ReplaceableJargonRule.description,
        JargonToExplainRule.description,
    ] + SignalRules.all + [ComplexityRule.description]

    public static func description(of id: String) -> RuleDescription? { all.first { $0.id == id } }
}
