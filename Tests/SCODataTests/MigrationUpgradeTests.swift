import Foundation
import SQLiteStore
import Testing

@testable import SCOData
import TestSupport

/// 0002 on a database that 0001 alone built and filled: the search index is rebuilt on rowids,
/// ordinals start empty, and the edit counter starts at zero.
@Suite struct MigrationUpgradeTests {
    @Test func upgradesADatabaseSeededUnderTheFirstMigration() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("old.sqlite")
        let database = try Database(path: path)
        let first = Migrator(migrations: [SchemaMigrations.migrations[0]])
        try database.migrate(first)
        // Seed as 0001 knew it: its tables only (no ordinals, no edit counter).
        try database.write { connection in
            try connection.execute(
                """
                INSERT INTO dataset (id, format_version, checksum, seeded_at) VALUES (1, 1, 'old', '2026-01-01T00:00:00Z');
                INSERT INTO sources (id, title, publisher, published_on, language, text) VALUES ('s', 't', 'p', '2008-08-28', 'en', 'text');
                INSERT INTO events (id, date_value, date_precision, kind, title, summary, sources)
                    VALUES ('later-event', '2008-08-29', 'day', 'military', 'Wallaby', 'second', '[{"sourceId":"s","quote":"t"}]');
                INSERT INTO events (id, date_value, date_precision, kind, title, summary, sources)
                    VALUES ('earlier-event', '2008-08-28', 'day', 'military', 'Kangaroo', 'first', '[{"sourceId":"s","quote":"t"}]');
                """)
        }

        let applied = try database.migrate(Migrator(migrations: Array(SchemaMigrations.migrations.prefix(2))))
        #expect(applied.map(\.fileName) == ["0002_ordinals_edits_search_rows.sql"])

        let reader = SQLiteDatasetReader(connection: try database.makeReader())
        #expect(try reader.search.search(q: "kangaroo").items.map(\.id) == ["earlier-event"])
        #expect(try reader.connection.queryFirst("SELECT count(*) FROM search_rows") { try $0.int(0) } == 2)
        #expect(try Seeder.status(on: reader.connection)?.edits == 0)

        try database.write { try $0.run("UPDATE events SET title = 'Wombat' WHERE id = 'earlier-event'") }
        #expect(try reader.search.search(q: "kangaroo").items.isEmpty)
        #expect(try reader.search.search(q: "wombat").items.map(\.id) == ["earlier-event"])
        #expect(try Seeder.status(on: reader.connection)?.edits == 1)

        // No ordinals yet: insertion order.
        let order = try reader.connection.query("SELECT id FROM events ORDER BY ordinal IS NULL, ordinal, rowid") { try $0.string(0) }
        #expect(order == ["later-event", "earlier-event"])
    }

    @Test func secondMigrationKeepsTheSchemaStrictAndReplacesEverySearchTrigger() throws {
        let sql = try #require(SchemaMigrations.all.first { $0.id == 2 }?.sql)
        #expect(sql.contains("CREATE TABLE search_rows"))
        #expect(sql.contains(") STRICT;"))
        for kind in ["clauses", "statements", "events"] {
            for trigger in ["insert", "update", "delete"] {
                #expect(sql.contains("DROP TRIGGER \(kind)_search_\(trigger);"))
                #expect(sql.contains("CREATE TRIGGER \(kind)_search_\(trigger) "))
            }
        }
        let tracked = ["sources", "organizations", "states", "state_roles", "people", "regions", "summits", "declarations",
                       "clauses", "events", "event_actors", "event_regions", "statements", "statement_subjects"]
        for table in tracked {
            for operation in ["insert", "update", "delete"] {
                #expect(sql.contains("CREATE TRIGGER \(table)_edits_\(operation) AFTER \(operation.uppercased()) ON \(table) "))
            }
        }
    }
}
