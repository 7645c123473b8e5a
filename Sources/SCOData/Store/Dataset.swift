import FoundationEssentials
import SQLiteStore

/// Opens the server's database in one call: open or create the file, apply pending
/// migrations, seed the bundled fixture when the dataset is empty, and say what was done.
public enum Dataset {
    /// Opens `path` for serving.
    ///
    /// - Throws `StoreError` for what stops a server at start: a missing directory, a missing
    ///   file when `createIfMissing` is false, a file that is not a database, a read-only file or
    ///   directory, an applied migration that was edited or renamed, or one this binary does not
    ///   know (a database from a newer version). A failed migration is rolled back whole.
    /// - Seeds the bundled fixture when `seedIfEmpty` and no record table holds a row, in one
    ///   `BEGIN IMMEDIATE` transaction that checks emptiness again, so two servers starting on
    ///   one file seed it once. A database with data is never seeded over (see `Seeder`).
    public static func open(
        path: String, createIfMissing: Bool = true, seedIfEmpty: Bool = true, busyTimeout: Duration = .seconds(5)
    ) throws -> (database: Database, report: OpenReport) {
        let existed = FileManager.default.fileExists(atPath: path)
        let database = try Database(path: path, create: createIfMissing, busyTimeout: busyTimeout)
        let applied = try database.migrate(SchemaMigrations.migrator)
        let seeding = try database.write { connection -> OpenReport.Seeding in
            if let status = try Seeder.status(on: connection) {
                return .alreadySeeded(status)
            }
            guard try !Seeder.hasRecords(on: connection) else { return .notSeeded(hasRecords: true) }
            guard seedIfEmpty else { return .notSeeded(hasRecords: false) }
            let document = try bundledDocument()
            let report = try Seeder.replaceContents(
                of: connection, with: document, checksum: try Seeder.checksum(of: document), mode: .keepEdits)
            return .seeded(report)
        }
        let report = OpenReport(
            path: path, createdFile: !existed, migrationsApplied: applied.map(\.fileName), seeding: seeding)
        return (database, report)
    }

    /// The bundled fixture, validated (the tests keep it valid).
    static func bundledDocument() throws -> FixtureDocument {
        switch BundledFixture.load() {
        case .success(let document): return document
        case .failure(let errors): throw DatasetError.invalidFixture(errors)
        }
    }
}
