/// An acronym used without the text saying what it means.
public struct AcronymUndefinedRule: Rule {
    public static let description = RuleDescription(
        id: "sigle-non-defini", name: "Sigle non défini", severity: .avertissement, kind: .acronym,
        summary: "Un sigle est employé sans que le texte dise ce qu'il veut dire.",
        rationale: "Beaucoup de personnes ne connaissent pas les sigles de l'administration : sans développement, la phrase perd son sens.",
        examples: [
            RuleExample("Votre dossier a été transmis à la CAF.", triggers: true),
            RuleExample("La caisse d'allocations familiales (CAF) a reçu votre dossier.", triggers: false),
        ])
}

/// An acronym that the text defines: still explained to the reader, never an error.
public struct AcronymDefinedRule: Rule {
    public static let description = RuleDescription(
        id: "sigle-defini", name: "Sigle défini dans le texte", severity: .info, kind: .acronym,
        summary: "Un sigle que le texte définit lui-même.",
        rationale: "Le développement aide, mais une explication en mots simples aide encore plus.",
        examples: [
            RuleExample("La caisse d'allocations familiales (CAF) a reçu votre dossier.", triggers: true),
            RuleExample("Votre dossier est complet.", triggers: false),
        ])
}

/// Jargon for which the lexicon has a simpler wording.
public struct ReplaceableJargonRule: Rule {
    public static let description = RuleDescription(
        id: "jargon-remplacable", name: "Jargon remplaçable", severity: .avertissement, kind: .jargon,
        summary: "Une formule administrative qui a un équivalent plus simple.",
        rationale: "Les mots de tous les jours se lisent plus vite et se comprennent mieux.",
        examples: [
            RuleExample("Votre aide est versée à compter du 1er mars.", triggers: true),
            RuleExample("Votre aide est versée à partir du 1er mars.", triggers: false),
        ])
}

/// Jargon without a safe replacement: it needs an explanation.
public struct JargonToExplainRule: Rule {
    public static let description = RuleDescription(
        id: "jargon-a-expliquer", name: "Jargon à expliquer", severity: .info, kind: .jargon,
        summary: "Un terme administratif ou juridique qu'il faut expliquer au lecteur.",
        rationale: "Un terme technique sans explication arrête la lecture ; on peut l'expliquer dans le texte ou dans un glossaire.",
        examples: [
            RuleExample("Vous pouvez déposer un recours gracieux.", triggers: true),
            RuleExample("Vous pouvez nous écrire pour contester.", triggers: false),
        ])
}

/// An acronym that neither the lexicon nor the text explains.
public struct AcronymUnknownRule: Rule {
    public static let description = RuleDescription(
        id: "sigle-inconnu", name: "Sigle inconnu", severity: .avertissement, kind: .acronym,
        summary: "Un sigle que ni le lexique ni le texte n'expliquent.",
        rationale: "Limpide ne devine pas le sens d'un sigle : si le texte ne le donne pas, le lecteur ne peut pas le trouver non plus.",
        examples: [
            RuleExample("Votre dossier ZQWX est en cours.", triggers: true),
            RuleExample("La zone qualifiée de week-end extra (ZQWX) est en cours.", triggers: false),
        ])
}

/// An acronym used before the text says what it means.
public struct AcronymDefinedLaterRule: Rule {
    public static let description = RuleDescription(
        id: "sigle-defini-apres", name: "Sigle défini trop tard", severity: .avertissement, kind: .acronym,
        summary: "Un sigle est employé avant que le texte ne donne son sens.",
        rationale: "Le lecteur bute sur le sigle dès sa première apparition : le développement doit venir à ce moment-là.",
        examples: [
            RuleExample("Votre APL baisse. L'aide personnalisée au logement (APL) dépend du loyer.", triggers: true),
            RuleExample("L'aide personnalisée au logement (APL) dépend du loyer. Votre APL baisse.", triggers: false),
        ])
}
