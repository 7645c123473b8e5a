import Foundation
import Glibc
import SCOData
import SQLiteStore
import Testing
@testable import SCOAPI
import TestSupport

/// What a replica reads of Litestream's files: the header it flips, the `-txid` file, and the
/// replica store's listing it measures lag by. Real files in a temporary directory.
@Suite struct ReplicaFollowerTests {
    @Test func aRestoredWALFileIsSwitchedToRollbackJournalAndStaysReadable() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("restored.sqlite")
        let database = try Database(path: path)
        try database.write { try $0.execute("CREATE TABLE t(x); INSERT INTO t VALUES (1)") }
        try database.checkpoint(.truncate)
        #expect(try Self.header(path) == [2, 2], "a WAL database says so in bytes 18 and 19")

        try ReplicaFollower.useRollbackJournal(path)
        #expect(try Self.header(path) == [1, 1])
        try ReplicaFollower.useRollbackJournal(path)  // a second time changes nothing
        #expect(try Self.header(path) == [1, 1])

        let replica = try SQLiteDatasetStore.openReplica(path: path)
        let reader = try replica.database.makeReader()
        #expect(try reader.queryFirst("PRAGMA journal_mode") { try $0.string(0) } == "delete")
        #expect(try reader.queryFirst("SELECT x FROM t") { try $0.int(0) } == 1)
        #expect(throws: (any Error).self) { try replica.database.write { try $0.execute("INSERT INTO t VALUES (2)") } }
    }

    @Test func notADatabaseIsRefused() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("empty")
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        #expect(throws: ReplicationError.self) { try ReplicaFollower.useRollbackJournal(path) }
    }

    @Test func readsLitestreamsTXIDFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("db-txid")
        try "00000000000002be\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(ReplicaFollower.readTXID(path) == 0x2be)
        try "not hex\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(ReplicaFollower.readTXID(path) == nil)
        #expect(ReplicaFollower.readTXID(directory.file("missing")) == nil)
    }

    @Test func lagIsTheAgeOfTheOldestTransactionNotYetApplied() throws {
        let directory = try TemporaryDirectory()
        let store = directory.file("store")
        let now = Date().timeIntervalSince1970
        // Level 0 holds transactions 5..9; 6 and 7 were written 4 s and 2 s ago.
        for (low, high, age) in [(5, 5, 9.0), (6, 6, 4.0), (7, 7, 2.0)] as [(UInt64, UInt64, Double)] {
            try Self.ltx(in: store + "/ltx/0", low, high, writtenAt: now - age)
        }
        try Self.ltx(in: store + "/ltx/1", 1, 5, writtenAt: now - 60)
        _ = FileManager.default.createFile(atPath: store + "/ltx/0/notes.txt", contents: Data())
        let database = directory.file("replica.sqlite")
        let follower = ReplicaFollower(
            databasePath: database, replicaURL: "file://" + store, litestreamPath: "litestream",
            followInterval: .milliseconds(200), logger: Logger(level: .error, sink: LogSink.makeMemory()))

        #expect(follower.position(now: now).appliedTXID == nil, "before the first restore")
        try "0000000000000005\n".write(toFile: database + "-txid", atomically: false, encoding: .utf8)
        var position = follower.position(now: now)
        #expect(position.appliedTXID == 5)
        #expect(position.storeTXID == 7)
        #expect(abs((position.lagSeconds ?? 0) - 4) < 0.01)

        try "0000000000000007\n".write(toFile: database + "-txid", atomically: false, encoding: .utf8)
        position = follower.position(now: now)
        #expect(position.lagSeconds == 0)

        let remote = ReplicaFollower(
            databasePath: database, replicaURL: "s3://bucket/sco", litestreamPath: "litestream",
            followInterval: .milliseconds(200), logger: Logger(level: .error, sink: LogSink.makeMemory()))
        #expect(remote.position(now: now).lagSeconds == nil, "an object store not listed yet")
        #expect(remote.position(now: now).appliedTXID == 7)
        // As `litestream ltx` lists it: transactions 8 and 9 written 3 s and 1 s ago.
        remote.keep(listing: [(7, now - 10), (8, now - 3), (9, now - 1)])
        #expect(remote.position(now: now).storeTXID == 9)
        #expect(abs((remote.position(now: now).lagSeconds ?? 0) - 3) < 0.01)
    }

    @Test func readsLitestreamsListingOfAStore() throws {
        let output = Array("""
            [
              {"level": 0, "min_txid": "0000000000000001", "max_txid": "0000000000000001", "size": 129547, "timestamp": "2026-12-06T18:14:48Z"},
              {"level": 0, "min_txid": "0000000000000002", "max_txid": "00000000000002be", "size": 4659, "timestamp": "2026-12-06T18:14:49.250Z"}
            ]
            """.utf8)
        let listing = try #require(ReplicaFollower.parseListing(output))
        #expect(listing.map(\.maxTXID) == [1, 0x2be])
        #expect(listing.map(\.written) == [1_796_580_888, 1_796_580_889.25])
        #expect(ReplicaFollower.parseListing(Array("not json".utf8)) == nil)
        #expect(ReplicaFollower.parseListing(Array(#"[{"max_txid": "zz", "timestamp": "2026-12-06T18:14:48Z"}]"#.utf8)) == nil)
        #expect(ReplicaFollower.epochSeconds("1970-01-01T00:00:00Z") == 0)
        #expect(ReplicaFollower.epochSeconds("yesterday") == nil)
    }

    @Test func runsACommandForItsOutput() throws {
        #expect(try ChildProcess.run(["printf", "[]"]) == Array("[]".utf8))
        #expect(throws: ReplicationError.self) { try ChildProcess.run(["false"]) }
        #expect(throws: ReplicationError.self) { try ChildProcess.run(["/nonexistent/litestream", "ltx"]) }
    }

    @Test func aPathIsGivenToLitestreamAsAFileURL() {
        #expect(Replication.litestreamURL("/srv/store") == "file:///srv/store")
        #expect(Replication.litestreamURL("s3://bucket/sco") == "s3://bucket/sco")
        #expect(Replication.litestreamURL("store").hasPrefix("file:///"))
        #expect(Replication.litestreamURL("store").hasSuffix("/store"))
    }

    private static func header(_ path: String) throws -> [UInt8] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return Array(data[18..<20])
    }

    private static func ltx(in directory: String, _ low: UInt64, _ high: UInt64, writtenAt time: Double) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let name = String(format: "%016llx-%016llx.ltx", low, high)
        let path = directory + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data([0x4c, 0x54, 0x58]))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: time)], ofItemAtPath: path)
    }
}
