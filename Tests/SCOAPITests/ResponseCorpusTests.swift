import Foundation
import HTTPServer
import Testing
@testable import SCOAPI

/// Every response of a fixed walk over the API compared with a corpus recorded from an earlier
/// build: status, every header but the request id, and a hash of the body's exact bytes.
///
/// The walk is every GET example of the README, every list with several filters, sorts, field
/// selections, formats and page sizes (each walked to its last page through its cursors), every
/// record, refusals (400, 404, 405, 406, OPTIONS, HEAD, 304) and the README's writes in order.
/// A change that is meant to leave behaviour alone must leave this test green; one that means
/// to change answers records the corpus again (`SCO_API_RECORD_CORPUS=1 swift test --filter
/// ResponseCorpusTests`) and says why in its commit.
@Suite struct ResponseCorpusTests {
    static let corpusURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Corpus").appendingPathComponent("responses.tsv")

    @Test func everyResponseIsByteIdenticalToTheRecordedCorpus() throws {
        let lines = try Self.walk()
        let recorded = ProcessInfo.processInfo.environment["SCO_API_RECORD_CORPUS"] == "1"
        if recorded {
            try FileManager.default.createDirectory(
                at: Self.corpusURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try (lines.joined(separator: "\n") + "\n").write(to: Self.corpusURL, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: Self.corpusURL, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        #expect(lines.count == expected.count, "the walk made \(lines.count) requests; the corpus has \(expected.count)")
        var differences = 0
        for (actual, wanted) in zip(lines, expected) where actual != wanted {
            differences += 1
            if differences <= 20 { Issue.record("differs:\n  now:      \(actual)\n  recorded: \(wanted)") }
        }
        #expect(differences == 0, "\(differences) responses differ from the corpus")
        #expect(lines.count > 400)
    }

    /// A request of the walk.
    struct Probe {
        var method: HTTPMethod = .get
        var target: String
        var headers: [(String, String)] = []
        var body: String?
    }

    static func walk() throws -> [String] {
        let api = try WriteSupport.harness()
        var lines: [String] = []
        func run(_ probe: Probe) throws -> HTTPResponse {
            let response = try api.send(
                probe.target, method: probe.method, headers: probe.headers, body: Array((probe.body ?? "").utf8))
            lines.append(line(probe, response))
            return response
        }
        /// A list walked page by page through `next`, at most 40 pages.
        func walkPages(_ target: String, headers: [(String, String)] = []) throws {
            var next: String? = target
            var pages = 0
            while let current = next, pages < 40 {
                let response = try run(Probe(target: current, headers: headers))
                pages += 1
                next = nil
                if let link = response.headers[.link], link.hasPrefix("<"), let end = link.firstIndex(of: ">") {
                    next = String(link[link.index(after: link.startIndex)..<end])
                }
            }
        }

        for probe in try readmeReads() { _ = try run(probe) }
        for target in documents { _ = try run(Probe(target: target)) }
        for target in listTargets {
            try walkPages(target)
        }
        for target in lineFormatTargets {
            try walkPages(target, headers: [("Accept", "text/csv")])
            try walkPages(target, headers: [("Accept", "application/x-ndjson")])
        }
        for target in recordTargets {
            _ = try run(Probe(target: target))
            _ = try run(Probe(method: .head, target: target))
        }
        for probe in refusals { _ = try run(probe) }
        for target in ["/v1/timeline", "/v1/member-states", "/v1/timeline/sco-founded", "/v1/search?q=peace"] {
            let first = try api.send(target)
            let tag = first.headers[.etag] ?? "\"none\""
            _ = try run(Probe(target: target, headers: [("If-None-Match", tag)]))
            _ = try run(Probe(target: target, headers: [("If-None-Match", "W/" + tag)]))
            _ = try run(Probe(target: target, headers: [("If-None-Match", "\"json-0000000000000000\", " + tag)]))
        }
        for probe in writes(api) { _ = try run(probe()) }
        for target in ["/v1/timeline", "/v1/statements", "/v1/search?q=recogni*", "/v1/sources", "/v1/changes?since=1"] {
            try walkPages(target)
        }
        return lines
    }

    /// `METHOD target [headers] -> status headers… length hash`, with what varies between runs
    /// (the request id; in the change log, the times of entries and of the seed) left out.
    static func line(_ probe: Probe, _ response: HTTPResponse) -> String {
        var body = response.body
        var headers = response.headers.map { ($0.name.lowercased(), $0.value) }
            .filter { $0.0 != "x-request-id" }
        if probe.target.hasPrefix("/v1/changes") || probe.target.hasPrefix("/metrics") {
            body = Array(String(decoding: body, as: UTF8.self)
                .replacingOccurrences(of: #""(at|seededAt)":"[^"]*""#, with: #""$1":"-""#, options: .regularExpression).utf8)
            headers = headers.filter { $0.0 != "etag" }
        }
        let sent = probe.headers.map { "\($0.0): \($0.1)" }.joined(separator: "; ")
        let got = headers.map { "\($0.0): \($0.1)" }.joined(separator: "; ")
        return "\(probe.method.rawValue) \(probe.target) [\(sent)]\t\(response.status.code)\t\(got)\t\(body.count)\t\(fnv(body))"
    }

    static func fnv(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16)
    }

    /// The README's GET examples (`curl -s [-H …] URL`), with their headers.
    static func readmeReads() throws -> [Probe] {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        var probes: [Probe] = []
        for line in try String(contentsOf: readme, encoding: .utf8).split(separator: "\n") {
            guard line.hasPrefix("curl "), !line.contains(" -X "), !line.contains("$("),
                  let start = line.range(of: "http://127.0.0.1:8080")
            else { continue }
            var target = String(line[start.upperBound...].prefix { $0 != " " && $0 != "\"" })
            if target.isEmpty { target = "/" }
            var headers: [(String, String)] = []
            var rest = Substring(line)
            while let header = rest.range(of: "-H '") {
                let value = rest[header.upperBound...].prefix { $0 != "'" }
                rest = rest[header.upperBound...].dropFirst(value.count)
                if let colon = value.firstIndex(of: ":") {
                    headers.append((String(value[..<colon]), String(value[value.index(after: colon)...].drop { $0 == " " })))
                }
            }
            if target.hasPrefix("/metrics") { continue }
            probes.append(Probe(target: target, headers: headers))
        }
        return probes
    }

    static let documents = ["/v1", "/openapi.json", "/healthz", "/readyz", "/v1/organization", "/v1/summit", "/v1/declaration"]

    static let listTargets: [String] = {
        var targets: [String] = []
        let lists = [
            "/v1/member-states", "/v1/observers", "/v1/states", "/v1/declaration/clauses", "/v1/timeline",
            "/v1/statements", "/v1/regions", "/v1/people", "/v1/organizations", "/v1/sources",
        ]
        for list in lists {
            targets += [list, list + "?limit=2", list + "?limit=3&fields=id", list + "?limit=500"]
        }
        targets += [
            "/v1/member-states?sort=-name&limit=4", "/v1/member-states?sort=name&fields=code,name",
            "/v1/observers?role=observer", "/v1/observers?role=observer-status&sort=-code",
            "/v1/states?role=member,observer&limit=3", "/v1/states?role=party-to-conflict",
            "/v1/states?sort=-name,code&limit=5&fields=code,roles", "/v1/states?role=former-state",
            "/v1/declaration/clauses?sort=-position&limit=2", "/v1/declaration/clauses?sort=id&fields=id,text",
            "/v1/timeline?kind=military", "/v1/timeline?kind=military,diplomatic,ceasefire&limit=2",
            "/v1/timeline?actor=RU", "/v1/timeline?actor=RU,GE&sort=-date&limit=3", "/v1/timeline?actor=sco&actor=osce",
            "/v1/timeline?region=south-ossetia", "/v1/timeline?region=abkhazia,georgia-proper&sort=title",
            "/v1/timeline?from=2008-08-07&to=2008-08-28", "/v1/timeline?from=2008-08", "/v1/timeline?to=2001",
            "/v1/timeline?from=1960-01-01&to=2008-12-31&sort=kind,-date&limit=4",
            "/v1/timeline?sort=-id&limit=5&fields=id,date,title", "/v1/timeline?sort=title,-date&limit=6",
            "/v1/timeline?kind=recognition&actor=RU&region=abkhazia", "/v1/timeline?kind=military&from=2008-08-08&sort=-date",
            "/v1/statements?kind=denial", "/v1/statements?kind=claim,accusation&limit=2",
            "/v1/statements?speaker=eka-tkeshelashvili,anvar-azimov&fields=id,kind,quote,respondsTo",
            "/v1/statements?speaker=dmitry-medvedev&sort=-date&limit=2", "/v1/statements?about=GE",
            "/v1/statements?about=south-ossetia,abkhazia&sort=speaker,kind", "/v1/statements?from=2008-08-26&to=2008-08-28",
            "/v1/statements?sort=-kind,id&limit=7&fields=id,kind", "/v1/statements?sort=-speaker&limit=4",
            "/v1/regions?kind=separatist-region", "/v1/regions?state=GE&sort=-name", "/v1/regions?kind=city,region&limit=2",
            "/v1/people?state=RU", "/v1/people?organization=osce,sco&sort=-name", "/v1/people?sort=name&limit=2&fields=id,name",
            "/v1/organizations?kind=intergovernmental", "/v1/organizations?sort=-name&limit=3",
            "/v1/organizations?kind=media,think-tank&fields=id,kind",
            "/v1/sources?sort=-publishedOn", "/v1/sources?fields=id,title",
            "/v1/search?q=secur*", "/v1/search?q=Georgia&limit=2", "/v1/search?q=%22territorial+integrity%22",
            "/v1/search?q=Russia+OR+China&type=statement", "/v1/search?q=peace&type=clause,event&fields=id,snippet",
            "/v1/search?q=Ossetia+NOT+Abkhazia", "/v1/search?q=recogni*&limit=3", "/v1/search?q=Medvedev&limit=1&fields=id,rank",
            "/v1/search?q=nothingmatchesthis", "/v1/search?q=force&type=event",
        ]
        return targets
    }()

    static let lineFormatTargets = [
        "/v1/member-states", "/v1/timeline?limit=4&fields=id,date,kind,title", "/v1/statements?limit=5",
        "/v1/states?role=observer", "/v1/declaration/clauses", "/v1/regions?limit=3", "/v1/people",
        "/v1/organizations?limit=4", "/v1/sources", "/v1/search?q=Georgia&limit=3", "/v1/observers?fields=code,notes",
    ]

    static let recordTargets = [
        "/v1/member-states/kaz", "/v1/member-states/CN", "/v1/member-states/rus", "/v1/observers/IR", "/v1/observers/ind",
        "/v1/states/GE", "/v1/states/su", "/v1/states/USA", "/v1/declaration/clauses/territorial-integrity",
        "/v1/declaration/clauses/six-principles", "/v1/timeline/georgian-offensive-on-south-ossetia",
        "/v1/timeline/sco-founded", "/v1/timeline/spy-plane-claimed-shot-down", "/v1/statements/azimov-denies-ethnic-cleansing",
        "/v1/statements/medvedev-appeals-for-support", "/v1/regions/south-ossetia", "/v1/regions/tibet",
        "/v1/people/dmitry-medvedev", "/v1/people/hamid-karzai", "/v1/organizations/osce", "/v1/organizations/the-west",
        "/v1/sources/article-2008-08-28-sco-dushanbe", "/v1/timeline/sco-founded?fields=id,date",
        "/v1/states/RU?fields=code,roles,name", "/v1/summit?fields=place,date", "/v1/declaration?fields=id",
        "/v1/sources/article-2008-08-28-sco-dushanbe?format=json",
    ]

    static let refusals: [Probe] = [
        Probe(target: "/v1/timeline?colour=red"), Probe(target: "/v1/timeline?limit=x"), Probe(target: "/v1/timeline?limit=0"),
        Probe(target: "/v1/timeline?limit=9999"), Probe(target: "/v1/timeline?kind=party"), Probe(target: "/v1/timeline?kind=,"),
        Probe(target: "/v1/timeline?cursor=abc"), Probe(target: "/v1/timeline?cursor="), Probe(target: "/v1/timeline?from=2008-02-30"),
        Probe(target: "/v1/timeline?from=2008-13"), Probe(target: "/v1/timeline?from=2009&to=2008"),
        Probe(target: "/v1/timeline?sort=colour"), Probe(target: "/v1/timeline?sort=date,date"),
        Probe(target: "/v1/timeline?fields=colour"), Probe(target: "/v1/timeline?limit=1&limit=2"),
        Probe(target: "/v1/timeline?format=xml"), Probe(target: "/v1/summit?format=csv"),
        Probe(target: "/v1/member-states/RU?sort=name"), Probe(target: "/v1/member-states/RU?fields=a"),
        Probe(target: "/v1/member-states/RU?fields=code&fields=name"), Probe(target: "/v1/member-states/IR"),
        Probe(target: "/v1/observers/RU"), Probe(target: "/v1/states/XX"), Probe(target: "/v1/people/nobody"),
        Probe(target: "/v1/timeline/nothing"), Probe(target: "/v1/statements/nothing"), Probe(target: "/v1/regions/nothing"),
        Probe(target: "/v1/organizations/nothing"), Probe(target: "/v1/sources/nothing"),
        Probe(target: "/v1/declaration/clauses/nothing"), Probe(target: "/v2/everything"), Probe(target: "/"),
        Probe(target: "/v1/"), Probe(target: "/v1/timeline/a/b"), Probe(target: "/v1/search"), Probe(target: "/v1/search?q="),
        Probe(target: "/v1/search?q=%22unterminated"), Probe(target: "/v1/search?q=AND"), Probe(target: "/v1/search?q=x&type=person"),
        Probe(target: "/v1/search?q=x&sort=id"), Probe(target: "/healthz?x=1"), Probe(target: "/readyz?verbose"),
        Probe(target: "/openapi.json?x"), Probe(target: "/v1?x=1"), Probe(target: "/v1/changes?since=-1"),
        Probe(target: "/v1/changes?limit=0"), Probe(target: "/v1/changes?since=1&since=2"), Probe(target: "/v1/changes?x=1"),
        Probe(target: "/v1/member-states", headers: [("Accept", "image/png")]),
        Probe(target: "/v1/summit", headers: [("Accept", "text/csv")]),
        Probe(target: "/v1/timeline", headers: [("Accept", "text/csv;q=0.5, application/json;q=0.4")]),
        Probe(target: "/v1/timeline", headers: [("Accept", "text/*")]),
        Probe(target: "/v1/timeline", headers: [("Accept", "*/*;q=0")]),
        Probe(target: "/v1/timeline", headers: [("Accept", "application/x-ndjson, application/json")]),
        Probe(target: "/v1/timeline?format=CSV"),
        Probe(method: .delete, target: "/v1/summit"), Probe(method: .post, target: "/v1/member-states"),
        Probe(method: .put, target: "/v1/people/dmitry-medvedev"), Probe(method: .patch, target: "/openapi.json"),
        Probe(method: .options, target: "/v1/timeline"), Probe(method: .options, target: "/v1/timeline/sco-founded"),
        Probe(method: .options, target: "/v1/summit"), Probe(method: .options, target: "*"),
        Probe(method: .options, target: "/v2/none"), Probe(method: .head, target: "/v1/timeline?limit=2"),
        Probe(method: .head, target: "/v2/none"), Probe(method: .post, target: "/v1/timeline", body: "{}"),
        Probe(method: .post, target: "/v1/timeline", headers: [("Authorization", "Bearer wrong-secret-0123456789")], body: "{}"),
        Probe(method: .delete, target: "/v1/timeline/sco-founded", headers: [("Authorization", "Bearer \(WriteSupport.secret)")]),
    ]

    /// The README's writes and a few refusals, in order; each made when its turn comes, so that
    /// an `If-Match` carries the ETag of the moment.
    static func writes(_ api: APIHarness) -> [() throws -> Probe] {
        let auth = ("Authorization", "Bearer \(WriteSupport.secret)")
        let json = ("Content-Type", "application/json")
        let patch = ("Content-Type", "application/merge-patch+json")
        let event = #"{"id": "no-member-joins-recognition", "date": {"value": "2008-08-28", "precision": "day"}, "kind": "diplomatic", "title": "No other member joins Russia in recognizing the separatist regions", "summary": "No other SCO member recognizes Abkhazia and South Ossetia as independent.", "actors": ["CN", "KZ", "KG", "TJ", "UZ"], "regions": ["abkhazia", "south-ossetia"], "sources": [{"sourceId": "article-2008-08-28-sco-dushanbe", "quote": "none of the other alliance members joined Russia in recognizing the independence claims"}]}"#
        let path = "/v1/timeline/no-member-joins-recognition"
        func tag(_ target: String) -> String { (try? api.send(target).headers[.etag]) ?? "\"none\"" }
        return [
            { Probe(method: .post, target: "/v1/timeline", headers: [auth, json], body: event) },
            { Probe(method: .post, target: "/v1/timeline", headers: [auth, json], body: event) },
            { Probe(target: path) },
            { Probe(method: .patch, target: path, headers: [auth, patch, ("If-Match", tag(path))], body: #"{"note": "Russia had recognized both regions two days earlier."}"#) },
            { Probe(method: .patch, target: path, headers: [auth, patch, ("If-Match", "\"json-0000000000000000\"")], body: #"{"note": "An edit of a version nobody read"}"#) },
            { Probe(method: .delete, target: path, headers: [auth]) },
            { Probe(method: .post, target: "/v1/timeline", headers: [auth, json], body: #"{"title": "Incomplete", "kind": "war", "actors": ["XX"], "colour": "red"}"#) },
            { Probe(method: .post, target: "/v1/timeline", headers: [auth, ("Content-Type", "text/plain")], body: "x") },
            { Probe(method: .post, target: "/v1/timeline", headers: [auth, json], body: "{not json") },
            { Probe(method: .put, target: "/v1/sources/readme-example", headers: [auth, json], body: #"{"title": "An example source", "publisher": "sco-api README", "publishedOn": "2008-08-29", "language": "en", "text": "Dushanbe, Aug. 29: an example text that records can quote."}"#) },
            { Probe(method: .post, target: "/v1/statements", headers: [auth, json], body: #"{"id": "readme-example-claim", "speakerId": "TJ", "date": {"value": "2008-08-29", "precision": "day"}, "kind": "claim", "quote": "an example text that records can quote", "isDirectQuote": false, "summary": "An example statement that quotes the example source.", "about": ["sco"], "sources": [{"sourceId": "readme-example", "quote": "an example text that records can quote"}]}"#) },
            { Probe(method: .delete, target: "/v1/sources/readme-example", headers: [auth, ("If-Match", tag("/v1/sources/readme-example"))]) },
            { Probe(method: .post, target: "/v1/declaration/clauses", headers: [auth, json], body: #"{"declarationId": "dushanbe-declaration-2008", "position": 6, "text": "none of the other alliance members joined Russia", "addresses": [], "summary": "A made-up clause for the corpus.", "sources": [{"sourceId": "article-2008-08-28-sco-dushanbe", "quote": "none of the other alliance members joined Russia"}]}"#) },
            { Probe(method: .put, target: "/v1/statements/readme-example-claim", headers: [auth, json, ("If-Match", "*")], body: #"{"speakerId": "TJ", "date": {"value": "2008-08-29", "precision": "day"}, "kind": "claim", "quote": "an example text that records can quote", "isDirectQuote": true, "summary": "An example statement, replaced.", "about": ["sco"], "sources": [{"sourceId": "readme-example", "quote": "an example text that records can quote"}]}"#) },
            { Probe(method: .delete, target: "/v1/statements/readme-example-claim", headers: [auth, ("If-Match", "*")]) },
            { Probe(method: .delete, target: "/v1/statements/readme-example-claim", headers: [auth, ("If-Match", "*")]) },
            { Probe(method: .delete, target: path, headers: [auth, ("If-Match", tag(path))]) },
            { Probe(target: path) },
            { Probe(method: .delete, target: path, headers: [auth, ("If-Match", "*")]) },
            { Probe(method: .patch, target: "/v1/timeline/nothing-here", headers: [auth, patch], body: "{}") },
        ]
    }
}
