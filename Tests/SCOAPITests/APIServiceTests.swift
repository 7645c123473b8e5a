import Foundation
import HTTPServer
import SCOData
import Testing
@testable import SCOAPI

@Suite struct APIServiceTests {
    @Test func listsHaveTheListShapeAndSingleResourcesAreObjects() throws {
        let api = try APIHarness()
        let members = try api.json("/v1/member-states")
        let items = try #require(members["items"] as? [[String: Any]])
        #expect(items.map { $0["code"] as? String } == ["CN", "KG", "KZ", "RU", "TJ", "UZ"])
        #expect(members["total"] as? Int == 6)
        #expect(members["limit"] as? Int == 50)
        #expect(members["next"] is NSNull)
        let kazakhstan = try api.json("/v1/member-states/kaz")
        #expect(kazakhstan["code"] as? String == "KZ")
        #expect((kazakhstan["sources"] as? [[String: Any]])?.isEmpty == false)
        #expect(try api.json("/v1/summit")["place"] as? String == "Dushanbe")
        #expect(try api.json("/v1/organization")["id"] as? String == "sco")
    }

    @Test func codesWorkInAlpha2OrAlpha3AnyCaseAndUnknownOnesAre404() throws {
        let api = try APIHarness()
        for code in ["IR", "ir", "IRN", "irn"] {
            #expect(try api.json("/v1/observers/\(code)")["code"] as? String == "IR", "\(code)")
        }
        let notMember = try api.send("/v1/member-states/IR")
        #expect(notMember.status == .notFound)
        #expect(notMember.headers[.contentType] == "application/problem+json")
        #expect(try api.send("/v1/people/nobody").status == .notFound)
    }

    @Test func unknownParametersAndBadValuesAre400NamingTheParameter() throws {
        let api = try APIHarness()
        for (target, parameter) in [
            ("/v1/timeline?colour=red", "colour"), ("/v1/timeline?limit=x", "limit"),
            ("/v1/timeline?kind=party", "kind"), ("/v1/timeline?cursor=abc", "cursor"),
            ("/v1/timeline?from=2008-02-30", "from"), ("/v1/member-states/RU?sort=name", "sort"),
            ("/v1/search", "q"), ("/v1/search?q=%22unterminated", "q"), ("/v1/search?q=AND", "q"),
        ] {
            let response = try api.send(target)
            #expect(response.status == .badRequest, "\(target)")
            #expect(response.headers[.contentType] == "application/problem+json", "\(target)")
            #expect(response.object["parameter"] as? String == parameter, "\(target): \(response.text)")
        }
    }

    @Test func aCursorFromOtherFiltersIsRefused() throws {
        let api = try APIHarness()
        let first = try api.json("/v1/timeline?limit=2")
        let next = try #require(first["next"] as? String)
        let response = try api.send("/v1/timeline?limit=2&kind=military&cursor=\(next)")
        #expect(response.status == .badRequest)
        #expect(response.object["parameter"] as? String == "cursor")
    }

    @Test func walkingEveryPageReturnsEachEventOnceInOrder() throws {
        let api = try APIHarness()
        let all = try api.json("/v1/timeline?limit=500&fields=id")["items"] as? [[String: Any]] ?? []
        var walked: [String] = []
        var target = "/v1/timeline?limit=4&fields=id"
        var pages = 0
        while pages < 100 {
            let response = try api.send(target)
            let page = response.object
            walked += (page["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            guard let next = page["next"] as? String else {
                #expect(response.headers[.link] == nil)
                break
            }
            let link = try #require(response.headers[.link])
            #expect(link.hasPrefix("</v1/timeline?limit=4&fields=id&cursor=") && link.hasSuffix(">; rel=\"next\""))
            target = "/v1/timeline?limit=4&fields=id&cursor=\(next)"
            pages += 1
        }
        #expect(walked == all.compactMap { $0["id"] as? String })
        #expect(walked.count == 15)
    }

    @Test func filtersCombineAndCommaListsAreAlternatives() throws {
        let api = try APIHarness()
        let events = try api.json("/v1/timeline?kind=military,recognition&actor=RU&fields=id,kind,actors")["items"]
            as? [[String: Any]] ?? []
        #expect(!events.isEmpty)
        for event in events {
            #expect(["military", "recognition"].contains(event["kind"] as? String))
            #expect((event["actors"] as? [String])?.contains("RU") == true)
            #expect(event.keys.sorted() == ["actors", "id", "kind"])
        }
        let august = try api.json("/v1/timeline?from=2008-08-07&to=2008-08-12&fields=date")["items"] as? [[String: Any]] ?? []
        #expect(!august.isEmpty)
        for event in august {
            // Kept when its bounds overlap the range.
            let date = event["date"] as? [String: Any]
            let earliest = date?["earliest"] as? String ?? "", latest = date?["latest"] as? String ?? ""
            #expect(latest >= "2008-08-07" && earliest <= "2008-08-12")
        }
    }

    @Test func searchRanksHitsMarksMatchesAndTakesPrefixes() throws {
        let api = try APIHarness()
        let hits = try api.json("/v1/search?q=secur*")["items"] as? [[String: Any]] ?? []
        #expect(!hits.isEmpty)
        for hit in hits {
            #expect(SearchKind.allCases.map(\.rawValue).contains(hit["type"] as? String ?? ""))
            #expect((hit["snippet"] as? String)?.contains("[") == true)
        }
        #expect(Set(hits.compactMap { $0["type"] as? String }).contains("organization"), "the SCO's purpose: border security")
        let found = (try api.json("/v1/search?q=Karzai&type=person")["items"] as? [[String: Any]] ?? []).first
        #expect(found?["href"] as? String == "/v1/people/hamid-karzai")
    }

    @Test func quantitiesAreListedFilteredAndFound() throws {
        let api = try APIHarness()
        let kyrgyz = try api.json("/v1/quantities?about=KG")["items"] as? [[String: Any]] ?? []
        #expect(kyrgyz.compactMap { $0["id"] as? String } == ["kyrgyzstan-air-base-aid-and-rent"])
        #expect(kyrgyz.first?["value"] as? Double == 150_000_000 && kyrgyz.first?["unit"] as? String == "USD")
        let share = try api.json("/v1/quantities/separatist-regions-share-of-georgia")
        #expect(share["approximate"] as? Bool == true && share["text"] as? String == "roughly 20 percent")
        let hits = (try api.json("/v1/search?q=150")["items"] as? [[String: Any]] ?? []).compactMap { $0["href"] as? String }
        #expect(hits.contains("/v1/quantities/kyrgyzstan-air-base-aid-and-rent"), "\(hits)")
        #expect(try api.send("/v1/quantities?unit=USD,percent").status == .ok)
    }

    @Test func csvAndNDJSONCarryTheSameRowsAsJSON() throws {
        let api = try APIHarness()
        let csv = try api.send("/v1/member-states?fields=code,name", headers: [("Accept", "text/csv")])
        #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
        #expect(csv.text == "code,name\r\nCN,China\r\nKG,Kyrgyzstan\r\nKZ,Kazakhstan\r\nRU,Russia\r\nTJ,Tajikistan\r\nUZ,Uzbekistan\r\n")
        let ndjson = try api.send("/v1/member-states?format=ndjson&fields=code")
        #expect(ndjson.text == (["CN", "KG", "KZ", "RU", "TJ", "UZ"].map { "{\"code\":\"\($0)\"}\n" }.joined()))
        #expect(try api.send("/v1/member-states", headers: [("Accept", "image/png")]).status == .notAcceptable)
        #expect(try api.send("/v1/summit", headers: [("Accept", "text/csv")]).status == .notAcceptable)
    }

    /// The README's range finds what happened "this month" after the war began (dated only to
    /// the month, bounded Aug. 7..28), and CSV keeps each date's precision, bounds and phrase.
    @Test func datesAreFoundByTheirBoundsAndCSVKeepsThem() throws {
        let api = try APIHarness()
        let ids = (try api.json("/v1/timeline?from=2008-08-07&to=2008-08-28")["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        for id in ["russian-tanks-roll-into-south-ossetia", "us-warships-visit-georgia", "spy-plane-claimed-shot-down",
                   "georgian-offensive-on-south-ossetia", "sco-summit-dushanbe"] {
            #expect(ids.contains(id), "\(id)")
        }
        #expect(!ids.contains("sco-founded"))
        #expect(ids.firstIndex(of: "georgian-offensive-on-south-ossetia")! < ids.firstIndex(of: "russian-tanks-roll-into-south-ossetia")!,
                "sorted by the earliest day, the offensive (the night of Aug. 7) comes first")
        let before = (try api.json("/v1/timeline?to=2008-08-06")["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(before == ["soviet-invasion-of-czechoslovakia", "sco-founded"])
        let csv = try api.send("/v1/timeline?fields=id,date&limit=4&from=2008-08-07", headers: [("Accept", "text/csv")])
        let lines = csv.text.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "id,date,datePrecision,dateEarliest,dateLatest,dateBasis,dateText")
        #expect(lines.contains("georgian-offensive-on-south-ossetia,2008-08-07,night,2008-08-07,2008-08-08,stated,the night of Aug. 7"))
        #expect(lines.contains("russian-tanks-roll-into-south-ossetia,2008-08,month,2008-08-07,2008-08-28,inferred,this month"))
    }

    @Test func etagsAreStrongStableAcrossLoopsAndAnswer304() throws {
        let api = try APIHarness()
        let first = try api.send("/v1/statements", loop: 0)
        let second = try api.send("/v1/statements", loop: 1)
        let tag = try #require(first.headers[.etag])
        #expect(!tag.hasPrefix("W/"))
        #expect(second.headers[.etag] == tag)
        #expect(first.body == second.body)
        let notModified = try api.send("/v1/statements", headers: [("If-None-Match", tag)], loop: 1)
        #expect(notModified.status == .notModified)
        #expect(notModified.body.isEmpty)
        #expect(notModified.headers[.etag] == tag)
        #expect(notModified.headers[.contentLength] == String(first.body.count))
        #expect(first.headers[.cacheControl] == "public, max-age=60")
        #expect(first.headers["Vary"] == "Accept, Accept-Encoding")
        #expect(try api.send("/v1/statements", headers: [("If-None-Match", "\"json-0\"")]).status == .ok)
    }

    @Test func theCacheAnswersRepeatsAndAWriteInvalidatesIt() throws {
        let api = try APIHarness()
        _ = try api.send("/v1/regions")
        _ = try api.send("/v1/regions")
        let metrics = try api.send("/metrics").text
        #expect(metrics.contains("sco_api_cache_hits_total 1"))
        #expect(metrics.contains("sco_api_cache_misses_total 1"))
        try api.database.write { connection in
            try connection.run("UPDATE regions SET name = 'Tskhinvali (city)' WHERE id = 'tskhinvali'")
        }
        let after = try api.send("/v1/regions/tskhinvali")
        #expect(after.object["name"] as? String == "Tskhinvali (city)")
        let list = try api.send("/v1/regions")
        #expect(list.text.contains("Tskhinvali (city)"))
    }

    @Test func corsAllowsConfiguredOriginsAndAnswersPreflights() throws {
        let api = try APIHarness { $0.corsOrigins = ["https://example.org"] }
        let allowed = try api.send("/v1/summit", headers: [("Origin", "https://example.org")])
        #expect(allowed.headers["Access-Control-Allow-Origin"] == "https://example.org")
        #expect(allowed.headers["Access-Control-Expose-Headers"]?.contains("ETag") == true)
        #expect(allowed.headers["Access-Control-Expose-Headers"]?.contains("Link") == true)
        let other = try api.send("/v1/summit", headers: [("Origin", "https://evil.example")])
        #expect(other.headers["Access-Control-Allow-Origin"] == nil)
        let preflight = try api.send("/v1/timeline", method: .options, headers: [
            ("Origin", "https://example.org"), ("Access-Control-Request-Method", "GET"),
        ])
        #expect(preflight.status == .noContent)
        #expect(preflight.headers["Access-Control-Max-Age"] == "600")
        #expect(preflight.headers["Access-Control-Allow-Methods"]?.contains("GET") == true)
    }

    @Test func unknownPathsAre404ProblemsAndWrongMethods405WithAllow() throws {
        let api = try APIHarness()
        let missing = try api.send("/v2/everything")
        #expect(missing.status == .notFound)
        #expect(missing.object["status"] as? Int == 404)
        let wrong = try api.send("/v1/summit", method: .delete)
        #expect(wrong.status == .methodNotAllowed)
        #expect(wrong.headers[.allow] == "GET, HEAD, OPTIONS")
    }

    @Test func readinessReportsItsChecks() throws {
        let api = try APIHarness()
        let ready = try api.send("/readyz")
        #expect(ready.status == .ok)
        #expect(ready.object["status"] as? String == "ready")
    }
}

@Suite struct OpenAPIContractTests {
    @Test func everyRouteIsDocumentedAndEveryDocumentedPathIsRouted() throws {
        let api = try APIHarness()
        let document = try api.json("/openapi.json")
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var documented: Set<String> = []
        for (path, operations) in paths {
            for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") }
        }
        let routed = Set(api.service.routePatterns.map { "\($0.method.rawValue) \($0.pattern)" })
        #expect(documented == routed)
    }

    @Test func recordSchemasListExactlyTheKeysTheAPIWrites() throws {
        let api = try APIHarness()
        let schemas = try #require((try api.json("/openapi.json")["components"] as? [String: Any])?["schemas"] as? [String: Any])
        for (target, schema) in [
            ("/v1/member-states/RU", "State"), ("/v1/timeline/sco-founded", "Event"),
            ("/v1/statements/azimov-denies-ethnic-cleansing", "Statement"), ("/v1/summit", "Summit"),
            ("/v1/declaration", "Declaration"), ("/v1/people/anvar-azimov", "Person"),
            ("/v1/regions/abkhazia", "Region"), ("/v1/organization", "Organization"),
        ] {
            let record = try api.json(target)
            let properties = ((schemas[schema] as? [String: Any])?["properties"] as? [String: Any]) ?? [:]
            #expect(Set(record.keys) == Set(properties.keys), "\(schema)")
        }
    }

    /// The pages a wake-up's answers were made from are released once they are written, and
    /// a wake-up of many requests keeps a bounded number of them.
    @Test func pagesAreReleasedAfterTheWakeUpAndBounded() throws {
        let api = try APIHarness()
        for index in 0..<(APILoopHandler.releasedAfterWritingLimit * 2 + 3) {
            #expect(try api.send("/v1/timeline?limit=\(index % 5 + 1)", endsWakeUp: false).status == .ok)
        }
        let handler = try #require(api.handler())
        #expect((1...APILoopHandler.releasedAfterWritingLimit).contains(handler.waitingForRelease))
        handler.didProcessEvents()
        #expect(handler.waitingForRelease == 0)
    }
}
