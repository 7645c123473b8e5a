import Foundation
import Glibc
import HTTPServer
import Testing
@testable import SCOAPI

/// Idempotency keys, the replica's refusal of writes, `SCO-Seq` and `SCO-Min-Seq`, and durable
/// writes against a control socket that fails: the API's side of replication, in-process.
@Suite struct ReplicationAPITests {
    static let source = #"{"title": "Idempotency", "publisher": "tests", "publishedOn": "2008-08-29", "language": "en", "text": "One."}"#

    private func put(_ api: APIHarness, _ target: String, _ body: String = Self.source, key: String?, token: String = WriteSupport.secret) throws -> HTTPResponse {
        var headers = [("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")]
        if let key { headers.append(("Idempotency-Key", key)) }
        return try api.send(target, method: .put, headers: headers, body: Array(body.utf8))
    }

    private func changeCount(_ api: APIHarness) throws -> Int {
        try #require(api.json("/v1/changes?limit=1")["total"] as? Int)
    }

    @Test func aRetriedWriteGetsTheFirstAnswerAndWritesOnce() throws {
        let api = try WriteSupport.harness()
        let before = try changeCount(api)
        let first = try put(api, "/v1/sources/idem-1", key: "8e0f2c1a-retry")
        #expect(first.status == .created)
        #expect(first.headers["Idempotent-Replayed"] == nil)
        let again = try put(api, "/v1/sources/idem-1", key: "\"8e0f2c1a-retry\"")
        #expect(again.status == .created, "the replay is the first answer, 201, not the 200 a second PUT would get")
        #expect(again.headers["Idempotent-Replayed"] == "true")
        #expect(again.body == first.body)
        #expect(again.headers[.etag] == first.headers[.etag])
        #expect(again.headers[.location] == first.headers[.location])
        #expect(try changeCount(api) == before + 1)

        // The same key on another request is refused, and nothing is written.
        let other = try put(api, "/v1/sources/idem-2", key: "8e0f2c1a-retry")
        #expect(other.status.code == 422)
        #expect(other.object["type"] as? String == "/problems/idempotency-key-reused")
        #expect(try api.send("/v1/sources/idem-2").status == .notFound)
        #expect(try changeCount(api) == before + 1)
    }

    @Test func keysBelongToTheirTokenAndBadKeysAreRefused() throws {
        let api = try APIHarness {
            $0.tokens = [APIToken(name: "editor", secret: WriteSupport.secret), APIToken(name: "other", secret: "other-secret-0123456789")]
        }
        #expect(try put(api, "/v1/sources/idem-a", key: "shared").status == .created)
        let otherToken = try put(api, "/v1/sources/idem-b", key: "shared", token: "other-secret-0123456789")
        #expect(otherToken.status == .created, "another token's key of the same name is its own")
        for bad in ["", "has space", String(repeating: "k", count: 256), "quote\"inside"] {
            let response = try put(api, "/v1/sources/idem-c", key: bad)
            #expect(response.status == .badRequest, "key \(bad.debugDescription)")
            #expect(response.object["header"] as? String == "Idempotency-Key")
        }
        #expect(try api.send("/v1/sources/idem-c").status == .notFound)
    }

    @Test func aRefusedWriteKeepsNothingSoItsRetryIsJudgedAnew() throws {
        let api = try WriteSupport.harness()
        let invalid = try put(api, "/v1/sources/idem-x", #"{"title": 5}"#, key: "judged-anew")
        #expect(invalid.status.code == 422)
        #expect(try put(api, "/v1/sources/idem-x", key: "judged-anew").status == .created)
    }

    /// A primary keeps its read transaction from one wake-up to the next until the loop goes
    /// idle; a replica lets go after every wake-up, so Litestream's follower can apply changes.
    @Test func onlyAReplicaEndsItsReadTransactionWithEveryWakeUp() throws {
        var settings = ReplicationSettings()
        for role in [ReplicationRole.single, .replica] {
            settings.role = role
            let api = try APIHarness(replication: Replication(settings: settings, control: nil, follower: nil))
            #expect(try api.send("/v1/timeline", endsWakeUp: false).status == .ok)
            let handler = try #require(api.handler())
            #expect(handler.holdsReadTransaction, "\(role)")
            handler.didProcessEvents()
            #expect(handler.holdsReadTransaction == (role != .replica), "\(role)")
            handler.didBecomeIdle()
            #expect(!handler.holdsReadTransaction, "\(role)")
        }
    }

    @Test func aReplicaSendsWritesToThePrimary() throws {
        var settings = ReplicationSettings()
        settings.role = .replica
        settings.primaryURL = "http://primary.example:8080/"
        let redirecting = try APIHarness(replication: Replication(settings: settings, control: nil, follower: nil)) {
            $0.tokens = [APIToken(name: "editor", secret: WriteSupport.secret)]
        }
        let redirected = try put(redirecting, "/v1/sources/on-a-replica", key: nil)
        #expect(redirected.status.code == 307)
        #expect(redirected.headers[.location] == "http://primary.example:8080/v1/sources/on-a-replica")
        #expect(redirected.object["type"] as? String == "/problems/read-only-replica")
        #expect(redirected.text.contains("http://primary.example:8080/"))
        #expect(redirected.headers["SCO-Seq"] != nil)

        settings.primaryURL = nil
        let refusing = try APIHarness(replication: Replication(settings: settings, control: nil, follower: nil)) {
            $0.tokens = [APIToken(name: "editor", secret: WriteSupport.secret)]
        }
        let refused = try refusing.write(.delete, "/v1/sources/\(WriteSupport.article)")
        #expect(refused.status.code == 421)
        #expect(refused.headers[.location] == nil)
        #expect(try refusing.send("/v1/sources/\(WriteSupport.article)").status == .ok, "nothing was deleted")
    }

    @Test func answersCarryTheSequenceAndAReadCanWaitForOne() throws {
        var settings = ReplicationSettings()
        settings.role = .primary
        settings.minSeqWait = .milliseconds(50)
        let api = try APIHarness(replication: Replication(settings: settings, control: nil, follower: nil)) {
            $0.tokens = [APIToken(name: "editor", secret: WriteSupport.secret)]
        }
        let start = try #require(try api.send("/v1/member-states").headers["SCO-Seq"].flatMap { Int($0) })
        let written = try put(api, "/v1/sources/seq-1", key: nil)
        let seq = try #require(written.headers["SCO-Seq"].flatMap { Int($0) })
        #expect(seq == start + 1)
        let read = try api.send("/v1/sources/seq-1", headers: [("SCO-Min-Seq", String(seq))])
        #expect(read.status == .ok)
        #expect(read.headers["SCO-Seq"] == String(seq))

        let behind = try api.send("/v1/sources/seq-1", headers: [("SCO-Min-Seq", String(seq + 5))])
        #expect(behind.status == .serviceUnavailable)
        #expect(behind.object["type"] as? String == "/problems/replica-behind")
        #expect(behind.object["wanted"] as? Int == seq + 5)
        #expect(behind.headers[.retryAfter] == "1")
        #expect(try api.send("/v1/sources/seq-1", headers: [("SCO-Min-Seq", "soon")]).status == .badRequest)

        let ready = try api.json("/readyz")
        let replication = try #require(ready["replication"] as? [String: Any])
        #expect(replication["role"] as? String == "primary")
        #expect(replication["seq"] as? Int == seq)
    }

    @Test func aSingleServerAddsNoSequenceHeader() throws {
        let api = try WriteSupport.harness()
        #expect(try api.send("/v1/member-states").headers["SCO-Seq"] == nil)
        #expect(try put(api, "/v1/sources/single", key: nil).headers["SCO-Seq"] == nil)
    }

    @Test func aDurableWriteThatLitestreamDoesNotConfirmIs503AndSaysItCommitted() throws {
        let control = try FakeControlSocket(syncStatus: 500)
        var settings = ReplicationSettings()
        settings.role = .primary
        settings.durable = true
        settings.confirmTimeout = .seconds(1)
        let replication = Replication(
            settings: settings, control: LitestreamControl(socketPath: control.path, databasePath: "/data/sco.sqlite"), follower: nil)
        let api = try APIHarness(replication: replication) { $0.tokens = [APIToken(name: "editor", secret: WriteSupport.secret)] }

        let unconfirmed = try put(api, "/v1/sources/durable-1", key: "durable-1")
        #expect(unconfirmed.status == .serviceUnavailable)
        #expect(unconfirmed.object["type"] as? String == "/problems/not-replicated")
        #expect(unconfirmed.object["committed"] as? Bool == true)
        #expect(unconfirmed.object["seq"] as? Int != nil)
        #expect(try api.send("/v1/sources/durable-1").status == .ok, "committed on the primary")
        #expect(control.requests.contains { $0.hasPrefix("POST /sync") && $0.contains(#""path":"/data/sco.sqlite""#) && $0.contains(#""wait":true"#) })

        // Once Litestream confirms, the retry with the same key answers the first write's 201.
        control.syncStatus = 200
        let retried = try put(api, "/v1/sources/durable-1", key: "durable-1")
        #expect(retried.status == .created)
        #expect(retried.headers["Idempotent-Replayed"] == "true")
        #expect(try api.send("/metrics").text.contains("sco_api_unreplicated_writes_total 1"))

        // Litestream gone: nothing is written.
        control.close()
        let unreachable = try put(api, "/v1/sources/durable-2", key: nil)
        #expect(unreachable.status == .serviceUnavailable)
        #expect(unreachable.object["committed"] as? Bool == false)
        #expect(try api.send("/v1/sources/durable-2").status == .notFound)
        let ready = try api.send("/readyz")
        #expect(ready.status == .serviceUnavailable, "a durable primary without Litestream is not ready")
        #expect(ready.text.contains("litestream"))
    }

    @Test func litestreamAnswersAreReadWithLengthOrChunks() throws {
        let plain = Array("HTTP/1.1 200 OK\r\nContent-Length: 12\r\n\r\n{\"txid\": 3}\n".utf8)
        #expect(LitestreamControl.parse(plain).map { $0.0 } == 200)
        #expect(LitestreamControl.parse(plain).map { String(decoding: $0.1, as: UTF8.self) } == "{\"txid\": 3}\n")
        let chunked = Array("HTTP/1.1 500 Internal Server Error\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n3\r\n 1}\r\n0\r\n\r\n".utf8)
        #expect(LitestreamControl.parse(chunked).map { String(decoding: $0.1, as: UTF8.self) } == "{\"a\": 1}")
        #expect(LitestreamControl.parse(Array("garbage".utf8)) == nil)
    }
}

/// A stand-in for Litestream's control socket on a real Unix socket: `/info` answers 200,
/// `/sync` answers `syncStatus` with Litestream's JSON, and every request is kept.
final class FakeControlSocket: @unchecked Sendable {
    let path: String
    private let listener: Int32
    private let lock = NSLock()
    private var status: Int
    private var received: [String] = []
    private var thread: Thread?

    var syncStatus: Int {
        get { lock.withLock { status } }
        set { lock.withLock { status = newValue } }
    }

    var requests: [String] { lock.withLock { received } }

    init(syncStatus: Int) throws {
        status = syncStatus
        path = FileManager.default.temporaryDirectory.appendingPathComponent("ls-\(UUID().uuidString.prefix(8)).sock").path
        listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: Array(path.utf8))
            raw[path.utf8.count] = 0
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0, listen(listener, 8) == 0 else { throw POSIXError(.EADDRINUSE) }
        let thread = Thread { [self] in serve() }
        self.thread = thread
        thread.start()
    }

    private func serve() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 { return }
            var buffer = [UInt8](repeating: 0, count: 4096)
            var request: [UInt8] = []
            // Read the head, then the body its Content-Length announces.
            while true {
                let count = recv(client, &buffer, buffer.count, 0)
                if count <= 0 { break }
                request += buffer[..<count]
                let text = String(decoding: request, as: UTF8.self)
                guard let end = text.range(of: "\r\n\r\n") else { continue }
                let length = text.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                    .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
                if text[end.upperBound...].utf8.count >= length { break }
            }
            let text = String(decoding: request, as: UTF8.self)
            let isSync = text.hasPrefix("POST /sync")
            let code = isSync ? syncStatus : 200
            let body = code == 200
                ? #"{"status":"synced","path":"/data/sco.sqlite","txid":7,"replicated_txid":7}"#
                : #"{"error":"sync database: replica unreachable"}"#
            lock.withLock { received.append(text) }
            let response = Array("HTTP/1.1 \(code) X\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)".utf8)
            _ = response.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            Glibc.close(client)
        }
    }

    /// Stops answering: the socket file goes, so a client finds nobody there.
    func close() {
        unlink(path)
        shutdown(listener, Int32(SHUT_RDWR))
        Glibc.close(listener)
    }

    deinit {
        unlink(path)
    }
}
