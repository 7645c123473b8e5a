import CLinux
import Glibc
import Testing
@testable import HTTPServer

/// The syscall wrappers and one event loop, over `socketpair` instead of TCP.
@Suite struct SocketPairTests {
    /// A connected pair of non-blocking stream sockets.
    private func makePair() throws -> (FileDescriptor, FileDescriptor) {
        var fds: [Int32] = [-1, -1]
        let result = socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0, &fds)
        try #require(result == 0)
        return (FileDescriptor(fds[0]), FileDescriptor(fds[1]))
    }

    private func read(_ fd: FileDescriptor, count: Int = 4096) throws -> IOResult {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 1)
        defer { buffer.deallocate() }
        return try Syscall.read(fd.rawValue, into: buffer)
    }

    @Test func readingAnEmptySocketWouldBlock() throws {
        let (a, b) = try makePair()
        #expect(try read(a) == .wouldBlock)
        #expect(b.isOpen)
    }

    @Test func readingAfterThePeerClosedIsEndOfFile() throws {
        let (a, b) = try makePair()
        b.close()
        #expect(try read(a) == .endOfFile)
    }

    @Test func sendingToAClosedPeerThrowsInsteadOfRaisingSIGPIPE() throws {
        let (a, b) = try makePair()
        b.close()
        let bytes: [UInt8] = Array("x".utf8)
        #expect(throws: SocketError.failed(call: "send", errno: EPIPE)) {
            _ = try bytes.withUnsafeBytes { try Syscall.send(a.rawValue, $0) }
        }
    }

    @Test func sendingToAFullSocketWouldBlock() throws {
        let (a, b) = try makePair()
        defer { #expect(b.isOpen) }
        let chunk = [UInt8](repeating: 7, count: 65536)
        var sawWouldBlock = false
        for _ in 0..<1000 {
            let result = try chunk.withUnsafeBytes { try Syscall.send(a.rawValue, $0) }
            if result == .wouldBlock {
                sawWouldBlock = true
                break
            }
        }
        #expect(sawWouldBlock)
    }

    @Test func eventFDsCountSignals() throws {
        let fd = FileDescriptor(try Syscall.makeEventFD())
        #expect(Syscall.drainEventFD(fd.rawValue) == 0)
        Syscall.signalEventFD(fd.rawValue)
        Syscall.signalEventFD(fd.rawValue)
        #expect(Syscall.drainEventFD(fd.rawValue) == 2)
    }

    @Test func fileDescriptorClosesExactlyOnce() throws {
        let (a, b) = try makePair()
        a.close()
        #expect(b.isOpen)
        a.close()
        #expect(!a.isOpen)
    }

    // MARK: One event loop serving one end of a pair

    private final class Handler: HTTPLoopHandler {
        var refusals: [Int] = []
        func respond(to request: HTTPRequest, context: RequestContext) -> HTTPResponse {
            HTTPResponse(body: "\(request.method) \(request.path) \(request.body.count)")
        }
        func didRefuse(_ response: HTTPResponse, peer: String) {
            refusals.append(response.status.code)
        }
    }

    private func makeLoop(_ handler: Handler, configure: (inout HTTPServer.Configuration) -> Void = { _ in }) throws -> EventLoop {
        var configuration = HTTPServer.Configuration()
        configure(&configuration)
        let shared = try ServerShared(configuration: configuration, listeners: [], loopCount: 1)
        return try EventLoop(index: 0, shared: shared, handler: handler, listener: nil, epoll: shared.takeEpoll(0))
    }

    /// Runs the loop until `client` has something to read, then returns what it read.
    private func exchange(_ loop: EventLoop, _ client: FileDescriptor, _ text: String?) throws -> String {
        if let text {
            let bytes = Array(text.utf8)
            _ = try bytes.withUnsafeBytes { try Syscall.send(client.rawValue, $0) }
        }
        var received: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 65536, alignment: 1)
        defer { buffer.deallocate() }
        for _ in 0..<50 {
            loop.runOnce(maximumWait: .milliseconds(20))
            switch try Syscall.read(client.rawValue, into: buffer) {
            case .processed(let count):
                received.append(contentsOf: buffer[..<count])
                if case .wouldBlock = try Syscall.read(client.rawValue, into: buffer) {
                    return String(decoding: received, as: UTF8.self)
                }
            case .endOfFile:
                return String(decoding: received, as: UTF8.self) + "<EOF>"
            case .wouldBlock:
                continue
            }
        }
        return String(decoding: received, as: UTF8.self)
    }

    @Test func aLoopAnswersRequestsOnAnAdoptedSocket() throws {
        let handler = Handler()
        let loop = try makeLoop(handler)
        let (server, client) = try makePair()
        let serverFD = dup(server.rawValue)
        server.close()
        loop.adopt(serverFD, peer: "pair", now: .now())
        #expect(loop.connectionCount == 1)
        let reply = try exchange(loop, client, "POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc")
        #expect(reply.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(reply.contains("\r\nContent-Length: 9\r\n"))
        #expect(reply.hasSuffix("\r\n\r\nPOST /x 3"))
    }

    @Test func aLoopRefusesGarbageThenHalfClosesAndReportsTheRefusal() throws {
        let handler = Handler()
        let loop = try makeLoop(handler)
        let (server, client) = try makePair()
        let serverFD = dup(server.rawValue)
        server.close()
        loop.adopt(serverFD, peer: "pair", now: .now())
        let reply = try exchange(loop, client, "GET / HTTP/1.1\r\nHost: h\r\nBad Header: x\r\n\r\n")
        #expect(reply.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
        #expect(reply.contains("Connection: close\r\n"))
        #expect(try exchange(loop, client, nil) == "<EOF>")
        #expect(handler.refusals == [400])
        client.close()
        for _ in 0..<5 where loop.connectionCount > 0 {
            loop.runOnce(maximumWait: .milliseconds(20))
        }
        #expect(loop.connectionCount == 0)
    }

    @Test func aLoopHoldsNoBuffersForAnIdleConnection() throws {
        let handler = Handler()
        let loop = try makeLoop(handler)
        let (server, client) = try makePair()
        let serverFD = dup(server.rawValue)
        server.close()
        loop.adopt(serverFD, peer: "pair", now: .now())
        _ = try exchange(loop, client, "GET /a HTTP/1.1\r\nHost: h\r\n\r\nGET /b HT")
        _ = try exchange(loop, client, "TP/1.1\r\nHost: h\r\n\r\n")
        let connection = try #require(loop.connectionsForTesting.first)
        #expect(connection.inbound.capacity == 0)
        #expect(connection.outbound.capacity == 0)
    }
}
