// Plain-language signals. Detection lives in `SignalDetector`; these types carry the metadata.
//
// Thresholds and their sources:
// - Sentence length. Plain-language guides for public writing put the comfortable length at about
//   15–20 words on average, one idea per sentence ("Écrire pour être lu", Fédération Wallonie-Bruxelles,
//   2000, 2015; "Rédiger simplement", DGLFLF and Québec, 2006; Droits Quotidiens, "Quand vos phrases
//   sont-elles trop longues ?"). We warn above 20 words. FALC / easy-to-read rules (Inclusion Europe
//   and Unapei, "L'information pour tous", 2009) ask for short sentences, about 15 words at most: that
//   is the length the score starts to count (see `ComplexityScore`). Above 30 words, half as long
//   again as the guides' limit, the sentence is an error: our choice, not a guide's figure.
// - Nominalisations: 3 action nouns in one sentence (our threshold). The guides above advise verbs
//   rather than nouns ("si vous ne payez pas" rather than "en cas de non-paiement") without a number.
// - Capitals: 2 words of 4 letters or more in a row, so that one acronym or a "II" is not a run.
// - Numbers: 6 digits or more without a space, 3 decimals or more, ISO dates (2025-03-12). Numeric
//   dates (12/03/2025) and legal references (L. 262-37) are kept: readers of letters know them.

/// A sentence of more than 20 words.
public struct LongSentenceRule: Rule {
    public static let threshold = 20
    public static let description = RuleDescription(
        id: "phrase-longue", name: "Phrase longue", severity: .avertissement, kind: .sentence,
        summary: "Une phrase de plus de 20 mots.",
        rationale: "Au-delà d'une vingtaine de mots, le lecteur doit garder trop d'informations en tête avant d'arriver au point final.",
        examples: [
            RuleExample(
                "Vous devez envoyer votre déclaration trimestrielle de ressources avant la fin du mois pour que nous puissions calculer le montant de votre aide.",
                triggers: true),
            RuleExample("Envoyez votre déclaration avant la fin du mois.", triggers: false),
        ])
}

/// A sentence of more than 30 words.
public struct VeryLongSentenceRule: Rule {
    public static let threshold = 30
    public static let description = RuleDescription(
        id: "phrase-tres-longue", name: "Phrase très longue", severity: .erreur, kind: .sentence,
        summary: "Une phrase de plus de 30 mots.",
        rationale: "Une phrase aussi longue mêle plusieurs idées ; beaucoup de lecteurs en perdent le fil et doivent la relire.",
        examples: [
            RuleExample(
                "Si vous n'êtes pas d'accord avec cette décision, vous pouvez former un recours amiable auprès de la commission de recours amiable dans un délai de deux mois à compter de la réception du présent courrier.",
                triggers: true),
            RuleExample("Si vous n'êtes pas d'accord, écrivez-nous dans les deux mois.", triggers: false),
        ])
}

/// Passive voice: a form of être followed by a past participle.
public struct PassiveVoiceRule: Rule {
    public static let description = RuleDescription(
        id: "voix-passive", name: "Voix passive", severity: .info, kind: .sentence,
        summary: "Une tournure passive (« est récupéré », « a été procédé ») qui cache qui agit.",
        rationale: "À la voix active, le lecteur sait tout de suite qui fait quoi : « nous récupérons la somme » plutôt que « la somme est récupérée ».",
        examples: [
            RuleExample("Le montant de votre aide est modifié à partir du 1er janvier.", triggers: true),
            RuleExample("Tout paiement indu est récupéré par l'organisme.", triggers: true),
            RuleExample("Votre conseiller est arrivé ce matin.", triggers: false),
            RuleExample("Elle s'est inscrite en ligne.", triggers: false),
            RuleExample("Votre carte est prête.", triggers: false),
        ])
}

/// Three action nouns or more in one sentence.
public struct NominalisationRule: Rule {
    public static let threshold = 3
    public static let description = RuleDescription(
        id: "nominalisations", name: "Trop de noms d'action", severity: .avertissement, kind: .sentence,
        summary: "Une phrase avec trois noms d'action ou plus (-tion, -sion, -ment, -age, -ance, -ence).",
        rationale: "Les noms d'action rendent la phrase abstraite : un verbe dit plus simplement qui fait quoi.",
        examples: [
            RuleExample("La notification de la décision entraîne la suspension du versement.", triggers: true),
            RuleExample("Nous avons décidé de suspendre votre aide.", triggers: false),
        ])
}

/// A double negation.
public struct DoubleNegationRule: Rule {
    public static let description = RuleDescription(
        id: "double-negation", name: "Double négation", severity: .avertissement, kind: .sentence,
        summary: "Deux négations qui s'annulent (« n'est pas impossible », « ne … pas sans », « ne … qu'à condition de »).",
        rationale: "Le lecteur doit inverser le sens deux fois ; la forme positive se comprend du premier coup.",
        examples: [
            RuleExample("Il n'est pas impossible que des pénalités soient appliquées.", triggers: true),
            RuleExample("Cette décision n'est pas sans conséquence sur vos droits.", triggers: true),
            RuleExample("Vous ne pouvez partir qu'à condition de prévenir votre employeur.", triggers: true),
            RuleExample("Il est possible que des pénalités soient appliquées.", triggers: false),
            RuleExample("Vous n'avez pas besoin de venir.", triggers: false),
        ])
}

/// Words written in capitals that are not acronyms.
public struct CapitalsRule: Rule {
    public static let description = RuleDescription(
        id: "majuscules", name: "Mots en capitales", severity: .info, kind: .word,
        summary: "Plusieurs mots de suite écrits en capitales (hors sigles).",
        rationale: "Un texte en capitales se lit plus lentement : les mots perdent leur silhouette. Il donne aussi l'impression de crier.",
        examples: [
            RuleExample("OBJET : MISE EN DEMEURE.", triggers: true),
            RuleExample("La CAF et l'URSSAF ont reçu votre dossier.", triggers: false),
        ])
}

/// Numbers and dates hard to read.
public struct HardNumberRule: Rule {
    public static let description = RuleDescription(
        id: "nombre-difficile", name: "Nombre difficile à lire", severity: .info, kind: .word,
        summary: "Un nombre long sans espaces, avec beaucoup de décimales, ou une date au format 2025-03-12.",
        rationale: "Les chiffres groupés par trois et les dates écrites en toutes lettres se lisent sans effort et sans erreur.",
        examples: [
            RuleExample("Vous devez rembourser 1250000 euros.", triggers: true),
            RuleExample("Le taux est de 0,0325.", triggers: true),
            RuleExample("Votre rendez-vous est fixé au 2025-03-12.", triggers: true),
            RuleExample("Vous devez rembourser 1 250 euros avant le 12/03/2025, selon l'article L. 262-46.", triggers: false),
        ])
}

/// Impersonal formulas where the reader could be addressed as "vous".
public struct ImpersonalFormulaRule: Rule {
    public static let description = RuleDescription(
        id: "formule-impersonnelle", name: "Formule impersonnelle", severity: .avertissement, kind: .sentence,
        summary: "Une formule impersonnelle (« il appartient à l'intéressé », « il convient de ») là où l'on peut écrire « vous ».",
        rationale: "S'adresser directement au lecteur lui dit clairement ce qu'il doit faire et que la lettre le concerne.",
        examples: [
            RuleExample("Il appartient à l'intéressé de fournir les justificatifs.", triggers: true),
            RuleExample("Il convient de joindre une copie de votre pièce d'identité.", triggers: true),
            RuleExample("Vous avez fait une demande. Le demandeur doit fournir un justificatif.", triggers: true),
            RuleExample("Vous devez fournir les justificatifs.", triggers: false),
            RuleExample("Le demandeur doit fournir un justificatif.", triggers: false),
        ])
}

/// The plain-language signal rules, in the order `limpide regles` should list them.
public enum SignalRules {
    public static let all: [RuleDescription] = [
        LongSentenceRule.description,
        VeryLongSentenceRule.description,
        PassiveVoiceRule.description,
        NominalisationRule.description,
        DoubleNegationRule.description,
        CapitalsRule.description,
        HardNumberRule.description,
        ImpersonalFormulaRule.description,
    ]
}
