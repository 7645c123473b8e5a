import Glibc
import Locking
import Testing
@testable import HTTPServer

/// `ResponseTemplate` and `HTTPLoopHandler.replay`: what a handler that answers repeated
/// request bytes from a template sends, and when the connection offers it the chance.
@Suite struct ReplayTests {
    private let date = Array("Sun, 06 Nov 1994 08:49:37 GMT".utf8)

    @Test func aFilledTemplateIsTheEncodingOfTheResponseWithThoseValues() {
        var response = HTTPResponse(headers: ["Content-Type": "text/plain", "X-Count": "7", "ETag": "\"a\""], body: "hello")
        for method in [HTTPMethod.get, .head] {
            for version in [HTTPVersion.http1_1, .http1_0] {
                var expected: [UInt8] = []
                ResponseEncoder.encode(response, requestMethod: method, requestVersion: version, keepAlive: true,
                                       date: date, into: &expected)
                response.headers.set("X-Count", "unused")
                let template = ResponseTemplate(response, requestMethod: method, requestVersion: version, variableFields: ["x-count"])
                response.headers.set("X-Count", "7")
                var written = ResponseOutput()
                written.bytes = Array("left as it was|".utf8)
                template.write(into: &written, date: date) { index, output in
                    #expect(index == 0)
                    ResponseTemplate.appendDecimal(7, to: &output)
                }
                #expect(String(decoding: written.joined(), as: UTF8.self) == "left as it was|" + String(decoding: expected, as: UTF8.self))
            }
        }
    }

    @Test func aTemplateWithoutVariableFieldsStillTakesTheDate() {
        let template = ResponseTemplate(HTTPResponse(status: .notModified, headers: ["ETag": "\"a\""]), requestMethod: .get,
                                        requestVersion: .http1_1, variableFields: ["X-Missing"])
        var written = ResponseOutput()
        template.write(into: &written, date: date) { _, _ in Issue.record("no field hole expected") }
        #expect(String(decoding: written.joined(), as: UTF8.self)
            == "HTTP/1.1 304 Not Modified\r\nETag: \"a\"\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n")
    }

    @Test func aHeadEndsAtTheFirstEmptyLineWithinTheLongestOffered() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("\r\n\r\na".utf8)
        func expected(_ bytes: [UInt8], from offset: Int) -> Int? {
            let available = min(bytes.count - offset, ClientConnection.maxReplayedHead)
            guard available >= 4 else { return nil }
            for end in 4...available where bytes[offset + end - 4..<offset + end].elementsEqual("\r\n\r\n".utf8) {
                return end
            }
            return nil
        }
        for _ in 0..<5_000 {
            let bytes = (0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            for offset in 0...bytes.count {
                let found = bytes.withUnsafeBytes { ClientConnection.headLength($0, from: offset) }
                #expect(found == expected(bytes, from: offset), "\(bytes) from \(offset)")
            }
        }
        // A head longer than the longest offered is not found, one just within it is.
        let long = Array("GET / HTTP/1.1\r\nX: ".utf8) + Array(repeating: UInt8(ascii: "a"), count: ClientConnection.maxReplayedHead)
        #expect(long.withUnsafeBytes { ClientConnection.headLength($0, from: 0) } == nil)
        let within = Array(long[..<(ClientConnection.maxReplayedHead - 4)]) + Array("\r\n\r\n".utf8)
        #expect(within.withUnsafeBytes { ClientConnection.headLength($0, from: 0) } == ClientConnection.maxReplayedHead)
    }

    @Test func repeatedHeadsAreReplayedInOrderAmongOthersAndPipelined() throws {
        let responder = ReplayingResponder()
        try TestServer.with(threads: 1, responder: responder) { server in
            let client = try RawClient(port: server.boundPort)
            let first = "GET /a HTTP/1.1\r\nHost: t\r\n\r\n"
            try client.send(first)
            #expect(try client.readResponse().text == "/a 1")
            // The head offered with the request is exactly its bytes.
            #expect(responder.state.withLock { $0.heads } == [first])
            // Repeats of /a pipelined with other requests, a HEAD among them.
            let batch = first + "GET /b HTTP/1.1\r\nHost: t\r\n\r\n" + first + "HEAD /a HTTP/1.1\r\nHost: t\r\n\r\n"
                + "HEAD /a HTTP/1.1\r\nHost: t\r\n\r\n" + first
            try client.send(batch)
            var answers: [String] = []
            for bodyless in [false, false, false, true, true, false] {
                let response = try client.readResponse(bodyless: bodyless)
                answers.append(bodyless ? "HEAD \(response.headers["X-Count"] ?? "?") \(response.headers["Content-Length"] ?? "?")"
                                        : "\(response.text) \(response.headers["X-Count"] ?? "?")")
            }
            // Replays repeat the body and fill in the count; the rest are answered anew.
            #expect(answers == ["/a 1 2", "/b 3 3", "/a 1 4", "HEAD 5 4", "HEAD 6 4", "/a 1 7"])
            let counts = responder.state.withLock { ($0.answered, $0.replayed) }
            #expect(counts.0 == 3)  // /a, /b and the first HEAD /a
            #expect(counts.1 == 4)
        }
    }

    @Test func longReplayedBodiesPipelinedPastWhatTheSocketTakesArriveWhole() throws {
        let responder = ReplayingResponder()
        try TestServer.with(threads: 1, responder: responder) { server in
            let client = try RawClient(port: server.boundPort)
            let head = "GET /long HTTP/1.1\r\nHost: t\r\n\r\n"
            try client.send(head)
            let first = try client.readResponse()
            #expect(first.body == ReplayingResponder.longBody)
            // A hundred and fifty replays of a 40 KB body (6 MB), sent before any is read: the server's sends stop
            // part-way, and what is left goes out when the socket drains.
            try client.send(String(repeating: head, count: 150))
            for number in 2...151 {
                let response = try client.readResponse()
                #expect(response.headers["X-Count"] == String(number))
                #expect(response.body == ReplayingResponder.longBody, "response \(number)")
            }
            #expect(responder.state.withLock { $0.replayed } == 150)
        }
    }

    @Test func aHeadArrivingInPiecesIsAnsweredButNotOfferedAsWhole() throws {
        let responder = ReplayingResponder()
        try TestServer.with(threads: 1, responder: responder) { server in
            let client = try RawClient(port: server.boundPort)
            try client.send("GET /a HTTP/1.1\r\nHo")
            // The first part is in the server before the rest is sent: its answer to a request
            // on another connection comes after it read this one.
            let other = try RawClient(port: server.boundPort)
            try other.send("GET /c HTTP/1.1\r\nHost: t\r\n\r\n")
            _ = try other.readResponse()
            try client.send("st: t\r\n\r\n")
            #expect(try client.readResponse().text == "/a 2")
            #expect(responder.state.withLock { $0.heads } == ["GET /c HTTP/1.1\r\nHost: t\r\n\r\n", nil])
        }
    }
}

/// A responder whose handler keeps the answer to every head it is offered whole and replays
/// it, with the `X-Count` field filled with the number of the request.
private final class ReplayingResponder: HTTPResponder {
    struct State {
        var heads: [String?] = []
        var answered = 0
        var replayed = 0
    }

    let state = Lock(State())
    /// The body of `/long`: long enough to be sent from the template, not copied.
    static let longBody: [UInt8] = (0..<40_000).map { UInt8(truncatingIfNeeded: $0 % 251) }

    func makeLoopHandler(loopIndex: Int) -> any HTTPLoopHandler { Handler(state: state) }

    final class Handler: HTTPLoopHandler {
        let state: Lock<State>
        var templates: [[UInt8]: ResponseTemplate] = [:]
        var count = 0

        init(state: Lock<State>) { self.state = state }

        var replays: Bool { true }

        func respond(to request: HTTPRequest, context: RequestContext) -> HTTPResponse {
            respond(to: request, context: context, head: nil)
        }

        func respond(to request: HTTPRequest, context: RequestContext, head: UnsafeRawBufferPointer?) -> HTTPResponse {
            count += 1
            let response = request.path == "/long"
                ? HTTPResponse(headers: ["X-Count": String(count)], body: ReplayingResponder.longBody)
                : HTTPResponse(headers: ["X-Count": String(count)], body: "\(request.path) \(count)")
            state.withLock {
                $0.answered += 1
                $0.heads.append(head.map { String(decoding: $0, as: UTF8.self) })
            }
            if let head {
                templates[Array(head)] = ResponseTemplate(response, requestMethod: request.method, requestVersion: request.version,
                                                          variableFields: ["X-Count"])
            }
            return response
        }

        func replay(_ head: UnsafeRawBufferPointer, peer: String, date: [UInt8], into output: inout ResponseOutput) -> Bool {
            guard let template = templates[Array(head)] else { return false }
            count += 1
            template.write(into: &output, date: date) { _, output in ResponseTemplate.appendDecimal(count, to: &output) }
            state.withLock { $0.replayed += 1 }
            return true
        }

        func didRefuse(_ response: HTTPResponse, peer: String) {}
    }
}
