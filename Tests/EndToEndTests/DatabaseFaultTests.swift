import Foundation
import SQLiteStore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Database faults against the built binary (issue 8 item 4): each gives a clear message and
/// exit code 1, or 503 problems, never a death by signal, and never changes the file.
/// Full disks (a tmpfs) and the load scenarios are in `Scripts/torture`.
@Suite(.serialized) struct DatabaseFaultTests {
    @Test func aFileThatIsNotADatabaseIsRefusedByEveryCommandAndLeftAlone() throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: directory) }
        var random = SystemRandomNumberGenerator()
        let contents: [String: Data] = [
            "text": Data(String(repeating: "This is a text file, not an SQLite database.\n", count: 40).utf8),
            "random": Data((0..<65536).map { _ in UInt8.random(in: 0...255, using: &random) }),
            "zeros": Data(count: 8192),
        ]
        for (name, content) in contents {
            let path = directory.appendingPathComponent("\(name).sqlite").path
            try content.write(to: URL(fileURLWithPath: path))
            for command in [["serve", "--port", "0"], ["seed"], ["migrate"]] {
                let outcome = try LaunchedCommand.run(command + ["--database", path])
                #expect(outcome.exitStatus == 1, "\(name): \(command[0]) \(outcome)")
                #expect(outcome.stderr.contains("not an SQLite database"), "\(name): \(command[0]) \(outcome.stderr)")
            }
            #expect(FileManager.default.contents(atPath: path) == content, "\(name) was changed")
            for suffix in ["-wal", "-shm", "-journal"] {
                #expect(!FileManager.default.fileExists(atPath: path + suffix), "\(name) left \(suffix)")
            }
        }
    }

    @Test func aTruncatedDatabaseIsRefusedOrAnswered503NeverA500() throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: directory) }
        let seeded = try FaultFiles.seededDatabase(in: directory)
        let whole = try Data(contentsOf: URL(fileURLWithPath: seeded))
        for length in [100, 4096, whole.count / 2, whole.count - 4096, whole.count - 100] {
            let path = directory.appendingPathComponent("cut-\(length).sqlite").path
            try whole.prefix(length).write(to: URL(fileURLWithPath: path))
            try expectRefusedOrUnavailable(path, label: "truncated to \(length) bytes")
        }
    }

    @Test func aDamagedPageIsA503ProblemAndTheRestStillAnswers() throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try FaultFiles.seededDatabase(in: directory)
        let rootPage = try FaultFiles.rootPage(of: "events", in: path)
        try FaultFiles.overwritePage(rootPage, of: path)
        let before = FileManager.default.contents(atPath: path)
        let server = try LaunchedServer(database: path)
        let timeline = try curl(server.baseURL + "/v1/timeline")
        #expect(timeline.status == 503)
        #expect(timeline.headers.lowercased().contains("content-type: application/problem+json"))
        #expect(timeline.headers.lowercased().contains("retry-after:"))
        #expect(timeline.body.contains(#""status":503"#))
        #expect(try curl(server.baseURL + "/v1/member-states").status == 200)
        #expect(try curl(server.baseURL + "/healthz").status == 200)
        #expect(server.terminate() == 0)
        #expect(server.standardErrorText().contains("database disk image is malformed"))
        #expect(FileManager.default.contents(atPath: path) == before, "serving changed the damaged file")
    }

    @Test func aReadOnlyDirectoryIsAClearRefusal() throws {
        let directory = try TemporaryDirectory.make()
        defer {
            chmod(directory.path, 0o755)
            try? FileManager.default.removeItem(at: directory)
        }
        let writable = try FaultFiles.seededDatabase(in: directory)
        let locked = directory.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false)
        let existing = locked.appendingPathComponent("sco.sqlite").path
        try FileManager.default.copyItem(atPath: writable, toPath: existing)
        chmod(existing, 0o444)
        chmod(locked.path, 0o555)
        // Root may write anywhere: run the commands as nobody (setpriv, util-linux) when root.
        let asUser = geteuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        let before = FileManager.default.contents(atPath: existing)
        let cases = [
            ["serve", "--port", "0", "--database", existing],
            ["serve", "--port", "0", "--database", locked.appendingPathComponent("new.sqlite").path],
            ["seed", "--database", existing],
            ["migrate", "--database", existing],
        ]
        for arguments in cases {
            let outcome = try LaunchedCommand.run(arguments, prefix: asUser)
            #expect(outcome.exitStatus == 1, "\(arguments): \(outcome)")
            #expect(outcome.stderr.contains("read-only"), "\(arguments): \(outcome.stderr)")
        }
        #expect(FileManager.default.contents(atPath: existing) == before)
        #expect(!FileManager.default.fileExists(atPath: locked.appendingPathComponent("new.sqlite").path))
    }

    @Test func aFileSizeLimitFailsTheSeedCleanlyNotBySIGXFSZ() throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try FaultFiles.seededDatabase(in: directory)
        let before = try FaultFiles.datasetState(path)
        let fixture = try FaultFiles.largeFixture(events: 3000, variant: "a", in: directory)
        // 1,600 blocks: 800 KiB (Debian's sh, dash, counts 512-byte blocks); the seeded
        // file is about 360 KiB and the fixture needs several MiB.
        let outcome = try LaunchedCommand.run(["seed", "--replace", "--database", path, fixture], fileSizeBlocks: 1600)
        #expect(outcome.exitStatus == 1, "\(outcome)")
        #expect(outcome.stderr.contains("rolled back"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("File too large") || outcome.stderr.contains("full"), "\(outcome.stderr)")
        #expect(try FaultFiles.integrityCheck(path) == ["ok"])
        #expect(try FaultFiles.datasetState(path) == before)
        let fresh = directory.appendingPathComponent("fresh.sqlite").path
        // 1,024 of sh's 512-byte blocks, 512 KiB: the migrations fit, the seed's commit does not.
        // (Much lower and a ThreadSanitizer build dies at start, before main, whatever it runs.)
        let serve = try LaunchedCommand.run(["serve", "--port", "0", "--database", fresh], fileSizeBlocks: 1024)
        #expect(serve.exitStatus == 1, "\(serve)")
    }

    @Test func writesPastTheFileSizeLimitAre503ProblemsAndEveryAcknowledgedOneStays() throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try FaultFiles.seededDatabase(in: directory)
        let token = "torture-token-0123456789abcdef"
        // 1,200 blocks: 600 KiB or 1.2 MiB; the seeded file is about 360 KiB, and each write
        // appends its pages to the WAL.
        let server = try LaunchedServer(database: path, fileSizeBlocks: 1200,
                                        environment: ["SCO_API_TOKENS": "torture:\(token)"])
        var acknowledged: [String] = []
        var refusal: (status: Int, headers: String, body: String)?
        for number in 0..<2000 {
            let id = "fsize-\(number)"
            let answer = try curl(server.baseURL + "/v1/timeline", [
                "-X", "POST", "-H", "Authorization: Bearer \(token)", "-H", "Content-Type: application/json",
                "--data-binary", FaultFiles.eventBody(id: id),
            ])
            if answer.status == 201 {
                acknowledged.append(id)
            } else {
                refusal = answer
                break
            }
        }
        let refused = try #require(refusal, "2,000 writes fitted under the limit")
        #expect(refused.status == 503, "\(refused.body)")
        #expect(refused.headers.lowercased().contains("application/problem+json"))
        #expect(!acknowledged.isEmpty)
        #expect(try curl(server.baseURL + "/v1/timeline?limit=1").status == 200)
        #expect(server.terminate() == 0)
        #expect(try FaultFiles.integrityCheck(path) == ["ok"])
        let restarted = try LaunchedServer(database: path)
        for id in acknowledged {
            #expect(try curl(restarted.baseURL + "/v1/timeline/\(id)").status == 200, "\(id) was acknowledged")
        }
        #expect(restarted.terminate() == 0)
    }

    /// Starts `serve` on a damaged file: it refuses (exit 1 with an error line), or every
    /// probe is the right answer or a 503 problem; either way the file is unchanged.
    private func expectRefusedOrUnavailable(_ path: String, label: String) throws {
        let before = FileManager.default.contents(atPath: path)
        let server: LaunchedServer
        do {
            server = try LaunchedServer(database: path)
        } catch let refusal as LaunchedServer.Refusal {
            #expect(refusal.outcome.exitStatus == 1, "\(label): \(refusal.outcome)")
            #expect(refusal.outcome.stderr.contains(#""level":"error""#), "\(label): \(refusal.outcome.stderr)")
            #expect(FileManager.default.contents(atPath: path) == before, "\(label): the file was changed")
            return
        }
        for probe in ["/v1/timeline", "/v1/member-states", "/v1/statements", "/v1/search?q=georgia", "/v1/summit",
                      "/v1/people", "/v1/declaration/clauses", "/readyz"] {
            let answer = try curl(server.baseURL + probe)
            #expect([200, 503].contains(answer.status), "\(label): \(probe) answered \(answer.status)")
            if answer.status == 503 {
                #expect(answer.headers.lowercased().contains("application/problem+json"), "\(label): \(probe)")
            }
        }
        #expect(server.terminate() == 0, "\(label)")
        #expect(FileManager.default.contents(atPath: path) == before, "\(label): serving changed the file")
    }
}
