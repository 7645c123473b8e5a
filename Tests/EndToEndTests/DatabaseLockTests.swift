import Foundation
import Testing

/// Another process holding the locks a WAL reader needs: reads answer 503 with `Retry-After`
/// promptly, instead of waiting out SQLite's lock retries (close to 10 s) on the event loop, and
/// answer 200 again once the locks are let go.
@Suite struct DatabaseLockTests {
    /// Holds exclusive POSIX locks on the WAL index's five read-mark bytes (offsets 123–127 of
    /// `<database>-shm`, sqlite.org/walformat.html §2.3), so that no connection can begin a read
    /// transaction; prints `held` once it has them and lets go when its standard input closes.
    static let holder = """
        import fcntl, os, sys, time
        fd = os.open(sys.argv[1], os.O_RDWR)
        for _ in range(20000):
            try:
                fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 5, 123)
                break
            except OSError:
                time.sleep(0.001)
        else:
            sys.exit("could not take the read-mark locks")
        print("held", flush=True)
        sys.stdin.read()
        """

    @Test func readsAreAnswered503WithinASecondWhileAnotherProcessHoldsTheReadLocks() throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("sco.sqlite").path
        let server = try LaunchedServer(database: path)
        #expect(try curl(server.baseURL + "/v1/timeline?limit=1").status == 200)

        let lock = Process()
        lock.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        lock.arguments = ["python3", "-c", Self.holder, path + "-shm"]
        let input = Pipe()
        let output = Pipe()
        lock.standardInput = input
        lock.standardOutput = output
        try lock.run()
        let said = String(decoding: output.fileHandleForReading.readData(ofLength: 5), as: UTF8.self)
        try #require(said.hasPrefix("held"), "the lock holder said \(said.debugDescription)")

        let clock = ContinuousClock()
        var slowest = Duration.zero
        for limit in 2...7 {
            // A target not asked before, so no cached answer stands in for the read.
            let started = clock.now
            let answer = try curl(server.baseURL + "/v1/timeline?limit=\(limit)", ["--max-time", "20"])
            slowest = max(slowest, clock.now - started)
            #expect(answer.status == 503, "limit=\(limit): \(answer.status) \(answer.body)")
            #expect(answer.headers.lowercased().contains("retry-after: 1"))
            #expect(answer.body.contains("busy"), "\(answer.body)")
        }
        #expect(slowest < .seconds(1), "the slowest refused read took \(slowest)")
        #expect(try curl(server.baseURL + "/healthz").status == 200, "the server answers what needs no read")

        try input.fileHandleForWriting.close()
        lock.waitUntilExit()
        #expect(try curl(server.baseURL + "/v1/timeline?limit=2").status == 200, "reads resume once the locks go")
        #expect(server.terminate() == 0)
    }
}
