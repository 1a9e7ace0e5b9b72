import Foundation
import Testing

@testable import Limpide

/// Hostile documents: each gives a clear error or is neutralised, in bounded time and memory.
@Suite("Documents: hostile files")
struct DocumentsSecurityTests {
    /// Reads a document; returns the error or the document, and the time it took.
    static func read(_ bytes: [UInt8], _ kind: MarkupKind) -> (Result<MarkupDocument, MarkupError>, Duration) {
        let clock = ContinuousClock()
        let start = clock.now
        let result: Result<MarkupDocument, MarkupError>
        do {
            result = .success(try MarkupDocument(bytes: bytes, kind: kind))
        } catch {
            result = .failure(error)
        }
        return (result, clock.now - start)
    }

    @Test("XXE: an external entity pointing at a local file is never read")
    func externalEntity() throws {
        let directory = try TemporaryDirectory()
        let secret = "SECRET-LIMPIDE-\(UUID().uuidString)"
        let file = try directory.file("secret.txt", Array(secret.utf8))
        let dtd = try directory.file("evil.dtd", Array("<!ENTITY vol SYSTEM \"file://\(file.path)\">".utf8))
        let pages = [
            // A general external entity in the internal subset.
            """
            <?xml version="1.0"?>
            <!DOCTYPE html [<!ENTITY xxe SYSTEM "file://\(file.path)">]>
            <html xmlns="http://www.w3.org/1999/xhtml"><body><p>La CAF : &xxe;</p><p title="&xxe;">x</p></body></html>
            """,
            // A parameter entity that would pull in an external DTD.
            """
            <?xml version="1.0"?>
            <!DOCTYPE html [<!ENTITY % ext SYSTEM "file://\(dtd.path)"> %ext;]>
            <html xmlns="http://www.w3.org/1999/xhtml"><body><p>La CAF : &vol;</p></body></html>
            """,
            // An external DTD.
            """
            <?xml version="1.0"?>
            <!DOCTYPE html SYSTEM "file://\(dtd.path)">
            <html xmlns="http://www.w3.org/1999/xhtml"><body><p>La CAF : &vol;</p></body></html>
            """,
        ]
        for (k, page) in pages.enumerated() {
            let (result, elapsed) = Self.read(Array(page.utf8), .xhtml)
            #expect(elapsed < .seconds(2))
            switch result {
            case .success(let document):
                #expect(!document.text.contains(secret), "page \(k)")
                let annotated = MarkupAnnotator.annotate(MarkupAnalysis(document: document, analyzer: sharedAnalyzer))
                #expect(!annotated.text.contains(secret), "page \(k)")
                #expect(annotated.text.contains("&xxe;") || annotated.text.contains("&vol;"), "page \(k): the reference stays as written")
            case .failure(let error):
                #expect(!error.message.contains(secret), "page \(k)")
            }
            // The HTML parser does not read entities declared by the document either.
            if case .success(let document) = Self.read(Array(page.utf8), .html).0 {
                #expect(!document.text.contains(secret), "page \(k) as HTML")
            }
        }
    }

    @Test("a billion laughs entity bomb is refused at once")
    func billionLaughs() throws {
        var declarations = "<!ENTITY lol \"lol\">"
        for level in 1...9 {
            declarations += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">"
        }
        let page = """
            <?xml version="1.0"?>
            <!DOCTYPE html [\(declarations)]>
            <html xmlns="http://www.w3.org/1999/xhtml"><body><p>La CAF : &lol9;</p><p title="&lol9;">x</p></body></html>
            """
        for kind in MarkupKind.allCases {
            let (result, elapsed) = Self.read(Array(page.utf8), kind)
            #expect(elapsed < .seconds(2), "\(kind): \(elapsed)")
            switch result {
            case .success(let document):
                // Neutralised: the reference is not expanded.
                #expect(document.text.utf8.count < 1_000, "\(kind)")
            case .failure(let error):
                #expect(error.reason == .entities || error.reason == .malformed, "\(kind): \(error)")
                #expect(error.message.contains("entités"), "\(kind): \(error)")
            }
        }
    }

    @Test("one big entity referenced many times is not expanded")
    func quadraticBlowup() throws {
        let big = String(repeating: "CAF ", count: 25_000)
        let page = """
            <?xml version="1.0"?>
            <!DOCTYPE html [<!ENTITY a "\(big)">]>
            <html xmlns="http://www.w3.org/1999/xhtml"><body><p>\(String(repeating: "&a;", count: 20_000))</p></body></html>
            """
        let (result, elapsed) = Self.read(Array(page.utf8), .xhtml)
        #expect(elapsed < .seconds(5), "\(elapsed)")
        if case .success(let document) = result { #expect(document.text.utf8.count < 1_000) }
    }

    @Test("100,000 nested elements: a clear error, in XHTML and in HTML", arguments: MarkupKind.allCases)
    func deepNesting(kind: MarkupKind) throws {
        let depth = 100_000
        var page = kind == .xhtml ? "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>" : "<html><body>"
        page += String(repeating: "<div>", count: depth) + "La CAF" + String(repeating: "</div>", count: depth) + "</body></html>\n"
        let (result, elapsed) = Self.read(Array(page.utf8), kind)
        #expect(elapsed < .seconds(3), "\(elapsed)")
        guard case .failure(let error) = result else {
            Issue.record("accepted")
            return
        }
        #expect(error.reason == .tooDeep)
        #expect(error.message.contains("256"))
        #expect(error.line == 1 || error.line == 2)
    }

    @Test("a text node over 10 MB is refused with a clear message")
    func hugeTextNode() throws {
        let page = "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>" + String(repeating: "la CAF ", count: 1_600_000) + "</p></body></html>\n"
        let (result, elapsed) = Self.read(Array(page.utf8), .xhtml)
        #expect(elapsed < .seconds(10), "\(elapsed)")
        guard case .failure(let error) = result else {
            Issue.record("accepted")
            return
        }
        #expect(error.reason == .tooLarge, "\(error)")
    }

    @Test("a 50 MB XHTML page is read in bounded time")
    func fiftyMegabytes() throws {
        let directory = try TemporaryDirectory()
        let paragraph = "<p>La <strong>CAF</strong> vous informe qu&#8217;il vous appartient de déclarer vos ressources à compter du 1er mars ; l&#8217;APL est versée au bailleur.</p>\n"
        var page = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Grand</title></head><body>\n"
        let count = 50_000_000 / paragraph.utf8.count + 1
        page.reserveCapacity(count * paragraph.utf8.count + 200)
        for _ in 0..<count { page += paragraph }
        page += "</body></html>\n"
        let file = try directory.file("grand.xhtml", Array(page.utf8))
        let bytes = Array(try Data(contentsOf: file))
        #expect(bytes.count > 50_000_000)
        let (result, elapsed) = Self.read(bytes, .xhtml)
        #expect(elapsed < .seconds(25), "\(elapsed)")
        let document = try result.get()
        #expect(document.text.trimmed.hasPrefix("La CAF vous informe qu\u{2019}il vous appartient"))
        let caf = try #require(Array(document.text.utf8).firstRange(of: Array("CAF".utf8)))
        #expect(document.map.originalRange(of: caf) == Array(page.utf8).firstRange(of: Array("CAF".utf8)))
    }
}
