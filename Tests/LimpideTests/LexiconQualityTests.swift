import Foundation
import Testing

@testable import Limpide

@Suite("Lexicon quality checks")
struct LexiconQualityTests {
    static let domains = "domaine\tlibelle\tindices\ngeneral\tGénéral\t\nfamille-logement\tFamille\t\n"
    static let header = "forme\tvariantes\ttype\tdeveloppement\texplication\tremplacement\tdomaines\tsource\tnote\n"

    func issues(_ body: String) -> [String] {
        let lexicon = Lexicon(files: [
            Lexicon.File(name: "domaines.tsv", text: Self.domains),
            Lexicon.File(name: "essai.tsv", text: Self.header + body),
        ])
        return LexiconValidator.validate(lexicon).map(\.description)
    }

    @Test("a correct lexicon passes")
    func correct() {
        #expect(issues("CAF\t\tsigle\tCaisse d'allocations familiales\tl'organisme qui paie les aides aux familles\t\tfamille-logement\tLimpide\t\nafin de\t\tformule\t\tpour\tpour\tgeneral\tLimpide\t\n").isEmpty)
    }

    @Test("duplicates: the same form with the same meaning twice; two meanings are fine")
    func duplicates() {
        let twice = issues("CAF\t\tsigle\tCaisse d'allocations familiales\tl'organisme des aides\t\tfamille-logement\tLimpide\t\nCAF\t\tsigle\tcaisse d'allocations familiales\tla caisse des aides\t\tfamille-logement\tLimpide\t\n")
        #expect(twice.contains { $0.hasPrefix("essai.tsv:3: doublon") })
        let meanings = issues("CRA\t\tsigle\tcommission de recours amiable\tle groupe qui revoit une décision\t\tfamille-logement\tLimpide\t\nCRA\t\tsigle\tcentre de rétention administrative\tun lieu fermé pour les étrangers\t\tgeneral\tLimpide\t\n")
        #expect(!meanings.contains { $0.contains("doublon") })
    }

    @Test("an explanation over 25 words, an empty one, jargon or an unknown acronym inside")
    func explanations() {
        let long = Array(repeating: "mot", count: 26).joined(separator: " ")
        #expect(issues("essai\t\tjargon\t\t\(long)\t\tgeneral\tLimpide\t\n").contains { $0.contains("trop longue") && $0.contains("26 mots") })
        #expect(issues("essai\t\tjargon\t\t\t\tgeneral\tLimpide\t\n").contains { $0 == "essai.tsv:2: explication vide pour « essai »" })
        #expect(issues("afin de\t\tformule\t\tpour\tpour\tgeneral\tLimpide\t\nessai\t\tjargon\t\tun mot afin de tester\t\tgeneral\tLimpide\t\n").contains { $0.contains("contient du jargon : « afin de »") })
        #expect(issues("essai\t\tjargon\t\tun mot vu par la ZQWX\t\tgeneral\tLimpide\t\n").contains { $0.contains("sigle inconnu du lexique : « ZQWX »") })
        #expect(issues("APL\t\tsigle\taide personnalisée au logement\t\t\tfamille-logement\tLimpide\t\nessai\t\tjargon\t\tune aide comme l'APL\t\tgeneral\tLimpide\t\n").contains { $0.contains("n'explique pas : « APL »") })
    }

    @Test("replacements must fit: same ending, no written elision")
    func replacements() {
        #expect(issues("à compter de\t\tformule\t\tà partir de\tbientôt\tgeneral\tLimpide\t\n").contains { $0.contains("doit finir par une préposition") })
        #expect(issues("afin de\t\tformule\t\tpour\tpour d'\tgeneral\tLimpide\t\n").contains { $0.contains("ne pas écrire l'élision") })
        #expect(issues("en date du\t\tformule\t\tdaté du\tdaté de\tgeneral\tLimpide\t\n").isEmpty)
    }

    @Test("unknown domain and bad encoding are reported with their line")
    func domainsAndEncoding() {
        #expect(issues("essai\t\tjargon\t\tun mot\t\tnulle-part\tLimpide\t\n").contains { $0 == "essai.tsv:2: domaine inconnu « nulle-part » pour « essai » (voir domaines.tsv)" })
        #expect(issues("ess\u{FFFD}i\t\tjargon\t\tun mot\t\tgeneral\tLimpide\t\n").contains { $0 == "essai.tsv:2: encodage invalide : le fichier doit être en UTF-8" })
    }

    @Test("the bundled lexicon passes its own checks")
    func bundled() {
        let problems = LexiconValidator.validate(Lexicon.bundled(), analyzer: sharedAnalyzer)
        #expect(problems.isEmpty, "\(problems.prefix(5).map(\.description))")
    }

    @Test("limpide lexique verifier DOSSIER: exit 1 with fichier:ligne: message; stats and chercher")
    func commands() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.file("domaines.tsv", Array(Self.domains.utf8))
        _ = try directory.file("mauvais.tsv", Array((Self.header + "essai\t\tjargon\t\t\t\tgeneral\tLimpide\t\n").utf8))
        let bad = try CLI.run(["lexique", "verifier", directory.url.path])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("mauvais.tsv:2: explication vide pour « essai »"))
        let stats = try CLI.run(["lexique", "stats", "--format", "json"])
        #expect(stats.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: stats.stdoutData) as? [String: Any])
        for key in ["acronyms", "acronymsWithExplanation", "jargon", "jargonWithReplacement", "domains"] { #expect(json[key] != nil, "\(key)") }
        #expect((json["acronyms"] as? Int ?? 0) >= 4000)
        #expect((json["acronymsWithExplanation"] as? Int ?? 0) >= 1000)
        #expect((json["jargon"] as? Int ?? 0) >= 1000)
        #expect((json["jargonWithReplacement"] as? Int ?? 0) >= 400)
        #expect((json["domains"] as? [String: Int] ?? [:]).count >= 15)
        let search = try CLI.run(["lexique", "chercher", "cra"])
        #expect(search.status == 0)
        #expect(search.stdout.contains("commission de recours amiable"))
        #expect(search.stdout.contains("centre de rétention administrative"))
    }
}
