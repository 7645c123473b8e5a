import Glibc
import Testing
@testable import HTTPServer

/// Many connections, vanishing clients, graceful shutdown.
@Suite struct HTTPServerResilienceTests {
    @Test func holdsAThousandConcurrentKeptAliveConnections() throws {
        try TestServer.with { server in
            var clients: [RawClient] = []
            for _ in 0..<1000 {
                clients.append(try RawClient(port: server.boundPort))
            }
            for client in clients {
                try client.send("GET /medium HTTP/1.1\r\nHost: t\r\n\r\n")
            }
            for client in clients {
                #expect(try client.readResponse().body.count == TestServer.mediumBody.count)
            }
            // Every connection has been accepted and answered and is still open.
            #expect(server.openConnections == 1000)
            for client in clients.prefix(10) {
                try client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
                #expect(try client.readResponse().text == "hello")
            }
        }
    }

    @Test func survivesClientsThatResetMidRequestAndMidResponse() throws {
        try TestServer.with { server in
            let bystander = try RawClient(port: server.boundPort)
            try bystander.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try bystander.readResponse().status == 200)

            for index in 0..<20 {
                let client = try RawClient(port: server.boundPort)
                if index.isMultiple(of: 2) {
                    try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\nhalf")
                } else {
                    try client.send(String(repeating: "GET /large HTTP/1.1\r\nHost: t\r\n\r\n", count: 4))
                }
                client.reset()
            }
            // The bystander's connection and new ones are unaffected.
            try bystander.send("GET /items/5 HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try bystander.readResponse().text == "item 5")
            let late = try RawClient(port: server.boundPort)
            try late.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try late.readResponse().status == 200)
        }
    }

    @Test func shutdownClosesIdleConnectionsAndFinishesRequestsInFlight() throws {
        var configuration = HTTPServer.Configuration(host: "127.0.0.1", port: 0)
        configuration.threads = 2
        let server = try HTTPServer(configuration: configuration, responder: RouterResponder(router: TestServer.sampleRouter))
        try server.start()
        let idle = try RawClient(port: server.boundPort)
        try idle.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try idle.readResponse().status == 200)
        let busy = try RawClient(port: server.boundPort)
        // The interim 100 shows the server has read this head: the request is in flight.
        try busy.send("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
        #expect(try busy.readResponse().status == 100)
        try busy.send("ha")

        server.shutdown()
        #expect(try idle.isClosedByServer())
        try busy.send("lf")
        let response = try busy.readResponse()
        #expect(response.text == "half")
        #expect(response.headers["Connection"] == "close")
        #expect(try busy.isClosedByServer())
        server.waitUntilStopped()
        #expect(server.openConnections == 0)
        #expect(throws: RawClient.ClientError.self) { try RawClient(port: server.boundPort) }
    }

    @Test func shutdownReturnsWithinTheDrainTimeoutEvenIfAClientStalls() throws {
        var configuration = HTTPServer.Configuration(host: "127.0.0.1", port: 0)
        configuration.threads = 1
        configuration.drainTimeout = .milliseconds(200)
        let server = try HTTPServer(configuration: configuration, responder: RouterResponder(router: TestServer.sampleRouter))
        try server.start()
        let stalled = try RawClient(port: server.boundPort)
        try stalled.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\n\r\nha")
        try stalled.send("GET")  // nothing more comes
        let start = ContinuousClock.now
        server.shutdown()
        server.waitUntilStopped()
        #expect(ContinuousClock.now - start < .seconds(3))
        #expect(server.openConnections == 0)
    }

    @Test func reportsListeningAndStoppingToTheEventSink() throws {
        let sink = RecordingSink()
        try TestServer.with(configure: { $0.eventSink = sink }) { _ in }
        #expect(sink.messages.contains("listening"))
        #expect(sink.messages.contains("shutting down"))
        #expect(sink.messages.last == "stopped")
    }

    @Test func answers503PastTheConnectionCapAndKeepsServingTheOthers() throws {
        let sink = RecordingSink()
        try TestServer.with(threads: 1, configure: { $0.maxConnections = 2; $0.eventSink = sink }) { server in
            let (first, second) = try fillTwoPlaces(server)
            // A third is answered at once, not left in the backlog, and closed.
            for _ in 0..<3 {
                let third = try RawClient(port: server.boundPort)
                try third.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
                third.setReceiveTimeout(.seconds(2))
                let refusal = try third.readResponse()
                #expect(refusal.status == 503)
                #expect(refusal.headers["retry-after"] == "1")
                #expect(refusal.headers["connection"] == "close")
                #expect(refusal.headers["content-type"] == "application/problem+json")
                #expect(try third.isClosedByServer())
            }
            try first.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            try second.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try first.readResponse().status == 200)
            #expect(try second.readResponse().status == 200)
            first.reset()
            // The refusals do not count as served connections; a place freed is taken again.
            let fourth = try RawClient(port: server.boundPort)
            try fourth.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            fourth.setReceiveTimeout(.seconds(5))
            var status = try fourth.readResponse().status
            // The reset of `first` may not have been seen yet when `fourth` was accepted.
            while status == 503 {
                let retry = try RawClient(port: server.boundPort)
                try retry.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
                retry.setReceiveTimeout(.seconds(5))
                status = try retry.readResponse().status
            }
            #expect(status == 200)
        }
        #expect(sink.messages.contains("connection limit reached; answering 503"))
    }

    @Test func pausesAcceptingWhenNoRefusalIsAllowed() throws {
        try TestServer.with(threads: 1, configure: { $0.maxConnections = 2; $0.refusalReserve = 0 }) { server in
            let (first, second) = try fillTwoPlaces(server)
            // A third waits in the backlog until one of the first two leaves.
            let third = try RawClient(port: server.boundPort)
            try third.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            third.setReceiveTimeout(.milliseconds(300))
            #expect(throws: RawClient.ClientError.timedOut) { try third.readResponse() }
            first.reset()
            third.setReceiveTimeout(.seconds(5))
            #expect(try third.readResponse().status == 200)
            #expect(server.openConnections == 2)
            withExtendedLifetime(second) {}  // it holds the other place throughout
        }
    }

    /// Two connections, each answered once: a server with `maxConnections = 2` is then full.
    private func fillTwoPlaces(_ server: HTTPServer) throws -> (RawClient, RawClient) {
        let first = try RawClient(port: server.boundPort)
        let second = try RawClient(port: server.boundPort)
        try first.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
        try second.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try first.readResponse().status == 200)
        #expect(try second.readResponse().status == 200)
        return (first, second)
    }
}
