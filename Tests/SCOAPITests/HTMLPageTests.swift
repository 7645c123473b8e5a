import Foundation
import HTTPServer
import SCOData
import Testing
@testable import SCOAPI

/// The HTML face: negotiated beside the JSON, cached and validated like it, escaped, and
/// marking every quote where its record says it is.
@Suite struct HTMLPageTests {
    static let browser = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
    static let article = "/v1/sources/article-2008-08-28-sco-dushanbe"

    private func page(_ api: APIHarness, _ target: String, loop: Int = 0) throws -> HTTPResponse {
        try api.send(target, headers: [("Accept", Self.browser)], loop: loop)
    }

    @Test(arguments: ["/", "/v1", "/v1/member-states", "/v1/timeline", "/v1/timeline/georgian-offensive-on-south-ossetia",
                      "/v1/summit", "/v1/declaration", "/v1/states/RU", "/v1/search?q=ossetia", "/v1/changes", article])
    func aBrowserGetsHTMLWithItsSecurityHeaders(_ target: String) throws {
        let api = try APIHarness()
        let response = try page(api, target)
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "text/html; charset=utf-8")
        #expect(response.headers["Content-Security-Policy"]?.hasPrefix("default-src 'none'") == true)
        #expect(response.headers["X-Content-Type-Options"] == "nosniff")
        #expect(response.headers["Vary"] == "Accept, Accept-Encoding")
        #expect(response.text.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(response.text.contains("<link rel=\"stylesheet\" href=\"\(Stylesheet.path)\">"))
        #expect(!response.text.contains("<script"))
    }

    @Test(arguments: ["/v1/member-states", "/v1/timeline/georgian-offensive-on-south-ossetia", "/v1/summit", "/v1"])
    func otherClientsKeepGettingTheSameJSON(_ target: String) throws {
        let api = try APIHarness()
        let plain = try api.send(target)
        #expect(plain.headers[.contentType] == "application/json; charset=utf-8")
        for accept in ["*/*", "application/json", "application/json, text/html;q=0.9", "text/html;q=0.5, */*"] {
            let response = try api.send(target, headers: [("Accept", accept)])
            #expect(response.headers[.contentType] == "application/json; charset=utf-8", "Accept: \(accept)")
            #expect(response.body == plain.body, "Accept: \(accept)")
        }
        let asked = try api.send(target + "?format=html")
        #expect(asked.headers[.contentType] == "text/html; charset=utf-8")
    }

    @Test func eachRepresentationHasItsOwnStrongTagAndAnswers304ToItsOwn() throws {
        let api = try APIHarness()
        let html = try page(api, "/v1/timeline")
        let json = try api.send("/v1/timeline")
        let htmlTag = try #require(html.headers[.etag])
        let jsonTag = try #require(json.headers[.etag])
        #expect(htmlTag.hasPrefix("\"html-") && jsonTag.hasPrefix("\"json-"))
        let notModified = try api.send("/v1/timeline", headers: [("Accept", Self.browser), ("If-None-Match", htmlTag)], loop: 1)
        #expect(notModified.status == .notModified)
        #expect(notModified.headers[.etag] == htmlTag)
        let other = try api.send("/v1/timeline", headers: [("Accept", Self.browser), ("If-None-Match", jsonTag)])
        #expect(other.status == .ok)
        #expect(other.body == html.body)
    }

    @Test func pagesAreCachedAndAWriteShowsOnEveryLoop() throws {
        let api = try WriteSupport.harness()
        let target = "/v1/timeline/peace-deal-signed"
        for loop in 0..<2 { _ = try page(api, target, loop: loop) }
        let cached = try page(api, target, loop: 1)
        #expect(!cached.text.contains("A peace deal is signed at last"))
        let patched = try api.write(.patch, target, #"{"title": "A peace deal is signed at last"}"#, ifMatch: try api.etag(target))
        #expect(patched.status == .ok)
        for loop in 0..<2 {
            #expect(try page(api, target, loop: loop).text.contains("<h1>A peace deal is signed at last</h1>"), "loop \(loop)")
            #expect(try page(api, "/", loop: loop).text.contains("A peace deal is signed at last"), "loop \(loop)")
        }
    }

    @Test func textFromAWriteIsEscapedEverywhere() throws {
        let api = try WriteSupport.harness()
        let title = #"<script>alert(\"x\")</script> & <b onmouseover='y'>"#
        let created = try api.write(.post, "/v1/timeline", WriteSupport.eventBody(title: title))
        #expect(created.status == .created)
        for target in ["/v1/timeline/sco-rebuffs-russia", "/v1/timeline", "/", Self.article] {
            let text = try page(api, target).text
            #expect(!text.contains("<script"), "\(target)")
            #expect(!text.contains("<b onmouseover"), "\(target)")
            #expect(text.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b onmouseover=&#39;y&#39;&gt;"), "\(target)")
        }
    }

    @Test func theStylesheetIsServedUnderItsHashForAYear() throws {
        let api = try APIHarness()
        #expect(Stylesheet.path.hasPrefix("/assets/style-") && Stylesheet.path.count == "/assets/style-".count + 16 + 4)
        let response = try api.send(Stylesheet.path)
        #expect(response.headers["X-Content-Type-Options"] == "nosniff")
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "text/css; charset=utf-8")
        #expect(response.headers[.cacheControl] == "public, max-age=31536000, immutable")
        #expect(response.body == Stylesheet.bytes)
        let stale = try api.send("/assets/style-0000000000000000.css")
        #expect(stale.status == .notFound)
        #expect(stale.text.contains(Stylesheet.path))
    }

    @Test func theHomePageAnswersTheQuestionsItIsFor() throws {
        let api = try APIHarness()
        let text = try page(api, "/").text
        // Who came, as members and observers, and who headed a delegation.
        for name in ["China", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan", "Uzbekistan", "Iran", "India", "Pakistan",
                     "Mongolia", "Afghanistan", "Hamid Karzai"] {
            #expect(text.contains(">\(name)</a>"), "\(name)")
        }
        // The declaration, each clause anchored.
        #expect(text.contains("<section id=\"clause-territorial-integrity\""))
        // Claims above their denials.
        let claim = try #require(text.range(of: "/v1/statements/south-ossetia-claims-spy-plane-downed"))
        let denial = try #require(text.range(of: "/v1/statements/georgia-denies-spy-plane-downed"))
        #expect(claim.lowerBound < denial.lowerBound)
        // The timeline picture: every event a link, dates drawn as precisely as they are known.
        let svg = try #require(text.range(of: "<svg")).lowerBound
        let end = try #require(text.range(of: "</svg>")).upperBound
        let picture = String(text[svg..<end])
        let events = try api.json("/v1/timeline?limit=500")["items"] as? [[String: Any]] ?? []
        #expect(events.count == 15)
        for event in events {
            #expect(picture.contains("<a href=\"/v1/timeline/\(event["id"] as? String ?? "")\">"))
        }
        #expect(picture.contains("<title id=\"timeline-title\">"))
        #expect(picture.contains("class=\"night k-military\""))
        #expect(picture.contains("class=\"range k-military\""))
        #expect(picture.contains("class=\"year k-founding\""))
        #expect(picture.contains("class=\"day k-summit\""))
    }

    /// Every span a record quotes is a mark whose text is the source's text at the record's
    /// positions, so a phrase the report uses twice is marked where the record means it.
    @Test func theArticleMarksEveryQuoteAtItsRecordsPosition() throws {
        let api = try APIHarness()
        let source = try api.json(Self.article)
        let text = Array((source["text"] as? String ?? "").unicodeScalars)
        let html = try page(api, Self.article).text
        let reader = try api.service.store.makeLoopReader().reader
        let spans = try LinkIndex(reader: reader).spans["article-2008-08-28-sco-dushanbe"] ?? []
        #expect(spans.count > 100)
        for span in spans {
            let opening = "<mark id=\"\(span.anchor)\">"
            let start = try #require(html.range(of: opening), "\(span.anchor) is not marked")
            let following = Self.plainText(String(html[start.upperBound...].prefix(4000)))
            var expected = String.UnicodeScalarView()
            expected.append(contentsOf: text[span.start..<min(span.end, span.start + 30)])
            #expect(following.hasPrefix(String(expected)), "\(span.anchor): \(following.prefix(40)) is not \(String(expected))")
            for record in span.quotedBy { #expect(html.contains("<a href=\"\(record.href)\" title=")) }
        }
        // "Thursday" is in the report six times; each record's "In Dushanbe on Thursday" is at one.
        let summit = try api.json("/v1/summit")
        let quotes = summit["sources"] as? [[String: Any]] ?? []
        let dushanbe = try #require(quotes.first { $0["quote"] as? String == "In Dushanbe on Thursday" })
        let anchor = "q\(dushanbe["start"] as? Int ?? -1)-\(dushanbe["end"] as? Int ?? -1)"
        #expect(html.components(separatedBy: "<mark id=\"\(anchor)\">").count == 2)
        #expect(try page(api, "/v1/summit").text.contains("href=\"\(Self.article)#\(anchor)\""))
    }

    @Test func listsKeepTheirQueryInFormsAndLinks() throws {
        let api = try APIHarness()
        let first = try page(api, "/v1/statements?limit=5&kind=&sort=-date").text
        #expect(first.contains("<form class=\"query\" method=\"get\" action=\"/v1/statements\" role=\"search\">"))
        #expect(first.contains("<option value=\"-date\" selected=\"selected\">-date</option>"))
        let next = try #require(first.range(of: "<a href=\"/v1/statements?limit=5&amp;sort=-date&amp;cursor="))
        #expect(first[next.upperBound...].prefix(200).contains("rel=\"next\""))
        let search = try page(api, "/v1/search").text
        #expect(search.contains("<input type=\"search\" name=\"q\" value=\"\">"))
        let hits = try page(api, "/v1/search?q=tibet").text
        #expect(hits.contains("<mark>Tibet</mark>"))
    }

    @Test func aPersonGetsProblemsAsPagesAndProgramsKeepTheJSON() throws {
        let api = try APIHarness()
        let missing = try page(api, "/v1/people/nobody")
        #expect(missing.status == .notFound)
        #expect(missing.headers[.contentType] == "text/html; charset=utf-8")
        #expect(missing.headers[.cacheControl] == "no-store")
        #expect(missing.text.contains("<h1>404 Not Found</h1>"))
        #expect(missing.text.contains("No person has the id &#39;nobody&#39;."))
        let bad = try api.send("/v1/timeline?colour=<red>&format=html")
        #expect(bad.status == .badRequest)
        #expect(bad.text.contains("&#39;colour&#39;") && !bad.text.contains("<red>"))
        #expect(try api.send("/v1/people/nobody").headers[.contentType] == "application/problem+json")
        #expect(try api.send("/v1/people/nobody", headers: [("Accept", "*/*")]).headers[.contentType] == "application/problem+json")
        let refused = try api.send("/v1/member-states", headers: [("Accept", "image/png")])
        #expect(refused.status == .notAcceptable && refused.headers[.contentType] == "application/problem+json")
    }

    /// The text of an HTML fragment: tags and the reference numbers dropped, entities read.
    static func plainText(_ html: String) -> String {
        var text = ""
        var inTag = false
        var inReferences = 0
        var rest = Substring(html)
        while let character = rest.first {
            if character == "<" {
                if rest.hasPrefix("<sup") { inReferences += 1 }
                if rest.hasPrefix("</sup>") { inReferences -= 1 }
                inTag = true
            } else if character == ">" {
                inTag = false
            } else if !inTag && inReferences == 0 {
                text.append(character)
            }
            rest = rest.dropFirst()
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }
}
