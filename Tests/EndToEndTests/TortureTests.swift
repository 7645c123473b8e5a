import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Hostile clients against the built binary, small enough for CI (the 10,000-connection and
/// ten-minute runs are `Scripts/torture`): the server survives them, and a well-behaved client
/// on its own connection gets the right answer throughout.
@Suite(.serialized) struct TortureTests {
    @Test func garbageResetsAndSilentClientsDoNotDisturbAWellBehavedClient() throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try LaunchedServer(database: directory.appendingPathComponent("sco.sqlite").path,
                                        arguments: ["--access-log", "off", "--header-timeout", "1"])
        let good = try RawClient(port: server.port)
        let reference = try good.ask("/v1/member-states")
        #expect(reference.status == 200)
        var random = SystemRandomNumberGenerator()
        var silent: [RawClient] = []
        for round in 0..<100 {
            // Random bytes: answered 4xx and closed, or closed.
            let noisy = try RawClient(port: server.port)
            let size = Int.random(in: 1...4096, using: &random)
            try noisy.send((0..<size).map { _ in UInt8.random(in: 0...255, using: &random) })
            let (answer, closed) = noisy.readUntilClosed(limit: 10)
            #expect(closed, "round \(round): a garbage connection was left open")
            let status = Int(String(decoding: answer.dropFirst(9).prefix(3), as: UTF8.self)) ?? 0
            #expect(answer.isEmpty || (400..<500).contains(status) || status == 501 || status == 505,
                    "round \(round): \(String(decoding: answer.prefix(40), as: UTF8.self))")
            // A reset in the middle of a large answer.
            let resetter = try RawClient(port: server.port)
            try resetter.send(Array(String(repeating: "GET /openapi.json HTTP/1.1\r\nHost: x\r\n\r\n", count: 8).utf8))
            _ = resetter.receiveSome()
            resetter.reset()
            if round % 10 == 0 { silent.append(try RawClient(port: server.port)) }
            let again = try good.ask("/v1/member-states")
            #expect(again.status == 200 && again.body == reference.body, "round \(round)")
        }
        // The silent ones are cut off by the header timeout (1 s), with no answer.
        for client in silent {
            let (answer, closed) = client.readUntilClosed(limit: 5)
            #expect(closed && answer.isEmpty)
        }
        #expect(try good.ask("/healthz").status == 200)
        #expect(server.terminate() == 0)
    }

    /// Found by the ten-minute memory run: answers past the output high-water mark pause a
    /// batch, the rest waits in the connection's buffer, and a malformed request there made
    /// the server trap (`removeFirst` past the end) and die for every client.
    @Test func aBadRequestBehindAPausedPipelinedBatchIsRefusedNotACrash() throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try LaunchedServer(database: directory.appendingPathComponent("sco.sqlite").path)
        let batch = String(repeating: "GET /openapi.json HTTP/1.1\r\nHost: x\r\n\r\n", count: 10)
        for bad in ["GET /x HTTP/1.1\r\nBad Header\r\n\r\n", "\u{1}garbage\r\n\r\n", "GET /x HTTP/9.9\r\n\r\n"] {
            let client = try RawClient(port: server.port)
            try client.send(Array((batch + bad).utf8))
            for number in 0..<10 {
                #expect(try client.readResponse().status == 200, "answer \(number)")
            }
            let refusal = try client.readResponse().status
            #expect(refusal == 400 || refusal == 505, "\(bad.debugDescription): \(refusal)")
            #expect(client.readUntilClosed(limit: 5).closed)
        }
        #expect(try RawClient(port: server.port).ask("/healthz").status == 200)
        #expect(server.terminate() == 0)
    }

    @Test func atItsDescriptorLimitANewClientIsAnswered503AtOnceAndTheRestAreServed() throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try LaunchedServer(database: directory.appendingPathComponent("sco.sqlite").path, openFiles: 64)
        let good = try RawClient(port: server.port)
        #expect(try good.ask("/v1/summit").status == 200)
        // More connections than descriptors: those past the limit are refused, none left waiting.
        var served: [RawClient] = []
        var refused = 0
        var unanswered = 0
        for _ in 0..<80 {
            let hog = try RawClient(port: server.port, receiveTimeout: 2)
            try hog.send(Array("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
            switch (try? hog.readResponse())?.status {
            case 200?:
                served.append(hog)
            case 503?:
                refused += 1
                #expect(hog.lastHead.contains("retry-after: 1"), "\(hog.lastHead)")
                #expect(hog.readUntilClosed(limit: 2).closed, "a refused connection was left open")
                hog.close()
            default:
                unanswered += 1
            }
        }
        #expect(unanswered == 0, "\(unanswered) connections got no answer within 2 s")
        #expect(refused > 0, "the server never ran out of descriptors")
        #expect(served.count > 20, "only \(served.count) connections were served")
        for _ in 0..<20 {
            #expect(try good.ask("/v1/summit").status == 200)
        }
        for hog in served {
            #expect(try hog.ask("/healthz").status == 200, "a served connection stopped working")
        }
        served.forEach { $0.close() }
        let fresh = try RawClient(port: server.port)
        #expect(try fresh.ask("/healthz").status == 200)
        #expect(server.terminate() == 0)
        #expect(server.standardErrorText().contains("out of file descriptors; answering 503"))
    }
}

/// A blocking TCP client on a raw socket, with a receive timeout.
final class RawClient {
    private var fd: Int32
    private var buffer: [UInt8] = []

    init(port: Int, receiveTimeout: Double = 10) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            Glibc.close(fd)
            throw POSIXError(.init(rawValue: errno) ?? .EIO)
        }
        setReceiveTimeout(receiveTimeout)
    }

    deinit { close() }

    func setReceiveTimeout(_ seconds: Double) {
        var timeout = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
            offset += sent
        }
    }

    /// One GET on this connection; the answer's status and body.
    func ask(_ path: String) throws -> (status: Int, body: [UInt8]) {
        try send(Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8))
        return try readResponse()
    }

    /// The lowercased head of the last response read.
    private(set) var lastHead = ""

    /// Reads one response framed by Content-Length; its head stays in `lastHead`.
    func readResponse() throws -> (status: Int, body: [UInt8]) {
        let separator = Array("\r\n\r\n".utf8)
        while true {
            if let end = buffer.indices.dropLast(3).first(where: { Array(buffer[$0..<$0 + 4]) == separator }) {
                let head = String(decoding: buffer[..<end], as: UTF8.self).lowercased()
                lastHead = head
                let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
                let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                if buffer.count >= end + 4 + length {
                    let body = Array(buffer[(end + 4)..<(end + 4 + length)])
                    buffer.removeFirst(end + 4 + length)
                    return (status, body)
                }
            }
            let chunk = receiveSome()
            guard !chunk.isEmpty else { throw POSIXError(.ECONNRESET) }
            buffer += chunk
        }
    }

    /// One read (empty at end of stream, on error or timeout).
    func receiveSome() -> [UInt8] {
        receive() ?? []
    }

    /// One read: bytes, empty at end of stream or on a reset, nil on timeout.
    private func receive() -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count > 0 { return Array(chunk[..<count]) }
        if count < 0, errno == EAGAIN || errno == EWOULDBLOCK { return nil }
        return []
    }

    /// Everything until the server closes, and whether it did within `limit` seconds of silence.
    func readUntilClosed(limit: Double) -> (bytes: [UInt8], closed: Bool) {
        setReceiveTimeout(limit)
        var all = buffer
        while true {
            guard let chunk = receive() else { return (all, false) }
            if chunk.isEmpty { return (all, true) }
            all += chunk
        }
    }

    /// Closes with SO_LINGER 0: the kernel sends RST instead of FIN.
    func reset() {
        var option = linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
        close()
    }

    func close() {
        if fd >= 0 {
            Glibc.close(fd)
            fd = -1
        }
    }
}
