import Testing
@testable import HTTPServer

/// Hostile and malformed requests: every refusal the server makes, bytes in, error out.
@Suite struct RequestParserRefusalTests {
    private func refusal(_ text: String, limits: RequestParser.Limits = ParserHarness.limits) -> HTTPParseError? {
        let whole = ParserHarness.parse(text, limits: limits).error
        let trickled = ParserHarness.parseTrickled(text, limits: limits).error
        #expect(whole == trickled, "one piece and byte by byte must agree")
        return whole
    }

    @Test func refusesRequestLineWithoutVersion() {
        #expect(refusal("GET /\r\nHost: a\r\n\r\n") == .malformedRequestLine("it has no HTTP version"))
    }

    @Test func refusesRequestLineWithDoubleSpace() {
        #expect(refusal("GET  / HTTP/1.1\r\nHost: a\r\n\r\n")?.status == .badRequest)
    }

    @Test func refusesRequestLineWithTrailingSpace() {
        #expect(refusal("GET / HTTP/1.1 \r\nHost: a\r\n\r\n") == .malformedVersion("HTTP/1.1 "))
    }

    @Test func refusesLeadingWhitespaceBeforeMethod() {
        #expect(refusal(" GET / HTTP/1.1\r\nHost: a\r\n\r\n")?.status == .badRequest)
    }

    @Test func refusesBareLineFeedTerminator() {
        #expect(refusal("GET / HTTP/1.1\nHost: a\n\n") == .invalidLineTerminator)
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\n\r\n") == .invalidLineTerminator)
    }

    @Test func refusesBareCarriageReturnInsideAField() {
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\nX: a\rb\r\n\r\n") == .controlCharacterInField("X"))
    }

    @Test func refusesMethodThatIsNotAToken() {
        #expect(refusal("GE(T / HTTP/1.1\r\nHost: a\r\n\r\n") == .malformedRequestLine("the method is not a token"))
    }

    @Test func refusesUnknownMethodWith501() {
        let error = refusal("BREW /pot HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(error == .unknownMethod("BREW"))
        #expect(error?.status == .notImplemented)
    }

    @Test func treatsMethodsCaseSensitively() {
        #expect(refusal("get / HTTP/1.1\r\nHost: a\r\n\r\n") == .unknownMethod("get"))
    }

    @Test func refusesOverlongMethodBeforeTheLineEnds() {
        let harness = ParserHarness.parse(String(repeating: "A", count: 40))
        #expect(harness.error?.status == .notImplemented)
    }

    @Test func refusesVersionOtherThan10And11With505() {
        for version in ["HTTP/2.0", "HTTP/1.2", "HTTP/0.9", "HTTP/3.0"] {
            let error = refusal("GET / \(version)\r\nHost: a\r\n\r\n")
            #expect(error == .unsupportedVersion(version))
            #expect(error?.status == .httpVersionNotSupported)
        }
    }

    @Test func refusesMalformedVersionWith400() {
        for version in ["http/1.1", "HTTP/1.10", "HTTP/1", "HTTP/1.x", "HTTPS/1.1"] {
            #expect(refusal("GET / \(version)\r\nHost: a\r\n\r\n") == .malformedVersion(version))
        }
    }

    @Test func refusesTargetOverItsLimitWith414BeforeTheLineEnds() {
        let long = "/" + String(repeating: "a", count: 64)
        #expect(refusal("GET \(long) HTTP/1.1\r\nHost: a\r\n\r\n") == .targetTooLong(limit: 64))
        let partial = ParserHarness.parse("GET \(long)")
        #expect(partial.error == .targetTooLong(limit: 64))
        #expect(partial.error?.status == .uriTooLong)
    }

    @Test func acceptsTargetExactlyAtItsLimit() {
        let exact = "/" + String(repeating: "a", count: 63)
        #expect(ParserHarness.parse("GET \(exact) HTTP/1.1\r\nHost: a\r\n\r\n").requests.count == 1)
    }

    @Test func refusesTargetWithControlOrNonASCIIBytes() {
        #expect(refusal("GET /a\u{7F}b HTTP/1.1\r\nHost: a\r\n\r\n")?.status == .badRequest)
        #expect(refusal("GET /caf\u{E9} HTTP/1.1\r\nHost: a\r\n\r\n")?.status == .badRequest)
    }

    @Test func refusesAsteriskTargetForMethodsOtherThanOptions() {
        #expect(refusal("GET * HTTP/1.1\r\nHost: a\r\n\r\n") == .invalidTarget("the asterisk form is only for OPTIONS"))
    }

    @Test func refusesTargetInNoKnownForm() {
        #expect(refusal("GET index.html HTTP/1.1\r\nHost: a\r\n\r\n")?.status == .badRequest)
        #expect(refusal("GET ftp://a/b HTTP/1.1\r\nHost: a\r\n\r\n")?.status == .badRequest)
    }

    @Test func refusesMalformedPercentEscapes() {
        #expect(refusal("GET /a%zz HTTP/1.1\r\nHost: a\r\n\r\n") == .malformedPercentEncoding("a%zz"))
        #expect(refusal("GET /a%2 HTTP/1.1\r\nHost: a\r\n\r\n")?.status == .badRequest)
        #expect(refusal("GET /a?q=%G0 HTTP/1.1\r\nHost: a\r\n\r\n")?.status == .badRequest)
        #expect(refusal("GET /a%00b HTTP/1.1\r\nHost: a\r\n\r\n")?.status == .badRequest)
        #expect(refusal("GET /%C3%28 HTTP/1.1\r\nHost: a\r\n\r\n")?.status == .badRequest)
    }

    @Test func refusesWhitespaceBetweenFieldNameAndColon() {
        #expect(refusal("GET / HTTP/1.1\r\nHost : a\r\n\r\n") == .whitespaceBeforeColon("Host"))
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\nContent-Length\t: 0\r\n\r\n") == .whitespaceBeforeColon("Content-Length"))
    }

    @Test func refusesObsoleteLineFolding() {
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\nX-A: one\r\n two\r\n\r\n") == .obsoleteLineFolding)
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\nX-A: one\r\n\ttwo\r\n\r\n") == .obsoleteLineFolding)
    }

    @Test func refusesWhitespaceBeforeTheFirstFieldLine() {
        #expect(refusal("GET / HTTP/1.1\r\n Host: a\r\n\r\n") == .obsoleteLineFolding)
    }

    @Test func refusesControlCharactersInFieldValues() {
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\nX-A: a\u{0}b\r\n\r\n") == .controlCharacterInField("X-A"))
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\nX-A: a\u{1B}b\r\n\r\n") == .controlCharacterInField("X-A"))
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\nX-A: a\u{7F}\r\n\r\n") == .controlCharacterInField("X-A"))
    }

    @Test func refusesFieldLineWithoutColonOrName() {
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\nNoColonHere\r\n\r\n") == .malformedHeaderLine("it has no colon"))
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\n: value\r\n\r\n") == .malformedHeaderLine("the field name is empty"))
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\nX(A): v\r\n\r\n") == .malformedHeaderLine("the field name is not a token"))
    }

    @Test func refusesHTTP11RequestWithoutHost() {
        #expect(refusal("GET / HTTP/1.1\r\nAccept: */*\r\n\r\n") == .missingHost)
    }

    @Test func refusesTwoHostFields() {
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") == .multipleHosts)
        #expect(refusal("GET / HTTP/1.0\r\nHost: a\r\nhost: a\r\n\r\n") == .multipleHosts)
    }

    @Test func refusesInvalidHostValue() {
        #expect(refusal("GET / HTTP/1.1\r\nHost: a b\r\n\r\n") == .invalidHost("a b"))
        #expect(refusal("GET / HTTP/1.1\r\nHost: a:80x\r\n\r\n") == .invalidHost("a:80x"))
        #expect(refusal("GET / HTTP/1.1\r\nHost: a/b\r\n\r\n") == .invalidHost("a/b"))
    }

    @Test func refusesHeaderSectionOverItsByteLimitWith431BeforeItEnds() {
        let big = "GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + String(repeating: "b", count: 300)
        let error = ParserHarness.parse(big).error
        #expect(error == .headerSectionTooLarge(limit: 256))
        #expect(error?.status == .requestHeaderFieldsTooLarge)
        #expect(refusal(big + "\r\n\r\n") == .headerSectionTooLarge(limit: 256))
    }

    @Test func refusesHeaderSectionOverItsFieldCountWith431() {
        let fields = (1...9).map { "X-\($0): v\r\n" }.joined()
        let error = refusal("GET / HTTP/1.1\r\nHost: a\r\n\(fields)\r\n")
        #expect(error == .tooManyHeaderFields(limit: 8))
        #expect(error?.status == .requestHeaderFieldsTooLarge)
    }

    @Test func refusesContentLengthTogetherWithTransferEncoding() {
        #expect(refusal("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n")
            == .contentLengthWithTransferEncoding)
        #expect(refusal("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n")
            == .contentLengthWithTransferEncoding)
    }

    @Test func refusesTwoDifferingContentLengths() {
        #expect(refusal("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd")
            == .conflictingContentLengths)
        #expect(refusal("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 4\r\n\r\nabcd") == .conflictingContentLengths)
    }

    @Test func refusesContentLengthThatIsNotAPlainDecimal() {
        for value in ["+3", "-1", "0x10", "3 3", "", "3.0", "1e2", "three"] {
            let error = refusal("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \(value)\r\n\r\nabc")
            #expect(error == .invalidContentLength(value), "Content-Length: \(value)")
        }
    }

    @Test func refusesDeclaredBodyOverItsLimitWith413BeforeReadingIt() {
        let harness = ParserHarness.parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 101\r\n\r\n")
        #expect(harness.error == .bodyTooLarge(limit: 100))
        #expect(harness.error?.status == .contentTooLarge)
    }

    @Test func refusesContentLengthThatOverflowsAsTooLarge() {
        #expect(refusal("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n")
            == .bodyTooLarge(limit: 100))
    }

    @Test func refusesChunkedBodyThatGrowsOverItsLimit() {
        let chunk = String(repeating: "x", count: 60)
        #expect(refusal("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3c\r\n\(chunk)\r\n3c\r\n\(chunk)\r\n0\r\n\r\n")
            == .bodyTooLarge(limit: 100))
    }

    @Test func refusesTransferCodingOtherThanChunkedWith501() {
        for value in ["gzip", "gzip, chunked", "identity", "chunked;q=1"] {
            let error = refusal("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: \(value)\r\n\r\n")
            #expect(error?.status == .notImplemented, "Transfer-Encoding: \(value)")
        }
    }

    @Test func refusesChunkedThatIsRepeatedOrInHTTP10() {
        #expect(refusal("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, chunked\r\n\r\n")
            == .invalidTransferEncoding("chunked, chunked"))
        #expect(refusal("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n")?
            .status == .badRequest)
        #expect(refusal("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") == .invalidTransferEncoding("chunked"))
    }

    @Test func refusesChunkSizeThatOverflows() {
        #expect(refusal("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffff1\r\n") == .chunkSizeOverflow)
    }

    @Test func refusesMalformedChunkSizeLines() {
        let head = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
        #expect(refusal(head + "x\r\n") == .invalidChunkSize)
        #expect(refusal(head + "\r\n") == .invalidChunkSize)
        #expect(refusal(head + "-1\r\n") == .invalidChunkSize)
        #expect(refusal(head + "3 junk\r\nabc\r\n") == .invalidChunkSize)
        #expect(refusal(head + "3\nabc\r\n") == .invalidLineTerminator)
    }

    @Test func refusesChunkDataNotFollowedByCRLF() {
        let head = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
        #expect(refusal(head + "3\r\nabcd\r\n0\r\n\r\n") == .invalidChunkFraming)
        #expect(refusal(head + "3\r\nabc\rx0\r\n\r\n") == .invalidChunkFraming)
    }

    @Test func refusesOverlongChunkExtensions() {
        let head = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
        let harness = ParserHarness.parse(head + "1;" + String(repeating: "e", count: 5000))
        #expect(harness.error == .invalidChunkSize)
    }

    @Test func refusesMalformedTrailerFields() {
        let head = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
        #expect(refusal(head + "0\r\nX : a\r\n\r\n") == .whitespaceBeforeColon("X"))
        #expect(refusal(head + "0\r\nX: a\r\n b\r\n\r\n") == .obsoleteLineFolding)
    }

    @Test func refusesExpectationsOtherThan100Continue() {
        let error = refusal("POST / HTTP/1.1\r\nHost: a\r\nExpect: 200-ok\r\nContent-Length: 1\r\n\r\nx")
        #expect(error == .unsupportedExpectation("200-ok"))
        #expect(error?.status == .expectationFailed)
    }

    @Test func refusesEndlessEmptyLinesBeforeTheRequestLine() {
        #expect(refusal(String(repeating: "\r\n", count: 10) + "GET / HTTP/1.1\r\nHost: a\r\n\r\n")?.status == .badRequest)
    }

    @Test func staysFailedAfterARefusal() {
        var harness = ParserHarness.parse("GET / HTTP/1.1\r\nHost : a\r\n\r\n")
        harness.feed("GET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8)
        #expect(harness.requests.isEmpty)
    }
}
