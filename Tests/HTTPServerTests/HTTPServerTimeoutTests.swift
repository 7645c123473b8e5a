import Glibc
import Testing
@testable import HTTPServer

/// Timeouts on a live server with short configured values.
@Suite struct HTTPServerTimeoutTests {
    private func shortTimeouts(_ configuration: inout HTTPServer.Configuration) {
        configuration.headerTimeout = .milliseconds(200)
        configuration.bodyTimeout = .milliseconds(200)
        configuration.idleTimeout = .milliseconds(200)
        configuration.writeTimeout = .milliseconds(200)
        configuration.lingerTimeout = .milliseconds(200)
    }

    @Test func cutsOffAClientTricklingItsHeaderSectionWith408() throws {
        try TestServer.with(configure: shortTimeouts) { server in
            let client = try RawClient(port: server.boundPort)
            let start = ContinuousClock.now
            try client.send("GET /hello HTTP/1.1\r\nHo")
            let response = try client.readResponse()
            let elapsed = ContinuousClock.now - start
            #expect(response.status == 408)
            #expect(response.headers["Connection"] == "close")
            #expect(elapsed >= .milliseconds(190))
            #expect(elapsed < .seconds(2))
            #expect(try client.isClosedByServer())
        }
    }

    @Test func cutsOffABodyThatDoesNotArriveWith408() throws {
        try TestServer.with(configure: shortTimeouts) { server in
            let client = try RawClient(port: server.boundPort)
            try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc")
            #expect(try client.readResponse().status == 408)
            #expect(try client.isClosedByServer())
        }
    }

    @Test func closesAKeptAliveConnectionThatStaysIdle() throws {
        try TestServer.with(configure: shortTimeouts) { server in
            let client = try RawClient(port: server.boundPort)
            try client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().status == 200)
            let start = ContinuousClock.now
            #expect(try client.isClosedByServer())
            let elapsed = ContinuousClock.now - start
            #expect(elapsed >= .milliseconds(150))
            #expect(elapsed < .seconds(2))
        }
    }

    @Test func closesAConnectionThatNeverSendsAByte() throws {
        try TestServer.with(configure: shortTimeouts) { server in
            let client = try RawClient(port: server.boundPort)
            #expect(try client.readToEnd().isEmpty)
        }
    }

    @Test func dropsAClientThatStopsReadingItsResponses() throws {
        try TestServer.with(configure: shortTimeouts) { server in
            let client = try RawClient(port: server.boundPort)
            var size: Int32 = 4096
            setsockopt(client.fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
            try client.send(String(repeating: "GET /large HTTP/1.1\r\nHost: t\r\n\r\n", count: 4))
            let start = ContinuousClock.now
            #expect(client.waitForHangUp(timeout: .seconds(5)))
            #expect(ContinuousClock.now - start >= .milliseconds(150))
        }
    }
}
