#!/usr/bin/env python3
"""Importe les développements de sigles du Dictionnaire des sigles de l'administration (CC0).

Usage : python3 Lexicon/outils/importer-dicosigles.py CHEMIN/acronymes-dicosigles.tsv

Écrit Lexicon/sigles-dicosigles.tsv : une ligne par sens, sans explication (les explications sont
écrites à la main dans les fichiers de domaine). Sont laissés de côté, avec la raison comptée à la fin :
- les sens déjà présents dans un fichier de domaine (même sigle, même développement à peu près) ;
- les formes d'une seule lettre, les formes mal écrites (parenthèses) ;
- les formes qui sont aussi un mot français courant (ART, CAS, FIN…), qui gêneraient la détection ;
- les sens marqués comme anciens ou remplacés (« anciennement », « remplacé par »…).
Le domaine de chaque sens est deviné d'après les mots de son développement.
"""
import csv
import glob
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
LEXICON = os.path.dirname(HERE)
OUTPUT = os.path.join(LEXICON, "sigles-dicosigles.tsv")
HEADER = ["forme", "variantes", "type", "developpement", "explication", "remplacement", "domaines", "source", "note"]

# Words that must never be read as acronyms when written in capitals.
COMMON_WORDS = set("""
a ai an as au aux avec bon bien but ca car ce ces cet cette ci cite code col cote cour cours cas de des dit dix du
elle en est et eta ete fin fil foi fois gaz il ils je jeu la le les leur lieu loi lot lui ma mai mais me mer mes
mis moi mon mot ne net ni nom non nos nous on or os ou oui par pas pays peu pied plan plus pour pre pres pris prix
que qui rue sa sans se ses si six soi soit son sud sur ta te tel tes toi ton tous tout tri tu un une va vie voie
vol vos vous vu zone art acte aide ami bas cap cle col dos ecu ere fer feu gens lac mal nul or pic pot roi sac sel
sol tas tir toit vent ver vin vue age base bout cadre carte centre date fait mise note page part poste prime
projet rapport region service site terre titre unite ville
""".split())

OBSOLETE = re.compile(r"anciennement|ancienne appellation|remplac[ée]e? par|\(ancien|terme remplac|ex-formulaire|supprim[ée]", re.I)

DOMAINS = [
    ("etrangers", r"etranger|immigr|asile|sejour|refugi|integration|visa|frontier|naturalis|apatride|retention"),
    ("justice", r"justice|tribunal|\bcour\b|juge|judiciaire|penal|penitentiaire|prison|detention|avocat|contentieux|proces|juridiction|probation|greffe|magistra|delinquan|police|gendarmerie|criminel|infraction"),
    ("etat-civil", r"etat civil|identite|passeport|naissance|mariage|deces|nationalite"),
    ("handicap", r"handicap|autonomie|dependan|invalid|aidant|personnes agees|gerontolog"),
    ("retraite", r"retraite|pension|vieillesse"),
    ("sante", r"sante|medic|hopita|hospital|soins|maladie|patient|sanitaire|pharma|clinique|infirm|chirurg|psychiat|therap|medecin|epidemi|vaccin|addict|toxico"),
    ("famille-logement", r"logement|habitat|\bhlm\b|famil|enfan|loyer|locati|parental|petite enfance|creche|jeunesse"),
    ("minima-sociaux", r"solidarit|insertion|revenu minimum|pauvret|exclusion|sans.abri|hebergement|urgence sociale|precarit|maraude|action sociale|aide sociale|social"),
    ("emploi", r"emploi|chomage|chomeur|formation professionnelle|apprenti|qualification|orientation professionnelle|demandeur"),
    ("travail", r"travail|salari|entreprise|employeur|syndic|prud.?hom|paie|remuneration|fonction publique|agent|personnel|carriere|statut"),
    ("impots", r"impot|fiscal|taxe|tresor|finances publiques|douane|comptab|budget|recette|tva|cotisation"),
    ("banque", r"banque|bancaire|credit|epargne|financ|assurance|monetaire|endettement|pret\b|marche public|marches publics|achat public"),
    ("transport", r"transport|route|routier|vehicul|conduire|ferroviaire|aerien|aviation|maritime|circulation|autoroute|navigation|port\b|aeroport|permis"),
    ("education", r"educat|ecole|enseign|scolai|universit|etudiant|college|lycee|diplome|academ|baccalaureat|pedagog|eleve|formation"),
    ("collectivites", r"commun|departement|region|territori|urbanis|amenagement|intercommunal|collectivit|agglomeration|metropole|mairie|prefect|zone|plan local|environnement|eau\b|dechet|foret|agricol|rural|ville"),
]


def fold(text):
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return text.replace("œ", "oe").replace("’", "'")


def letters(text):
    return re.sub(r"[^a-z0-9]", "", fold(text))


def significant_words(text):
    stop = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "a", "au", "aux", "en", "pour", "sur"}
    return {w for w in re.split(r"[^a-z0-9]+", fold(text)) if w and w not in stop}


def guess_domains(expansion):
    folded = fold(expansion)
    found = [domain for domain, pattern in DOMAINS if re.search(pattern, folded)]
    return found[:2] or ["general"]


def clean_expansion(text):
    text = text.strip().rstrip(".").strip()
    text = re.sub(r"\s+", " ", text)
    text = text.replace("( ", "(").replace(" )", ")")
    return text


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    known = {}  # folded form letters -> list of significant word sets of known expansions
    for path in glob.glob(os.path.join(LEXICON, "*.tsv")):
        name = os.path.basename(path)
        if name in ("domaines.tsv", os.path.basename(OUTPUT)):
            continue
        with open(path, encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                if (row.get("type") or "").strip() != "sigle":
                    continue
                forms = [row["forme"]] + [v for v in (row.get("variantes") or "").split("|") if v.strip()]
                for form in forms:
                    known.setdefault(letters(form), []).append(significant_words(row.get("developpement") or ""))
    skipped = {"déjà dans un fichier de domaine": 0, "forme d'une lettre ou mal écrite": 0,
               "mot français courant": 0, "ancien ou remplacé": 0, "doublon dans la source": 0}
    rows = []
    seen = set()
    with open(sys.argv[1], encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            form = row["form"].strip()
            expansion = clean_expansion(row["expansion"])
            source = row["source"].strip()
            if len(letters(form)) < 2 or "(" in form or not any(c.isupper() for c in form) or not expansion:
                skipped["forme d'une lettre ou mal écrite"] += 1
                continue
            if fold(form) in COMMON_WORDS:
                skipped["mot français courant"] += 1
                continue
            if OBSOLETE.search(expansion):
                skipped["ancien ou remplacé"] += 1
                continue
            words = significant_words(expansion)
            key = (letters(form), frozenset(words))
            if key in seen:
                skipped["doublon dans la source"] += 1
                continue
            seen.add(key)
            if any(len(words & other) >= max(1, int(0.6 * min(len(words), len(other) or 1))) for other in known.get(letters(form), [])):
                skipped["déjà dans un fichier de domaine"] += 1
                continue
            rows.append([form, "", "sigle", expansion, "", "", ",".join(guess_domains(expansion)), source, ""])
    rows.sort(key=lambda r: (fold(r[0]), fold(r[3])))
    with open(OUTPUT, "w", encoding="utf-8", newline="") as handle:
        handle.write("# Développements de sigles importés du Dictionnaire des sigles de l'administration française (CC0)\n")
        handle.write("# par Lexicon/outils/importer-dicosigles.py : ne pas modifier à la main, relancer le script.\n")
        handle.write("\t".join(HEADER) + "\n")
        for row in rows:
            handle.write("\t".join(cell.replace("\t", " ") for cell in row) + "\n")
    print(f"{len(rows)} sens écrits dans {os.path.relpath(OUTPUT)} ({len({letters(r[0]) for r in rows})} sigles distincts)")
    for reason, count in skipped.items():
        print(f"  laissés de côté ({reason}) : {count}")


if __name__ == "__main__":
    main()
