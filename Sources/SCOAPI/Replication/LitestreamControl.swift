#if canImport(Glibc)
import Glibc
#endif
import JSONText
import SCOData

/// A client of Litestream's control socket (`socket:` in its configuration): HTTP over a Unix
/// socket, as `litestream sync -wait` speaks it.
///
/// `syncAndWait` asks Litestream to copy what the database has committed to the replica store
/// now and to answer once the store holds it (`POST /sync` with `wait`), which is what a
/// durable write waits for before its 2xx.
struct LitestreamControl: Sendable {
    let socketPath: String
    /// The database as Litestream's configuration names it (an absolute path).
    let databasePath: String

    /// What Litestream said: the database's transaction id and the one the store has.
    struct Confirmation: Sendable, Equatable {
        var txid: UInt64
        var replicatedTXID: UInt64
    }

    /// Why a sync was not confirmed, in words for a problem's `detail` and the log.
    struct Failure: Error, Sendable, CustomStringConvertible {
        var description: String
    }

    func syncAndWait(timeout: Duration) -> Result<Confirmation, Failure> {
        let seconds = max(1, Int(timeout.components.seconds))
        var body = JSONWriter(capacity: 128)
        body.beginObject()
        body.key("path")
        body.string(databasePath)
        body.key("wait")
        body.bool(true)
        body.key("timeout")
        body.int(seconds)
        body.endObject()
        switch exchange(method: "POST", path: "/sync", body: body.bytes, timeout: timeout) {
        case .failure(let failure):
            return .failure(failure)
        case .success(let (status, payload)):
            guard case .success(let json) = JSONParser.parse(payload) else {
                return .failure(Failure(description: "Litestream answered \(status) with a body that is not JSON"))
            }
            guard status == 200 else {
                return .failure(Failure(description: "Litestream refused the sync (\(status)): \(json["error"]?.stringValue ?? "no reason given")"))
            }
            guard let txid = json["txid"]?.intValue, let replicated = json["replicated_txid"]?.intValue,
                  txid >= 0, replicated >= 0 else {
                return .failure(Failure(description: "Litestream's answer has no txid and replicated_txid"))
            }
            // A 200 means the sync, which began after the caller's commit, reached the store
            // (Litestream's SyncAndWait): the commit is there. `txid` is read after the wait
            // and may already count a later commit of another writer, so it is not compared.
            return .success(Confirmation(txid: UInt64(txid), replicatedTXID: UInt64(replicated)))
        }
    }

    /// Whether Litestream answers on the socket (`GET /info`), for `/readyz`.
    func isReachable(timeout: Duration = .milliseconds(500)) -> Result<Void, Failure> {
        exchange(method: "GET", path: "/info", body: [], timeout: timeout).flatMap { status, _ in
            status == 200 ? .success(()) : .failure(Failure(description: "Litestream answered /info with \(status)"))
        }
    }

    /// One request on a new connection (`Connection: close`), read to the end; the status and
    /// the body (de-chunked).
    private func exchange(method: String, path: String, body: [UInt8], timeout: Duration) -> Result<(Int, [UInt8]), Failure> {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return .failure(Failure(description: "cannot make a socket: errno \(errno)")) }
        defer { close(descriptor) }
        var wait = timeval(tv_sec: Int(timeout.components.seconds) + 1, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(socketPath.utf8)
        guard pathBytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            return .failure(Failure(description: "the control socket path is too long"))
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
            raw[pathBytes.count] = 0
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            return .failure(Failure(description: "Litestream's control socket \(socketPath) does not answer (errno \(errno))"))
        }
        var request = Array("\(method) \(path) HTTP/1.1\r\nHost: litestream\r\nConnection: close\r\n".utf8)
        if method == "POST" {
            request += Array("Content-Type: application/json\r\nContent-Length: \(body.count)\r\n".utf8)
        }
        request += Array("\r\n".utf8) + body
        var sent = 0
        while sent < request.count {
            let count = request[sent...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return .failure(Failure(description: "writing to Litestream failed (errno \(errno))")) }
            sent += count
        }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while response.count < 1 << 20 {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            guard count > 0 else {
                return .failure(Failure(description: errno == EAGAIN
                    ? "Litestream did not answer within \(timeout)" : "reading from Litestream failed (errno \(errno))"))
            }
            response += buffer[..<count]
        }
        return Self.parse(response).map { .success($0) } ?? .failure(Failure(description: "Litestream's answer is not HTTP"))
    }

    /// The status and body of an HTTP/1.1 response read to its end.
    static func parse(_ response: [UInt8]) -> (Int, [UInt8])? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard response.count > 12, let end = response.indices.first(where: { response[$0...].starts(with: separator) }) else {
            return nil
        }
        let head = String(decoding: response[..<end], as: UTF8.self)
        let statusText = head.split(separator: " ", maxSplits: 2).dropFirst().first
        guard let statusText, let status = Int(statusText) else { return nil }
        let body = Array(response[(end + 4)...])
        guard head.lowercased().contains("transfer-encoding: chunked") else { return (status, body) }
        var decoded: [UInt8] = []
        var offset = 0
        while offset < body.count {
            guard let lineEnd = body[offset...].indices.first(where: { body[$0...].starts(with: [13, 10]) }),
                  let size = Int(String(decoding: body[offset..<lineEnd], as: UTF8.self).split(separator: ";")[0], radix: 16)
            else { return nil }
            if size == 0 { break }
            let start = lineEnd + 2
            guard start + size <= body.count else { return nil }
            decoded += body[start..<(start + size)]
            offset = start + size + 2
        }
        return (status, decoded)
    }
}
