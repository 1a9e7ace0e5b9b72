/// A document whose complexity score is above the maximum set by `--complexite-max` or by the
/// configuration (`seuils: complexite-max`). Only `limpide lint` reports it, once per document,
/// at line 1; without a maximum there is no such result.
public struct ComplexityRule: Rule {
    public static let description = RuleDescription(
        id: "complexite", name: "Texte trop complexe", severity: .erreur, kind: .document,
        summary: "La complexité du texte (de 0, limpide, à 100, opaque) dépasse le maximum fixé.",
        rationale: "Un seuil de complexité permet de refuser en intégration continue un modèle de lettre qui devient plus difficile à lire, même quand chaque phrase prise à part passe les autres règles.",
        examples: [
            RuleExample(
                "En application des dispositions de l'article L. 262-46 du code de l'action sociale et des familles, il vous appartient de procéder au remboursement de l'indu constaté dans un délai de deux mois à compter de la notification de la présente décision, nonobstant l'exercice d'un recours gracieux.",
                triggers: true),
            RuleExample("Vous devez nous rembourser 300 euros avant le 30 juin.", triggers: false),
        ])
}

/// The rules `limpide lint` can report: every rule of `Rules.all`, and `complexite` when the
/// list does not have it yet.
public enum LintRules {
    public static let all: [RuleDescription] =
        Rules.all.contains { $0.id == ComplexityRule.description.id } ? Rules.all : Rules.all + [ComplexityRule.description]

    public static func description(of id: String) -> RuleDescription? { all.first { $0.id == id } }

    /// Known rule ids, for messages.
    public static var ids: [String] { all.map(\.id) }
}
