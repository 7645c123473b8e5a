import Foundation
import SQLiteStore
import Testing

@testable import SCOData

/// 0003 (the change log) on a database seeded under 0001 and 0002, and its table's rules.
@Suite struct WriteMigrationTests {
    @Test func aDatabaseSeededBeforeTheChangeLogStartsItWithOneSeedEntry() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.file("old.sqlite"))
        try database.migrate(Migrator(migrations: Array(SchemaMigrations.migrations.prefix(2))))
        _ = try Seeder.seed(data: BundledFixture.data, into: database)
        let applied = try database.migrate(SchemaMigrations.migrator)
        #expect(applied.map(\.fileName) == ["0003_changes.sql"])
        let reader = try database.makeReader()
        let log = try ChangeLog.page(after: 0, limit: 10, on: reader).changes
        #expect(log.count == 1)
        #expect(log.first?.operation == .seed)
        let checksum = try Seeder.status(on: reader)?.checksum
        #expect(log.first?.after?.contains("\"checksum\":\"\(checksum ?? "?")\"") == true)
        #expect(try Seeder.status(on: reader)?.edits == 0, "the log is not a dataset table: it counts no edit")
    }

    @Test func theTableRefusesEntriesThatContradictTheirOperation() throws {
        let store = try SeededStore()
        let invalid = [
            "INSERT INTO changes (at, token_name, operation, kind, record_id, before, after) VALUES ('2008-08-28T00:00:00.000Z', 't', 'create', 'event', 'x', '{}', '{}')",
            "INSERT INTO changes (at, token_name, operation, kind, record_id, before, after) VALUES ('2008-08-28T00:00:00.000Z', 't', 'delete', 'event', 'x', '{}', '{}')",
            "INSERT INTO changes (at, token_name, operation, kind, record_id, before, after) VALUES ('2008-08-28T00:00:00.000Z', NULL, 'create', 'event', 'x', NULL, '{}')",
            "INSERT INTO changes (at, token_name, operation, kind, record_id, before, after) VALUES ('2008-08-28T00:00:00.000Z', 't', 'create', 'person', 'x', NULL, '{}')",
            "INSERT INTO changes (at, token_name, operation, kind, record_id, before, after) VALUES ('2008-08-28T00:00:00.000Z', 't', 'create', 'event', 'x', NULL, 'not json')",
        ]
        for sql in invalid {
            #expect(throws: SQLiteError.self, "\(sql)") { try store.write(sql) }
        }
        try store.write("INSERT INTO changes (at, token_name, operation, kind, record_id, before, after) VALUES ('2008-08-28T00:00:00.000Z', 't', 'create', 'event', 'x', NULL, '{}')")
    }
}
