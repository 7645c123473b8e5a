import Glibc
@testable import HTTPServer

/// A blocking raw-socket HTTP client for tests: it sends exact bytes and reads exact responses.
///
/// Every read has a receive timeout, so a server that never answers fails the test instead of
/// hanging it; the timeout is a safety net, not a synchronisation.
final class RawClient {
    enum ClientError: Error, Equatable {
        case connectFailed(Int32)
        case timedOut
        case closed
        case malformedResponse(String)
    }

    struct Response {
        var status: Int
        var reason: String
        var headers: HTTPHeaders
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    private(set) var fd: Int32
    private var buffer: [UInt8] = []

    init(port: Int, receiveTimeout: Duration = .seconds(5)) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            Glibc.close(fd)
            throw ClientError.connectFailed(code)
        }
        setReceiveTimeout(receiveTimeout)
    }

    deinit {
        if fd >= 0 { Glibc.close(fd) }
    }

    func setReceiveTimeout(_ timeout: Duration) {
        let (seconds, attoseconds) = timeout.components
        var value = timeval(tv_sec: Int(seconds), tv_usec: Int(attoseconds / 1_000_000_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    func send(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw ClientError.closed }
            sent += count
        }
    }

    /// Reads more bytes into the buffer; false at end of stream.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count > 0 {
            buffer.append(contentsOf: chunk[..<count])
            return true
        }
        if count == 0 { return false }
        if errno == EAGAIN || errno == EWOULDBLOCK { throw ClientError.timedOut }
        return false  // ECONNRESET and friends: the stream is over
    }

    /// Reads one response; `bodyless` for a response to HEAD.
    func readResponse(bodyless: Bool = false) throws -> Response {
        var headEnd: Int?
        while true {
            headEnd = findHeadEnd()
            if headEnd != nil { break }
            guard try fill() else { throw ClientError.closed }
        }
        let head = String(decoding: buffer[..<headEnd!], as: UTF8.self)
        buffer.removeFirst(headEnd! + 4)
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2).map(String.init)
        guard parts.count >= 2, parts[0] == "HTTP/1.1", let status = Int(parts[1]) else {
            throw ClientError.malformedResponse(statusLine)
        }
        var headers = HTTPHeaders()
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw ClientError.malformedResponse(line) }
            headers.add(String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingOWS().description)
        }
        var body: [UInt8] = []
        if !bodyless, status >= 200, status != 204, status != 304 {
            guard let length = headers["Content-Length"].flatMap({ Int($0) }) else {
                throw ClientError.malformedResponse("no Content-Length")
            }
            while buffer.count < length {
                guard try fill() else { throw ClientError.closed }
            }
            body = Array(buffer[..<length])
            buffer.removeFirst(length)
        }
        return Response(status: status, reason: parts.count > 2 ? parts[2] : "", headers: headers, body: body)
    }

    /// Reads until the server closes; returns what arrived (including anything buffered).
    func readToEnd() throws -> [UInt8] {
        while try fill() {}
        defer { buffer = [] }
        return buffer
    }

    /// Whether the server has closed (end of stream with nothing else pending).
    func isClosedByServer() throws -> Bool {
        if !buffer.isEmpty { return false }
        return try !fill()
    }

    /// Closes with SO_LINGER 0, so the server sees a RST instead of a FIN.
    func reset() {
        var option = linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
        Glibc.close(fd)
        fd = -1
    }

    /// Waits until the server closes or resets the connection without reading; false on timeout.
    func waitForHangUp(timeout: Duration) -> Bool {
        // 0x2000 is POLLRDHUP, a GNU extension that Glibc's module does not export.
        var descriptor = pollfd(fd: fd, events: Int16(0x2000) | Int16(POLLHUP), revents: 0)
        let result = poll(&descriptor, 1, Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000))
        return result == 1
    }

    private func findHeadEnd() -> Int? {
        guard buffer.count >= 4 else { return nil }
        for index in 0...(buffer.count - 4)
        where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
            return index
        }
        return nil
    }
}
