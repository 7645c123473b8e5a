import Foundation
import SQLiteStore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// kill -9 in the middle of seeding, then a restart (issue 8 item 4): the file passes
/// `PRAGMA integrity_check`, holds one whole dataset (never part of one), holds what was
/// acknowledged, and a restarted server is ready.
@Suite(.serialized) struct DatabaseFaultKillTests {
    @Test func killedWhileSeedingAFreshDatabaseLeavesNothingOrEverything() throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fixture = try FaultFiles.largeFixture(events: 3000, variant: "m", in: directory)
        for round in 0..<3 {
            let path = directory.appendingPathComponent("fresh-\(round).sqlite").path
            let run = try KilledRun(["seed", "--database", path, fixture], killWhenWALExceeds: 512 * 1024 * (round + 1), of: path)
            #expect(run.exitStatus == nil || run.exitStatus == 0, "round \(round): \(run)")
            #expect(try FaultFiles.integrityCheck(path) == ["ok"], "round \(round)")
            let state = try FaultFiles.datasetState(path)
            if run.exitStatus == 0 {
                #expect(state.events == 3015, "round \(round): acknowledged but holds \(state)")
            } else {
                #expect(state.checksum == nil && state.events == 0 || state.checksum != nil && state.events == 3015,
                        "round \(round): holds part of a seed: \(state)")
            }
            try expectReadyAfterRestart(path)
        }
    }

    @Test func killedWhileReseedingKeepsTheAcknowledgedDataset() throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try FaultFiles.seededDatabase(in: directory)
        let fixtures = [
            try FaultFiles.largeFixture(events: 3000, variant: "a", in: directory),
            try FaultFiles.largeFixture(events: 3007, variant: "b", in: directory),
        ]
        let first = try LaunchedCommand.run(["seed", "--replace", "--database", path, fixtures[0]])
        try #require(first.exitStatus == 0, "\(first)")
        var acknowledged = try FaultFiles.datasetState(path)
        #expect(acknowledged.events == 3015)
        var killedMidway = 0
        for round in 0..<3 {
            let fixture = fixtures[(round + 1) % 2]
            let run = try KilledRun(["seed", "--replace", "--database", path, fixture],
                                    killWhenWALExceeds: 1024 * 1024, of: path)
            #expect(try FaultFiles.integrityCheck(path) == ["ok"], "round \(round)")
            let state = try FaultFiles.datasetState(path)
            let target = (round + 1) % 2 == 0 ? 3015 : 3022
            if run.exitStatus == 0 {
                #expect(state.events == target, "round \(round): the seed was acknowledged but the file holds \(state)")
            } else {
                #expect(run.exitStatus == nil, "round \(round): \(run)")
                #expect(state == acknowledged || state.events == target, "round \(round): holds \(state)")
                if state == acknowledged { killedMidway += 1 }
            }
            acknowledged = state
            try expectReadyAfterRestart(path)
        }
        #expect(killedMidway > 0, "no kill landed before a commit; the test did not test anything")
    }

    private func expectReadyAfterRestart(_ path: String) throws {
        let server = try LaunchedServer(database: path)
        #expect(try curl(server.baseURL + "/readyz").status == 200)
        #expect(try curl(server.baseURL + "/v1/timeline?limit=1").status == 200)
        #expect(server.terminate() == 0)
    }
}

/// A command killed with SIGKILL once the database's WAL has grown past a size: in the middle
/// of a large transaction, since SQLite spills pages to the WAL before the commit.
struct KilledRun: CustomStringConvertible {
    /// nil when it was killed; its exit status when it finished first.
    var exitStatus: Int32?

    var description: String { exitStatus.map { "exit \($0)" } ?? "killed" }

    init(_ arguments: [String], killWhenWALExceeds bytes: Int, of database: String, timeout: Double = 120) throws {
        let process = Process()
        process.executableURL = ServerProcess.binary
        process.arguments = arguments
        process.environment = childEnvironment()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        var info = stat()
        // Watching the file is the trigger, not a wait for something to settle: poll stat(2).
        while process.isRunning, Date() < deadline {
            if stat(database + "-wal", &info) == 0, Int(info.st_size) > bytes {
                kill(process.processIdentifier, SIGKILL)
                break
            }
            sched_yield()
        }
        process.waitUntilExit()
        exitStatus = process.terminationReason == .uncaughtSignal ? nil : process.terminationStatus
    }
}

/// Files for the fault tests: a seeded database, a large fixture, damage, and checks.
enum FaultFiles {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `sco-api seed` of the bundled fixture into `directory/sco.sqlite`.
    static func seededDatabase(in directory: URL) throws -> String {
        let path = directory.appendingPathComponent("sco.sqlite").path
        let outcome = try LaunchedCommand.run(["seed", "--database", path])
        try #require(outcome.exitStatus == 0, "\(outcome)")
        return path
    }

    /// The bundled fixture plus `events` copies of its events under new ids (`variant` makes
    /// the titles, and so the checksum, differ between two fixtures of one size).
    static func largeFixture(events: Int, variant: String, in directory: URL) throws -> String {
        let source = repository.appendingPathComponent("Fixtures/sco-dushanbe-2008.json")
        var document = try JSONSerialization.jsonObject(with: Data(contentsOf: source)) as! [String: Any]
        let originals = document["events"] as! [[String: Any]]
        var all = originals
        for number in 0..<events {
            var event = originals[number % originals.count]
            event["id"] = "synthetic-\(variant)-\(number)"
            event["title"] = "Synthetic event \(number) (\(variant)) after \(event["title"] as! String)"
            all.append(event)
        }
        document["events"] = all
        let path = directory.appendingPathComponent("fixture-\(variant)-\(events).json").path
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A valid new timeline event for POST /v1/timeline.
    static func eventBody(id: String) -> String {
        """
        {"id": "\(id)", "date": {"value": "2008-08-28", "precision": "day"}, "kind": "diplomatic",
         "title": "Torture write \(id)", "summary": "An event written by the fault tests.", "actors": ["CN", "KZ"],
         "regions": ["south-ossetia"], "sources": [{"sourceId": "article-2008-08-28-sco-dushanbe",
         "quote": "none of the other alliance members joined Russia in recognizing the independence claims"}]}
        """
    }

    static func integrityCheck(_ path: String) throws -> [String] {
        let connection = try SQLiteConnection(path: path, mode: .readWrite)
        return try connection.query("PRAGMA integrity_check") { try $0.string(0) }
    }

    struct DatasetState: Equatable, CustomStringConvertible {
        var checksum: String?
        var events: Int
        var searchRows: Int
        var description: String { "checksum \(checksum?.prefix(12) ?? "none"), \(events) events, \(searchRows) search rows" }
    }

    /// What the file holds; an empty state when it has no schema yet.
    static func datasetState(_ path: String) throws -> DatasetState {
        let connection = try SQLiteConnection(path: path, mode: .readWrite)
        let hasSchema = try connection.queryFirst("SELECT 1 FROM sqlite_master WHERE name = 'dataset'") { _ in true } ?? false
        guard hasSchema else { return DatasetState(checksum: nil, events: 0, searchRows: 0) }
        return DatasetState(
            checksum: try connection.queryFirst("SELECT checksum FROM dataset WHERE id = 1") { try $0.string(0) },
            events: try connection.queryFirst("SELECT count(*) FROM events") { try $0.int(0) } ?? 0,
            searchRows: try connection.queryFirst("SELECT count(*) FROM search") { try $0.int(0) } ?? 0)
    }

    static func rootPage(of table: String, in path: String) throws -> Int {
        let connection = try SQLiteConnection(path: path, mode: .readOnly)
        return try #require(try connection.queryFirst("SELECT rootpage FROM sqlite_master WHERE name = ?", [.text(table)]) {
            try $0.int(0)
        })
    }

    /// Overwrites one 4 KiB page (numbered from 1) with a repeated byte.
    static func overwritePage(_ page: Int, of path: String) throws {
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64((page - 1) * 4096))
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 4096))
    }
}
