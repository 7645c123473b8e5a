import Glibc
import Testing
@testable import HTTPServer

/// A live server on port 0 driven by a raw-socket client: keep-alive, pipelining, framing.
@Suite struct HTTPServerLiveTests {
    @Test func servesManyRequestsOnOneKeptAliveConnection() throws {
        try TestServer.with { server in
            let client = try RawClient(port: server.boundPort)
            for index in 1...3 {
                try client.send("GET /items/\(index) HTTP/1.1\r\nHost: t\r\n\r\n")
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.text == "item \(index)")
                #expect(response.headers["Connection"] == nil)
                #expect(response.headers["Date"]?.hasSuffix(" GMT") == true)
                #expect(response.headers["Content-Length"] == "\("item \(index)".utf8.count)")
            }
        }
    }

    @Test func answersPipelinedRequestsInOrder() throws {
        try TestServer.with { server in
            let client = try RawClient(port: server.boundPort)
            let batch = (1...20).map { "GET /items/\($0) HTTP/1.1\r\nHost: t\r\n\r\n" }.joined()
            try client.send(batch)
            for index in 1...20 {
                #expect(try client.readResponse().text == "item \(index)")
            }
        }
    }

    @Test func answersHeadWithTheHeadersOfGetAndNoBody() throws {
        try TestServer.with { server in
            let client = try RawClient(port: server.boundPort)
            try client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\nHEAD /hello HTTP/1.1\r\nHost: t\r\n\r\nGET /items/7 HTTP/1.1\r\nHost: t\r\n\r\n")
            let get = try client.readResponse()
            let head = try client.readResponse(bodyless: true)
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.headers["Content-Length"] == "5")
            #expect(head.headers["Content-Type"] == get.headers["Content-Type"])
            // Framing held: the next response parses.
            #expect(try client.readResponse().text == "item 7")
        }
    }

    @Test func closesWhenTheClientAsksToClose() throws {
        try TestServer.with { server in
            let client = try RawClient(port: server.boundPort)
            try client.send("GET /hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.headers["Connection"] == "close")
            #expect(try client.isClosedByServer())
        }
    }

    @Test func closesWhenTheHandlerAsksToClose() throws {
        try TestServer.with { server in
            let client = try RawClient(port: server.boundPort)
            try client.send("GET /close HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().headers["Connection"] == "close")
            #expect(try client.isClosedByServer())
        }
    }

    @Test func closesHTTP10UnlessItAsksForKeepAlive() throws {
        try TestServer.with { server in
            let plain = try RawClient(port: server.boundPort)
            try plain.send("GET /hello HTTP/1.0\r\n\r\n")
            #expect(try plain.readResponse().headers["Connection"] == "close")
            #expect(try plain.isClosedByServer())

            let keepAlive = try RawClient(port: server.boundPort)
            try keepAlive.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try keepAlive.readResponse().headers["Connection"] == "keep-alive")
            try keepAlive.send("GET /items/2 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try keepAlive.readResponse().text == "item 2")
        }
    }

    @Test func answersAHalfClosedClientBeforeClosing() throws {
        try TestServer.with { server in
            let client = try RawClient(port: server.boundPort)
            try client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\nGET /items/3 HTTP/1.1\r\nHost: t\r\n\r\n")
            shutdown(client.fd, Int32(SHUT_WR))
            #expect(try client.readResponse().text == "hello")
            #expect(try client.readResponse().text == "item 3")
            #expect(try client.isClosedByServer())
        }
    }

    @Test func answersOptionsWithAllow() throws {
        try TestServer.with { server in
            let client = try RawClient(port: server.boundPort)
            try client.send("OPTIONS /hello HTTP/1.1\r\nHost: t\r\n\r\nOPTIONS * HTTP/1.1\r\nHost: t\r\n\r\n")
            let path = try client.readResponse()
            #expect(path.status == 204)
            #expect(path.headers["Allow"] == "GET, HEAD, OPTIONS")
            #expect(path.headers["Content-Length"] == nil)
            let star = try client.readResponse()
            #expect(star.headers["Allow"] == "GET, HEAD, POST, OPTIONS")
        }
    }

    @Test func answers404KeepingTheConnectionAnd405ClosingIt() throws {
        try TestServer.with { server in
            let client = try RawClient(port: server.boundPort)
            try client.send("GET /nowhere HTTP/1.1\r\nHost: t\r\n\r\nGET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            let missing = try client.readResponse()
            #expect(missing.status == 404)
            #expect(missing.headers["Content-Type"] == "application/problem+json")
            #expect(missing.text.contains("\"status\":404"))
            #expect(try client.readResponse().status == 200)
            try client.send("DELETE /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            let wrong = try client.readResponse()
            #expect(wrong.status == 405)
            #expect(wrong.headers["Allow"] == "GET, HEAD, OPTIONS")
            #expect(wrong.headers["Connection"] == "close")
        }
    }

    @Test func mapsThrownErrorsToResponsesWithoutLeakingThem() throws {
        try TestServer.with { server in
            let client = try RawClient(port: server.boundPort)
            try client.send("GET /teapot HTTP/1.1\r\nHost: t\r\n\r\nGET /secret HTTP/1.1\r\nHost: t\r\n\r\nGET /items/x HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().status == 418)
            let failure = try client.readResponse()
            #expect(failure.status == 500)
            #expect(!failure.text.contains("Secret"))
            #expect(try client.readResponse().status == 404)  // {id:int} does not match "x"
        }
    }

    @Test func refusesMalformedRequestsWithAProblemAndCloses() throws {
        try TestServer.with { server in
            let cases: [(String, Int)] = [
                ("GET / HTTP/1.1\r\nHost : t\r\n\r\n", 400),
                ("GET / HTTP/1.1\r\n\r\n", 400),
                ("BREW / HTTP/1.1\r\nHost: t\r\n\r\n", 501),
                ("GET / HTTP/2.0\r\nHost: t\r\n\r\n", 505),
                ("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
                ("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400),
                ("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 99999999\r\n\r\n", 413),
                ("GET /\(String(repeating: "a", count: 9000)) HTTP/1.1\r\nHost: t\r\n\r\n", 414),
                ("GET / HTTP/1.1\r\nHost: t\r\nX: \(String(repeating: "a", count: 40000))\r\n\r\n", 431),
            ]
            for (request, status) in cases {
                let client = try RawClient(port: server.boundPort)
                try client.send(request)
                let response = try client.readResponse()
                #expect(response.status == status, "\(request.prefix(40))")
                #expect(response.headers["Content-Type"] == "application/problem+json")
                #expect(response.headers["Connection"] == "close")
                #expect(response.text.contains("\"status\":\(status)"))
                #expect(try client.isClosedByServer())
            }
        }
    }

    @Test func sends100ContinueThenReadsTheBody() throws {
        try TestServer.with { server in
            let client = try RawClient(port: server.boundPort)
            try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
            let interim = try client.readResponse()
            #expect(interim.status == 100)
            try client.send("ping")
            #expect(try client.readResponse().text == "ping")
        }
    }

    @Test func readsChunkedBodiesAndTheRequestAfterThem() throws {
        try TestServer.with { server in
            let client = try RawClient(port: server.boundPort)
            try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\nX-T: 1\r\n\r\n")
            try client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().text == "hello world")
            #expect(try client.readResponse().text == "hello")
        }
    }

    @Test func reportsThePeerAndTheLoop() throws {
        try TestServer.with { server in
            let client = try RawClient(port: server.boundPort)
            try client.send("GET /peer HTTP/1.1\r\nHost: t\r\n\r\n")
            let parts = try client.readResponse().text.split(separator: " ")
            #expect(parts.count == 2)
            #expect(["0", "1"].contains(parts.first))
            #expect(parts.last?.hasPrefix("127.0.0.1:") == true)
        }
    }

    @Test func deliversLargeResponsesWhileTheClientReadsSlowly() throws {
        try TestServer.with { server in
            let client = try RawClient(port: server.boundPort)
            let batch = String(repeating: "GET /large HTTP/1.1\r\nHost: t\r\n\r\n", count: 8) + "GET /items/9 HTTP/1.1\r\nHost: t\r\n\r\n"
            try client.send(batch)
            for _ in 0..<8 {
                let response = try client.readResponse()
                #expect(response.body.count == TestServer.largeBody.count)
                #expect(response.body.allSatisfy { $0 == UInt8(ascii: "L") })
            }
            #expect(try client.readResponse().text == "item 9")
        }
    }

    @Test func refusesAMalformedHeadRequestWithoutABody() throws {
        try TestServer.with { server in
            let client = try RawClient(port: server.boundPort)
            try client.send("HEAD /hello HTTP/1.1\r\nHost : t\r\n\r\n")
            let response = try client.readResponse(bodyless: true)
            #expect(response.status == 400)
            #expect(Int(response.headers["Content-Length"] ?? "") ?? 0 > 0)
            #expect(try client.isClosedByServer())
        }
    }

    @Test func consumesABodyTheHandlerIgnoresSoTheNextRequestParses() throws {
        try TestServer.with { server in
            let client = try RawClient(port: server.boundPort)
            try client.send("GET /hello HTTP/1.1\r\nHost: t\r\nContent-Length: 18\r\n\r\nGET /secret HTTP/1GET /items/4 HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().text == "hello")
            #expect(try client.readResponse().text == "item 4")
        }
    }

    @Test func routesAbsoluteFormTargetsByTheirPath() throws {
        try TestServer.with { server in
            let client = try RawClient(port: server.boundPort)
            try client.send("GET http://elsewhere.example/items/12?x=1 HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().text == "item 12")
        }
    }

    @Test func refusesAnOversizedBodyBeforeSending100Continue() throws {
        try TestServer.with(configure: { $0.maxBodyBytes = 1000 }) { server in
            let client = try RawClient(port: server.boundPort)
            try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 1001\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 413)
            #expect(try client.isClosedByServer())
        }
    }
}
