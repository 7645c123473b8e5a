import Testing
@testable import HTTPServer

/// How responses go on the wire (RFC 9110 §6.4.1, §8.6; RFC 9112 §6, §9.3).
@Suite struct ResponseEncoderTests {
    private let date = Array("Sun, 06 Nov 1994 08:49:37 GMT".utf8)

    private func encode(_ response: HTTPResponse, method: HTTPMethod = .get, version: HTTPVersion = .http1_1,
                        keepAlive: Bool = true) -> String {
        var output: [UInt8] = []
        ResponseEncoder.encode(response, requestMethod: method, requestVersion: version, keepAlive: keepAlive,
                               date: date, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    @Test func addsDateAndContentLength() {
        #expect(encode(HTTPResponse(headers: ["Content-Type": "text/plain"], body: "hi"))
            == "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 2\r\n\r\nhi")
    }

    @Test func sendsHeadersButNoBodyForHead() {
        #expect(encode(HTTPResponse(body: "hello"), method: .head)
            == "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 5\r\n\r\n")
    }

    @Test func neverSendsContentLengthOrBodyWith204() {
        #expect(encode(HTTPResponse(status: .noContent, headers: ["Content-Length": "3"], body: "abc"))
            == "HTTP/1.1 204 No Content\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n")
    }

    @Test func sendsContentLengthWith304OnlyIfTheHandlerSetIt() {
        #expect(encode(HTTPResponse(status: .notModified, body: "abc"))
            == "HTTP/1.1 304 Not Modified\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n")
        #expect(encode(HTTPResponse(status: .notModified, headers: ["Content-Length": "42"]))
            == "HTTP/1.1 304 Not Modified\r\nContent-Length: 42\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n")
    }

    @Test func keepsTheHandlersContentLengthForHead() {
        #expect(encode(HTTPResponse(headers: ["Content-Length": "1536"]), method: .head)
            == "HTTP/1.1 200 OK\r\nContent-Length: 1536\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n")
    }

    @Test func saysConnectionCloseWhenClosing() {
        #expect(encode(HTTPResponse(headers: ["Connection": "keep-alive"]), keepAlive: false)
            == "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
    }

    @Test func saysKeepAliveToAnHTTP10ClientThatAskedForIt() {
        #expect(encode(HTTPResponse(), version: .http1_0).hasSuffix("Connection: keep-alive\r\n\r\n"))
    }

    @Test func keepsTheHandlersDateAndDropsTransferEncoding() {
        #expect(encode(HTTPResponse(headers: ["Date": "yesterday", "Transfer-Encoding": "chunked"]))
            == "HTTP/1.1 200 OK\r\nDate: yesterday\r\nContent-Length: 0\r\n\r\n")
    }

    @Test func cannotBeSplitByAHandlersHeaderValue() {
        let encoded = encode(HTTPResponse(headers: ["Location": "/a\r\nSet-Cookie: x=1"]))
        #expect(encoded.contains("Location: /a  Set-Cookie: x=1\r\n"))
        #expect(!encoded.contains("\r\nSet-Cookie"))
    }

    @Test func writesProblemDocuments() {
        let problem = HTTPResponse.problem(status: .badRequest, detail: "Bad \"quote\"\n and \u{1} control")
        #expect(problem.headers[.contentType] == "application/problem+json")
        #expect(String(decoding: problem.body, as: UTF8.self)
            == #"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Bad \"quote\"\n and \u0001 control"}"#)
    }

    @Test func writesDecimalsOfAnySize() {
        for value in [0, 7, 10, 1536, 1 << 20, Int.max] {
            var output: [UInt8] = []
            ResponseEncoder.appendDecimal(value, to: &output)
            #expect(String(decoding: output, as: UTF8.self) == String(value))
        }
    }

    @Test func formatsIMFFixdates() {
        #expect(HTTPDate.format(epochSeconds: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.format(epochSeconds: 1_219_881_600) == "Thu, 28 Aug 2008 00:00:00 GMT")
    }
}
