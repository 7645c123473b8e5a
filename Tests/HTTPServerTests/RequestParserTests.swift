import Testing
@testable import HTTPServer

/// Well-formed requests: what the parser makes of them, in one piece and byte by byte.
@Suite struct RequestParserTests {
    private func parsed(_ text: String) -> [HTTPRequest] {
        let whole = ParserHarness.parse(text)
        let trickled = ParserHarness.parseTrickled(text)
        #expect(whole.error == nil && trickled.error == nil)
        #expect(whole.requests.count == trickled.requests.count)
        for (a, b) in zip(whole.requests, trickled.requests) {
            #expect(a.target == b.target && a.body == b.body && a.headers.count == b.headers.count)
        }
        return whole.requests
    }

    @Test func parsesASimpleGet() throws {
        let request = try #require(parsed("GET /v1/summit?x=1 HTTP/1.1\r\nHost: example.org\r\nAccept: */*\r\n\r\n").first)
        #expect(request.method == .get)
        #expect(request.target == "/v1/summit?x=1")
        #expect(request.path == "/v1/summit")
        #expect(request.pathSegments == ["v1", "summit"])
        #expect(request.query.first("x") == "1")
        #expect(request.version == .http1_1)
        #expect(request.headers["host"] == "example.org")
        #expect(request.headers.count == 2)
        #expect(request.body.isEmpty)
    }

    @Test func answersPipelinedRequestsInOrder() {
        let requests = parsed("GET /a HTTP/1.1\r\nHost: h\r\n\r\nGET /b HTTP/1.1\r\nHost: h\r\n\r\nHEAD /c HTTP/1.1\r\nHost: h\r\n\r\n")
        #expect(requests.map(\.path) == ["/a", "/b", "/c"])
        #expect(requests.map(\.method) == [.get, .get, .head])
    }

    @Test func readsAContentLengthBodyAndTheRequestAfterIt() {
        let requests = parsed("POST /p HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhelloGET /n HTTP/1.1\r\nHost: h\r\n\r\n")
        #expect(requests.count == 2)
        #expect(requests.first?.body == Array("hello".utf8))
        #expect(requests.last?.path == "/n")
    }

    @Test func acceptsIdenticalRepeatedContentLengths() {
        let requests = parsed("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nContent-Length: 2, 2\r\n\r\nok")
        #expect(requests.first?.body == Array("ok".utf8))
    }

    @Test func readsAChunkedBodyWithExtensionsAndTrailers() {
        let text = "POST /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked"
            + "\r\n\r\n4;name=value\r\nWiki\r\n5 ; x\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nX-Trailer: yes\r\n\r\n"
            + "GET /after HTTP/1.1\r\nHost: h\r\n\r\n"
        let requests = parsed(text)
        #expect(requests.count == 2)
        #expect(requests.first.map { String(decoding: $0.body, as: UTF8.self) } == "Wikipedia in\r\n\r\nchunks.")
        #expect(requests.last?.path == "/after")
    }

    @Test func acceptsTransferEncodingChunkedInAnyCase() {
        #expect(parsed("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: Chunked\r\n\r\n0\r\n\r\n").count == 1)
    }

    @Test func treatsAZeroContentLengthAsNoBody() {
        let requests = parsed("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n")
        #expect(requests.count == 1)
        #expect(requests.first?.body.isEmpty == true)
    }

    @Test func signalsExpectContinueOnlyWhenABodyFollows() {
        let withBody = ParserHarness.parse("PUT / HTTP/1.1\r\nHost: h\r\nExpect: 100-Continue\r\nContent-Length: 2\r\n\r\n")
        guard case .continueRequested = withBody.outcomes.first else {
            Issue.record("expected 100-continue, got \(withBody.outcomes)")
            return
        }
        var resumed = withBody
        resumed.feed("ok".utf8)
        #expect(resumed.requests.first?.body == Array("ok".utf8))

        let withoutBody = ParserHarness.parse("GET / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\n\r\n")
        #expect(withoutBody.outcomes.count == 1)
        #expect(withoutBody.requests.count == 1)
    }

    @Test func ignoresExpectContinueFromHTTP10() {
        let harness = ParserHarness.parse("POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\nx")
        #expect(harness.outcomes.count == 1)
        #expect(harness.requests.count == 1)
    }

    @Test func skipsAnEmptyLineBeforeTheRequestLine() {
        #expect(parsed("\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n").count == 1)
    }

    @Test func reducesAbsoluteFormToItsPathAndQuery() throws {
        let request = try #require(parsed("GET http://example.org:8080/v1/x?y=2 HTTP/1.1\r\nHost: other\r\n\r\n").first)
        #expect(request.target == "http://example.org:8080/v1/x?y=2")
        #expect(request.path == "/v1/x")
        #expect(request.query.first("y") == "2")
        let bare = try #require(parsed("GET HTTPS://example.org HTTP/1.1\r\nHost: h\r\n\r\n").first)
        #expect(bare.path == "/")
    }

    @Test func acceptsAsteriskFormForOptions() throws {
        let request = try #require(parsed("OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n").first)
        #expect(request.method == .options)
        #expect(request.path == "*")
    }

    @Test func acceptsHTTP10WithoutHost() throws {
        let request = try #require(parsed("GET / HTTP/1.0\r\n\r\n").first)
        #expect(request.version == .http1_0)
        #expect(!request.isKeepAlive)
    }

    @Test func acceptsAnEmptyHostAndHostsWithPortsOrIPLiterals() {
        #expect(parsed("GET / HTTP/1.1\r\nHost:\r\n\r\n").count == 1)
        #expect(parsed("GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n").count == 1)
        #expect(parsed("GET / HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n").count == 1)
    }

    @Test func decidesKeepAliveByVersionAndConnection() throws {
        let cases: [(String, Bool)] = [
            ("GET / HTTP/1.1\r\nHost: h\r\n\r\n", true),
            ("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n", false),
            ("GET / HTTP/1.1\r\nHost: h\r\nConnection: Upgrade, CLOSE\r\n\r\n", false),
            ("GET / HTTP/1.0\r\n\r\n", false),
            ("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", true),
            ("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", true),
        ]
        for (text, keepAlive) in cases {
            let request = try #require(parsed(text).first)
            #expect(request.isKeepAlive == keepAlive, "\(text)")
        }
    }

    @Test func trimsWhitespaceAroundFieldValuesAndKeepsObsText() throws {
        let request = try #require(parsed("GET / HTTP/1.1\r\nHost: h\r\nX-A: \t spaced value \t\r\nX-B: caf\u{E9}\r\n\r\n").first)
        #expect(request.headers["x-a"] == "spaced value")
        #expect(request.headers["X-B"] == "caf\u{E9}")
    }

    @Test func keepsRepeatedFieldsInOrder() throws {
        let request = try #require(parsed("GET / HTTP/1.1\r\nHost: h\r\nAccept: a\r\naccept: b\r\n\r\n").first)
        #expect(request.headers.values(for: "ACCEPT") == ["a", "b"])
    }

    @Test func decodesPathSegmentsWithoutSplittingOnEncodedSlashes() throws {
        let request = try #require(parsed("GET /v1/a%2Fb/caf%C3%A9?q=a+b%26c&q=2&flag HTTP/1.1\r\nHost: h\r\n\r\n").first)
        #expect(request.pathSegments == ["v1", "a/b", "café"])
        #expect(request.path == "/v1/a/b/café")
        #expect(request.query.values(for: "q") == ["a b&c", "2"])
        #expect(request.query.first("flag") == "")
        #expect(request.query.names == ["q", "flag"])
    }

    @Test func reportsProgressThroughHeadAndBody() {
        var harness = ParserHarness()
        #expect(harness.parser.progress == .none)
        harness.feed("POST / HT".utf8)
        #expect(harness.parser.progress == .head)
        harness.feed("TP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\na".utf8)
        #expect(harness.parser.progress == .body)
        harness.feed("bc".utf8)
        #expect(harness.parser.progress == .none)
        #expect(harness.requests.count == 1)
    }

    @Test func acceptsAHeaderSectionExactlyAtItsLimit() {
        // Limit 256: "Host: h\r\n" (9) + "X: ...\r\n" + final "\r\n" (2).
        let filler = String(repeating: "v", count: 256 - 9 - 2 - 5)
        #expect(parsed("GET / HTTP/1.1\r\nHost: h\r\nX: \(filler)\r\n\r\n").count == 1)
        let over = ParserHarness.parse("GET / HTTP/1.1\r\nHost: h\r\nX: \(filler)v\r\n\r\n")
        #expect(over.error == .headerSectionTooLarge(limit: 256))
    }
}
