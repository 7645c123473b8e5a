import HTTPServer
import SCOAPI
import SCOData

/// Opens the server's store: the SQLite file created if missing, its pending migrations
/// applied, an empty one seeded; says what was done in one log line.
enum DatabaseBootstrap {
    static func open(path: String, seedIfEmpty: Bool, logger: Logger) throws -> SQLiteDatasetStore {
        let started = MonotonicInstant.now()
        let (store, report) = try SQLiteDatasetStore.open(path: path, createIfMissing: true, seedIfEmpty: seedIfEmpty)
        var fields: [(String, LogValue)] = [
            ("path", .string(path)), ("created", .bool(report.createdFile)),
            ("migrationsApplied", .string(report.migrationsApplied.joined(separator: ","))),
            ("durationUs", .int(Int(MonotonicInstant.now().since(started).nanoseconds / 1000))),
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
