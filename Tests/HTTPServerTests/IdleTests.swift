import Dispatch
import Glibc
import Locking
import Testing
@testable import HTTPServer

/// `HTTPLoopHandler.didBecomeIdle`: told once a loop has had nothing to do for
/// `Configuration.idleGrace` after handling events, and when it stops.
@Suite struct IdleTests {
    @Test func aLoopSaysItIsIdleAfterTheGraceAndAgainAfterTheNextRequest() throws {
        let responder = IdleRecordingResponder()
        try TestServer.with(threads: 1, responder: responder) { server in
            let client = try RawClient(port: server.boundPort)
            var sent: [MonotonicInstant] = []
            for round in 1...2 {
                sent.append(MonotonicInstant.now())
                try client.send("GET /r\(round) HTTP/1.1\r\nHost: t\r\n\r\n")
                #expect(try client.readResponse().text == "/r\(round)")
                #expect(responder.idle.wait(timeout: .now() + 10) == .success, "round \(round)")
            }
            let log = responder.log.withLock { $0 }
            #expect(log.map(\.event) == ["respond", "processed", "idle", "respond", "processed", "idle"])
            // Each "idle" comes no sooner than the grace after the request that woke the loop.
            let idles = log.filter { $0.event == "idle" }.map(\.at)
            for (idle, request) in zip(idles, sent) {
                #expect(idle.since(request) >= HTTPServer.Configuration().idleGrace, "\(idle.since(request))")
            }
        }
    }

    @Test func aStoppingLoopSaysItIsIdle() throws {
        let responder = IdleRecordingResponder()
        // A grace no test outlasts: only the stop can make the loop say it.
        try TestServer.with(threads: 1, responder: responder, configure: { $0.idleGrace = .seconds(3600) }) { server in
            let client = try RawClient(port: server.boundPort)
            try client.send("GET /last HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().text == "/last")
        }
        #expect(responder.log.withLock { $0.map(\.event) } == ["respond", "processed", "idle"])
    }
}

/// A responder whose handler answers with the path and logs what its loop tells it.
private final class IdleRecordingResponder: HTTPResponder {
    let log = Lock<[(event: String, at: MonotonicInstant)]>([])
    let idle = DispatchSemaphore(value: 0)

    func makeLoopHandler(loopIndex: Int) -> any HTTPLoopHandler { Handler(responder: self) }

    final class Handler: HTTPLoopHandler {
        let responder: IdleRecordingResponder

        init(responder: IdleRecordingResponder) { self.responder = responder }

        func respond(to request: HTTPRequest, context: RequestContext) -> HTTPResponse {
            note("respond")
            return HTTPResponse(body: request.path)
        }

        func didProcessEvents() {
            // Accepting a connection is a wake-up too; only those after a request are logged.
            if responder.log.withLock({ $0.last?.event == "respond" }) { note("processed") }
        }

        func didBecomeIdle() {
            // Only the first after a request counts (the loop stopping may tell it again).
            guard responder.log.withLock({ $0.last?.event == "processed" }) else { return }
            note("idle")
            responder.idle.signal()
        }

        func didRefuse(_ response: HTTPResponse, peer: String) {}

        private func note(_ event: String) {
            responder.log.withLock { $0.append((event, MonotonicInstant.now())) }
        }
    }
}
