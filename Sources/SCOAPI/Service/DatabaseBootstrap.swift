import SCOData
import SQLiteStore

/// Opens the server's database: creates it, applies pending migrations, seeds an empty one.
enum DatabaseBootstrap {
    static func prepare(path: String, seedIfEmpty: Bool, logger: Logger) throws -> Database {
        let started = MonotonicClock.microseconds()
        let (database, report) = try Dataset.open(path: path, createIfMissing: true, seedIfEmpty: seedIfEmpty)
        var fields: [(String, LogValue)] = [
            ("path", .string(path)), ("created", .bool(report.createdFile)),
            ("migrationsApplied", .string(report.migrationsApplied.joined(separator: ","))),
            ("durationUs", .int(Int(MonotonicClock.microseconds() - started))),
        ]
        switch report.seeding {
        case .seeded: fields.append(("seeding", .string("seeded the bundled fixture")))
        case .alreadySeeded: fields.append(("seeding", .string("already seeded")))
        case .notSeeded(let hasRecords): fields.append(("seeding", .string(hasRecords ? "not seeded: holds other data" : "not seeded: empty")))
        }
        logger.info(report.description, fields)
        return database
    }
}
