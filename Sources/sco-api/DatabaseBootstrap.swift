import HTTPServer
import SCOAPI
import SCOData

/// Opens the server's store: the SQLite file created if missing, its pending migrations
/// applied, an empty one seeded; says what was done in one log line.
enum DatabaseBootstrap {
    static func open(path: String, seedIfEmpty: Bool, role: ReplicationRole = .single, logger: Logger) throws -> SQLiteDatasetStore {
        let started = MonotonicInstant.now()
        if role == .replica {
            // The follower made the file; a replica reads it as it is, never migrates or seeds.
            let store = try SQLiteDatasetStore.openReplica(path: path)
            logger.info("opened the replica's copy read-only", [("path", .string(path))])
            return store
        }
        let (store, report) = try SQLiteDatasetStore.open(
            path: path, createIfMissing: true, seedIfEmpty: seedIfEmpty, underLitestream: role == .primary)
        var fields: [(String, LogValue)] = [
            ("path", .string(path)), ("created", .bool(report.createdFile)),
            ("migrationsApplied", .string(report.migrationsApplied.joined(separator: ","))),
            ("durationUs", .int(MonotonicInstant.now().microseconds(since: started))),
        ]
        switch report.seeding {
        case .seeded: fields.append(("seeding", .string("seeded the bundled fixture")))
        case .alreadySeeded: fields.append(("seeding", .string("already seeded")))
        case .notSeeded(let hasRecords): fields.append(("seeding", .string(hasRecords ? "not seeded: holds other data" : "not seeded: empty")))
        }
        logger.info(report.description, fields)
        return store
    }
}
