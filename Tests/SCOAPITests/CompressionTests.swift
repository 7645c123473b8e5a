import ContentCoding
import HTTPServer
import Testing
@testable import SCOAPI

/// gzip and brotli: negotiated by `Accept-Encoding`, made once per cached response, tagged
/// apart, validated across codings, and never for problems or small bodies.
@Suite struct CompressionTests {
    private func metric(_ api: APIHarness, _ name: String) -> String {
        api.service.metrics.render(openConnections: 0).split(separator: "\n").first { $0.hasPrefix(name) }.map(String.init) ?? ""
    }

    @Test(arguments: [("br", ContentCoding.br), ("gzip", .gzip), ("gzip;q=0.5, br;q=0.4", .gzip), ("deflate", .identity)])
    func theBodyComesInTheCodingAskedForAndDecodesToTheSameBytes(_ accept: String, _ coding: ContentCoding) throws {
        let api = try APIHarness()
        let plain = try api.send("/v1/timeline")
        let response = try api.send("/v1/timeline", headers: [("Accept-Encoding", accept)])
        #expect(response.status == .ok)
        #expect(response.headers["Vary"] == "Accept, Accept-Encoding")
        let tag = try #require(plain.headers[.etag])
        if coding == .identity {
            #expect(response.headers["Content-Encoding"] == nil)
            #expect(response.body == plain.body)
        } else {
            #expect(response.headers["Content-Encoding"] == coding.rawValue)
            #expect(response.headers[.etag] == Compressed.etag(tag, coding))
            #expect(response.headers[.etag] != tag)
            #expect(response.body.count < plain.body.count / 3)
            #expect(coding.decode(response.body) == plain.body)
            #expect(response.headers[.contentType] == plain.headers[.contentType])
        }
    }

    @Test func aBodyIsCompressedOncePerCachedResponseAndDataVersion() throws {
        let api = try WriteSupport.harness()
        for _ in 0..<5 { _ = try api.send("/v1/timeline", headers: [("Accept-Encoding", "br")]) }
        #expect(metric(api, "sco_api_compressions_total{coding=\"br\"}").hasSuffix(" 1"))
        let tag = try api.etag("/v1/timeline/peace-deal-signed")
        #expect(try api.write(.patch, "/v1/timeline/peace-deal-signed", #"{"title": "Peace"}"#, ifMatch: tag).status == .ok)
        for _ in 0..<5 { _ = try api.send("/v1/timeline", headers: [("Accept-Encoding", "br")]) }
        #expect(metric(api, "sco_api_compressions_total{coding=\"br\"}").hasSuffix(" 2"))
    }

    @Test func ifNoneMatchWorksWithinAndAcrossCodings() throws {
        let api = try APIHarness()
        let identity = try #require(try api.send("/v1/timeline").headers[.etag])
        let brotli = try #require(try api.send("/v1/timeline", headers: [("Accept-Encoding", "br")]).headers[.etag])
        let same = try api.send("/v1/timeline", headers: [("Accept-Encoding", "br"), ("If-None-Match", brotli)])
        #expect(same.status == .notModified)
        #expect(same.headers[.etag] == brotli)
        #expect(same.headers["Content-Encoding"] == "br")
        // The client holds the uncompressed copy and now accepts br: its copy is current.
        let across = try api.send("/v1/timeline", headers: [("Accept-Encoding", "br"), ("If-None-Match", identity)])
        #expect(across.status == .notModified)
        #expect(across.headers[.etag] == identity)
        let gzip = Compressed.etag(identity, .gzip)
        #expect(try api.send("/v1/timeline", headers: [("If-None-Match", gzip)]).status == .notModified)
        let stale = try api.send("/v1/timeline", headers: [("Accept-Encoding", "br"), ("If-None-Match", "\"json-0000000000000000-br\"")])
        #expect(stale.status == .ok)
    }

    @Test func problemsWritesAndSmallBodiesGoUncompressed() throws {
        let api = try WriteSupport.harness()
        let gzip = [("Accept-Encoding", "gzip, br")]
        let problem = try api.send("/v1/people/nobody", headers: gzip)
        #expect(problem.status == .notFound && problem.headers["Content-Encoding"] == nil)
        let small = try api.send("/v1/member-states/KZ?fields=code", headers: gzip)
        #expect(small.status == .ok && small.body.count < Compressed.minimumBytes && small.headers["Content-Encoding"] == nil)
        #expect(try api.send("/metrics", headers: gzip).headers["Content-Encoding"] == nil)
        let created = try api.send(
            "/v1/timeline", method: .post,
            headers: gzip + [("Authorization", "Bearer \(WriteSupport.secret)"), ("Content-Type", "application/json")],
            body: Array(WriteSupport.eventBody().utf8))
        #expect(created.status == .created && created.headers["Content-Encoding"] == nil)
    }

    @Test func compressionOffSendsIdentityAndVariesOnAcceptOnly() throws {
        let api = try APIHarness { $0.compression = false }
        let response = try api.send("/v1/timeline", headers: [("Accept-Encoding", "br, gzip")])
        #expect(response.headers["Content-Encoding"] == nil)
        #expect(response.headers["Vary"] == "Accept")
    }

    @Test func anUncachedServerCompressesEachAnswer() throws {
        let api = try APIHarness { $0.responseCacheEntries = 0 }
        let response = try api.send("/v1/timeline", headers: [("Accept-Encoding", "gzip")])
        #expect(response.headers["Content-Encoding"] == "gzip")
        #expect(ContentCoding.gzip.decode(response.body) == (try api.send("/v1/timeline")).body)
    }
}
