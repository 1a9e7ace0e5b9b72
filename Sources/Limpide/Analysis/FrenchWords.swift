/// Common French words, folded. A word written in capitals or with a capital first letter that is
/// one of these is read as a word, not as an acronym (`Les`, `CES`, `DE` in a heading).
enum FrenchWords {
    static let common: Set<String> = Set("""
    a ai aie ainsi alors an ans apres as au aucun aucune aussi autre autres aux avant avec avez avis avoir avons ayant \
    bien bon bonne but ca car ce ceci cela celle celui ces cet cette chaque chez ci comme comment dans de des deux dit \
    doit donc dont du elle elles en encore entre es est et etat ete etre eu eux fait faire fin fois font gens ici il ils \
    je jour la le les leur leurs lui ma mais me meme mes moi moins mon ne ni non nos notre nous on ont or ou oui par \
    pas peu peut plus pour pourquoi puis quand que quel quelle quels qui sa sans se ses si son sont sous suis sur ta te \
    tes toi ton tous tout toute toutes tres tu un une vos votre vous vu y lettre objet madame monsieur date nom prenom \
    adresse page fax tel mail rue ville code article loi aide aides droit droits carte acte cas mois an annee prix taux \
    part parts bas haut vie age art ami amis ere eve ile lot mer mot net nul oeil sol sud est ouest nord rien soit tel \
    tels telle tant tot fil fils foi jeu loi lieu mai mars juin ete voir vue pris mise mis ses sel tri vol val cap cote \
    avec sur sous dans vers chez pour sans selon depuis pendant contre entre apres avant durant hors mon ton son \
    ces une des les aux par est ont sont ete fait dit vue recu recue avis fin tout tous peu lot cas objet ref page
    """.split(separator: " ").map(String.init))
}
