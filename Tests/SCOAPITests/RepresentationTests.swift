import HTTPServer
import Testing
@testable import SCOAPI

@Suite struct RepresentationTests {
    private func request(accept: String? = nil, target: String = "/v1/timeline") throws -> HTTPRequest {
        var headers = HTTPHeaders()
        if let accept { headers.add(.accept, accept) }
        return try HTTPRequest(target: target, headers: headers)
    }

    @Test func defaultsToJSONWithoutAccept() throws {
        #expect(try Representation.negotiate(request: request(), offered: Representation.allCases) == .json)
        #expect(try Representation.negotiate(request: request(accept: "*/*"), offered: Representation.allCases) == .json)
    }

    @Test func picksCSVAndNDJSONByAccept() throws {
        #expect(try Representation.negotiate(request: request(accept: "text/csv"), offered: Representation.allCases) == .csv)
        #expect(try Representation.negotiate(
            request: request(accept: "application/x-ndjson"), offered: Representation.allCases) == .ndjson)
    }

    /// A browser prefers HTML; curl's `*/*` and a client that ranks JSON at least as high do not.
    @Test func givesHTMLOnlyToClientsThatPreferIt() throws {
        let browser = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
        #expect(try Representation.negotiate(request: request(accept: browser), offered: Representation.allCases) == .html)
        #expect(try Representation.negotiate(request: request(accept: browser), offered: Representation.document) == .html)
        #expect(try Representation.negotiate(request: request(accept: "text/html, application/json"), offered: Representation.document) == .json)
        #expect(try Representation.negotiate(request: request(accept: "text/html;q=0.9, */*"), offered: Representation.document) == .json)
        let asked = try request(accept: "application/json", target: "/v1/timeline?format=html")
        #expect(try Representation.negotiate(request: asked, offered: Representation.allCases) == .html)
    }

    @Test func honoursQualityValues() throws {
        let accept = "application/json;q=0.5, text/csv;q=0.9, */*;q=0.1"
        #expect(try Representation.negotiate(request: request(accept: accept), offered: Representation.allCases) == .csv)
    }

    @Test func refusesAnAcceptThatMatchesNothingWith406() throws {
        #expect(throws: APIError.notAcceptable(offered: ["application/json", "text/csv", "application/x-ndjson", "text/html"])) {
            try Representation.negotiate(request: request(accept: "image/png"), offered: Representation.allCases)
        }
        #expect(throws: APIError.self) {
            try Representation.negotiate(request: request(accept: "text/csv"), offered: [.json])
        }
        #expect(throws: APIError.self) {
            try Representation.negotiate(request: request(accept: "application/json;q=0"), offered: [.json])
        }
    }

    @Test func formatParameterWinsOverAccept() throws {
        let csv = try request(accept: "application/json", target: "/v1/timeline?format=csv")
        #expect(try Representation.negotiate(request: csv, offered: Representation.allCases) == .csv)
        let bad = try request(target: "/v1/timeline?format=xml")
        #expect(throws: APIError.badParameter(name: "format", detail: "must be one of json, csv, ndjson, html.")) {
            try Representation.negotiate(request: bad, offered: Representation.allCases)
        }
    }
}

@Suite struct EntityTagTests {
    @Test func equalBytesGiveEqualTagsAndDifferentBytesDiffer() {
        let a = EntityTag.make(for: Array("abc".utf8), representation: .json)
        #expect(a == EntityTag.make(for: Array("abc".utf8), representation: .json))
        #expect(a != EntityTag.make(for: Array("abd".utf8), representation: .json))
        #expect(a != EntityTag.make(for: Array("abc".utf8), representation: .csv))
        #expect(a.hasPrefix("\"json-") && a.hasSuffix("\""))
    }

    /// A tag is the representation, a dash and the hash as sixteen lowercase hex digits, zeros
    /// first, in quotes; hashes with leading zero nibbles and letters in every place included.
    @Test func aTagIsTheHashInSixteenHexDigits() {
        for representation in Representation.allCases {
            for length in 0..<300 {
                let body = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ length) }
                let hex = String(body.withUnsafeBytes(EntityTag.hash), radix: 16)
                let expected = "\"\(representation.rawValue)-\(String(repeating: "0", count: 16 - hex.count))\(hex)\""
                #expect(EntityTag.make(for: body, representation: representation) == expected)
            }
        }
    }

    /// Any one byte changed, at any position of bodies of every length up to three words and
    /// a tail, and past the four lanes of a long body, gives another tag; so do a longer body
    /// of zeros and a shorter one.
    @Test func everySingleByteChangeChangesTheTag() {
        for length in Array(0...29) + [32, 33, 63, 64, 71, 100] {
            let body = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let tag = EntityTag.make(for: body, representation: .json)
            for position in 0..<length {
                for flip: UInt8 in [0x01, 0x80, 0xFF] {
                    var changed = body
                    changed[position] ^= flip
                    #expect(EntityTag.make(for: changed, representation: .json) != tag, "length \(length), byte \(position)")
                }
            }
            #expect(EntityTag.make(for: body + [0], representation: .json) != tag, "length \(length) and a NUL more")
        }
    }

    /// Words that trade places between the lanes of a long body give another tag.
    @Test func wordsSwappedBetweenLanesChangeTheTag() {
        let words = (0..<8).map { index in (0..<8).map { UInt8(truncatingIfNeeded: index &* 8 &+ $0) } }
        let tag = EntityTag.make(for: words.flatMap { $0 }, representation: .json)
        for (first, second) in [(0, 1), (0, 4), (2, 3), (3, 7)] {
            var swapped = words
            swapped.swapAt(first, second)
            #expect(EntityTag.make(for: swapped.flatMap { $0 }, representation: .json) != tag, "\(first) and \(second)")
        }
    }

    @Test func ifNoneMatchUsesWeakComparisonAndLists() {
        let tag = "\"json-0123456789abcdef\""
        #expect(EntityTag.noneMatchHits(tag, tag: tag))
        #expect(EntityTag.noneMatchHits("W/\(tag)", tag: tag))
        #expect(EntityTag.noneMatchHits("\"other\", \(tag)", tag: tag))
        #expect(EntityTag.noneMatchHits("*", tag: tag))
        #expect(!EntityTag.noneMatchHits("\"other\"", tag: tag))
    }

    @Test func ifMatchUsesStrongComparison() {
        let tag = "\"json-0123456789abcdef\""
        #expect(EntityTag.matchHits(tag, tag: tag))
        #expect(!EntityTag.matchHits("W/\(tag)", tag: tag))
        #expect(EntityTag.matchHits("*", tag: tag))
        #expect(!EntityTag.matchHits("*", tag: nil))
    }
}
