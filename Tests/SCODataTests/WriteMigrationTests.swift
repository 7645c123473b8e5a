import Foundation
import SQLiteStore
import Testing

@testable import SCOData
import TestSupport

/// 0003 (the change log) on a database seeded under 0001 and 0002, and its table's rules.
@Suite struct WriteMigrationTests {
    @Test func aDatabaseSeededBeforeTheChangeLogStartsItWithOneSeedEntry() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.file("old.sqlite"))
        try database.migrate(Migrator(migrations: Array(SchemaMigrations.migrations.prefix(2))))
        // Seeded as 0001 and 0002 knew it (today's seeder writes columns of later migrations).
        try database.write {
            try $0.run("INSERT INTO dataset (id, format_version, checksum, seeded_at) VALUES (1, 1, 'first-edition', '2026-01-01T00:00:00Z')")
        }
        let applied = try database.migrate(Migrator(migrations: Array(SchemaMigrations.migrations.prefix(3))))
        #expect(applied.map(\.fileName) == ["0003_changes.sql"])
        let reader = try database.makeReader()
        let log = try ChangeLog.page(after: 0, limit: 10, on: reader).changes
        #expect(log.count == 1)
        #expect(log.first?.operation == .seed)
        #expect(log.first?.after?.contains("\"checksum\":\"first-edition\"") == true)
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
