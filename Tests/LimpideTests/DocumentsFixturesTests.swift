import Foundation
import Testing

@testable import Limpide

/// Documents written for these tests (kept in Swift so the test target has no resource files).
enum MarkupFixtures {
    /// A form in XHTML 1.0 (with its DTD's named entities): inline markup splitting a word,
    /// references, skipped elements, attributes to read, an existing <abbr>, CDATA, a table.
    static let form = #"""
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="fr" lang="fr">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<title>Demande d'APL – formulaire</title>
<style type="text/css">p.CAF { color: black; }</style>
<script type="text/javascript">var CAF = "APL";</script>
</head>
<body>
<!-- Formulaire fictif écrit pour les tests de Limpide : la CAF n'y est pour rien. -->
<h1>Demande d&#8217;aide personnalisée au logement</h1>
<p>La <strong>C</strong>AF étudie votre demande d&apos;<em>APL</em>&nbsp;: vous êtes l&#8217;<span>allocataire</span>.</p>
<p>Vous êtes redevable d&#8217;un indu&#160;: il vous appartient de le rembourser.</p>
<p>Les codes <code>CPAM</code>, <kbd>RSA</kbd>, <samp>MSA</samp> ne sont pas lus.</p>
<pre>URSSAF   AAH</pre>
<p translate="no">Le CCAS ne doit pas être expliqué ici.</p>
<div data-limpide="ignorer"><p>Ni la CPAM ici.</p></div>
<p>Contactez la <abbr title="Mutualité sociale agricole">MSA</abbr> ou la MSA de votre département.</p>
<p><img src="logo.png" alt="Logo de la CPAM" /> <a href="https://www.caf.fr/" title="Site de la CNAF">le site de la Caf</a></p>
<form action="#">
<fieldset>
<legend>Votre situation au regard de l&#8217;AAH</legend>
<label for="n">Numéro d&#8217;allocataire</label>
<input id="n" type="text" placeholder="Votre numéro CAF" aria-label="Numéro d'allocataire CAF" />
<select name="s"><option>Bénéficiaire du RSA</option><option>Autre</option></select>
<input type="submit" value="Envoyer à la CAF" />
<input type="hidden" value="CPAM" />
<button type="submit" title="Envoyer la demande d'APL">Envoyer la <![CDATA[déclaration trimestrielle de ressources]]></button>
</fieldset>
</form>
<ul>
<li>le cas échéant, le bulletin de salaire</li>
<li>l&#8217;avis d&#x27;impôt sur le revenu</li>
</ul>
<table><tr><td>URSSAF</td><td>CPAM</td></tr></table>
</body>
</html>
"""#

    /// HTML tag soup: unclosed and misnested tags, stray end tags, unquoted attributes, named
    /// references with and without `;`, raw text in <script>, an unclosed <code> at the end.
    static let soup = #"""
<!DOCTYPE html>
<html lang=fr>
<head><meta charset=utf-8><title>Soupe de balises</title>
<body class=page>
<P>La CAF verse l&#39;APL &amp; la prime d&rsquo;activit&eacute;
<P>Vous &ecirc;tes <b>redevable <i>d&#8217;un</b> indu</i> &eacute ; &foo; & autres
<ul><li>le cas &eacute;ch&eacute;ant<li>la CPAM</ul>
<div>Texte <span>non <em>ferm&eacute;
</div><p>Aide de la <a href=/caf title="Site de la CAF">CAF<a href=/msa>MSA</a></p>
<script>if (a < b && "</p>") { document.write("APL"); }</script>
<p>Suite</b></i></span> après des balises de fin perdues</p>
<table><tr><td>URSSAF<td>RSA</table>
<p>Fin sans fermer <code>CPAM
"""#

    /// A minimal XHTML page around some body content.
    static func xhtml(_ body: String, doctype: String = "<!DOCTYPE html>") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        \(doctype)
        <html xmlns="http://www.w3.org/1999/xhtml" xml:lang="fr" lang="fr">
        <head><title>Essai</title></head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    static let xhtml10Doctype = #"<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">"#
}
