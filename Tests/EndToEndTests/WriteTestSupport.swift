import Foundation

/// One blocking HTTP/1.1 exchange over a loopback socket: no client library between the test
/// and the moment the server's answer arrives, so a `kill -9` can follow it at once.
final class LoopbackConnection {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            throw Failure(description: "connect: errno \(errno)")
        }
    }

    deinit { close(descriptor) }

    /// Writes a whole request.
    func send(_ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8] = []) throws {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\n\r\n"
        let bytes = Array(head.utf8) + body
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else { throw Failure(description: "write: errno \(errno)") }
            offset += written
        }
    }

    /// Reads one response (its `Content-Length` body; none for 204 and 304).
    func receive() throws -> Response {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        func fill() throws {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { throw Failure(description: "read: \(count == 0 ? "closed" : "errno \(errno)")") }
            buffer += chunk[..<count]
        }
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while headEnd == nil {
            try fill()
            headEnd = buffer.indices.dropLast(3).first { buffer[$0..<$0 + 4].elementsEqual(separator) }
        }
        let lines = String(decoding: buffer[..<headEnd!], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = status == 204 || status == 304 ? 0 : Int(headers["content-length"] ?? "0") ?? 0
        let bodyStart = headEnd! + 4
        while buffer.count < bodyStart + length { try fill() }
        return Response(status: status, headers: headers, body: Array(buffer[bodyStart..<bodyStart + length]))
    }

    /// One request on a new connection.
    static func exchange(
        port: Int, _ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8] = []
    ) throws -> Response {
        let connection = try LoopbackConnection(port: port)
        try connection.send(method, path, headers: headers, body: body)
        return try connection.receive()
    }
}

/// What the write tests send: a token, and event bodies that quote the article.
enum WriteTestData {
    static let secret = "e2e-secret-0123456789abcdef"
    static let environment = ["SCO_API_TOKENS": "e2e:\(secret)"]
    static let authorization = ("Authorization", "Bearer \(secret)")
    static let json = ("Content-Type", "application/json")

    static func event(_ id: String) -> [UInt8] {
        Array("""
            {"id": "\(id)", "date": {"value": "2008-08-28", "precision": "day"}, "kind": "diplomatic",
             "title": "Event \(id)", "summary": "Written by the end-to-end write tests.", "actors": ["CN"], "regions": [],
             "sources": [{"sourceId": "article-2008-08-28-sco-dushanbe", "quote": "China and several Central Asian nations rebuffed Russia's hopes of international support for its actions in Georgia"}]}
            """.utf8)
    }

    /// `PRAGMA integrity_check` through Python's sqlite3 module (CI installs python3).
    static func integrityCheck(_ path: String) throws -> String {
        let script = "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])"
        let run = try runCommand("/usr/bin/env", ["python3", "-c", script, path])
        return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines) + run.stderr
    }
}
