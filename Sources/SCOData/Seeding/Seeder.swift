import Digests

import FoundationEssentials
import SQLiteStore

/// Loads a fixture into the database: validated whole first, then written in one transaction.
///
/// What seeding does to a database (the behaviour the README must state, issue 9):
/// - The fixture is validated before anything is written; with any problem the database is not
///   touched, and `DatasetError.invalidFixture` lists every problem with its JSON path.
/// - Seeding replaces the whole dataset (every record table) with the fixture's records, in one
///   `BEGIN IMMEDIATE` transaction: all of it or none of it.
/// - When the database already holds this very fixture (same checksum) and nothing was edited
///   since, nothing is written and the report says `unchanged`.
/// - When rows were edited since the last seed (the write API, or by hand: triggers count every
///   row inserted, updated or deleted), or the tables hold data no seed recorded, seeding would
///   discard that work, so in `.keepEdits` mode it refuses and changes nothing; `.replace`
///   discards it and says how much. Export first to keep the edits (`sco-api export`), edit the
///   file, and seed that.
public enum Seeder {
    /// Validates `data` as a fixture and seeds it.
    public static func seed(data: Data, into database: Database, mode: SeedMode = .keepEdits) throws -> SeedReport {
        switch FixtureValidator.load(data) {
        case .success(let document):
            return try write(document, into: database, mode: mode)
        case .failure(let errors):
            throw DatasetError.invalidFixture(errors)
        }
    }

    /// Validates a document built in memory (with the checks `FixtureValidator.load` runs) and
    /// seeds it.
    public static func seed(document: FixtureDocument, into database: Database, mode: SeedMode = .keepEdits) throws -> SeedReport {
        let problems = FixtureValidator.problems(in: document)
        guard problems.isEmpty else { throw DatasetError.invalidFixture(FixtureValidationErrors(problems: problems)) }
        return try write(document, into: database, mode: mode)
    }

    /// The checksum recorded for a document: SHA-256 (hex) of its canonical JSON (sorted keys,
    /// `FixtureDocument.jsonData`), so it names the content, not the file's layout, and a fixture
    /// exported from an unedited database has the checksum of the one it was seeded from.
    public static func checksum(of document: FixtureDocument) throws -> String {
        SHA256.hexDigest(try document.jsonData())
    }

    /// The seed the database records, or nil when it was never seeded.
    public static func status(on connection: SQLiteConnection) throws -> DatasetStatus? {
        try connection.queryFirst("SELECT format_version, checksum, seeded_at, edits FROM dataset WHERE id = 1") { row in
            DatasetStatus(
                formatVersion: try row.int(0), checksum: try row.string(1), seededAt: try row.string(2),
                edits: try row.int(3))
        }
    }

    /// Whether any record table holds a row.
    public static func hasRecords(on connection: SQLiteConnection) throws -> Bool {
        let tables = ["sources", "organizations", "states", "people", "regions", "summits", "declarations",
                      "clauses", "events", "statements"]
        for table in tables {
            // Table names come from the list above, never from input.
            if try connection.queryFirst("SELECT 1 FROM \(table) LIMIT 1", [], { _ in true }) ?? false {
                return true
            }
        }
        return false
    }

    // MARK: Writing

    private static func write(_ document: FixtureDocument, into database: Database, mode: SeedMode) throws -> SeedReport {
        let checksum = try checksum(of: document)
        return try database.write { connection in
            try replaceContents(of: connection, with: document, checksum: checksum, mode: mode)
        }
    }

    /// Inside the caller's write transaction: decides by the recorded seed and `mode`, then
    /// replaces every record table's contents with `document` and records the seed.
    static func replaceContents(
        of connection: SQLiteConnection, with document: FixtureDocument, checksum: String, mode: SeedMode
    ) throws -> SeedReport {
        let counts = RecordCounts(document)
        let status = try status(on: connection)
        if let status, status.checksum == checksum, status.edits == 0 {
            return SeedReport(counts: counts, checksum: checksum, unchanged: true)
        }
        let hasUnrecordedData = try status == nil && hasRecords(on: connection)
        if mode == .keepEdits {
            if let status, status.edits > 0 {
                throw DatasetError.editedSinceSeed(edits: status.edits, seededAt: status.seededAt)
            }
            if hasUnrecordedData { throw DatasetError.unrecordedData }
        }
        try deleteRecords(on: connection)
        try insert(document, on: connection)
        try optimizeSearchIndex(on: connection)
        // Last, after the inserts' triggers have counted: the new seed starts with no edits.
        try connection.run(
            """
            INSERT OR REPLACE INTO dataset (id, format_version, checksum, seeded_at, edits)
            VALUES (1, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 0)
            """,
            [.int(document.formatVersion), .text(checksum)])
        try ChangeLog.stampSequence(on: connection)
        return SeedReport(
            counts: counts, checksum: checksum, unchanged: false, discardedEdits: status?.edits ?? 0,
            discardedUnrecordedData: hasUnrecordedData)
    }

    /// Merges the full-text index into one segment without the deleted rows' tombstones
    /// (https://sqlite.org/fts5.html#the_optimize_command). The inserts' triggers leave it in
    /// several segments, and every search looks its terms up in each: on the seeded dataset an
    /// optimized index answers a ranked search with a snippet in about a quarter fewer
    /// instructions (BENCHMARKS.md). Later writes add small segments that FTS5 merges by itself.
    static func optimizeSearchIndex(on connection: SQLiteConnection) throws {
        try connection.run("INSERT INTO search (search) VALUES ('optimize')")
    }

    /// Empties every record table. Foreign keys are deferred (0001), so the order is free; the
    /// search triggers remove each record's FTS row by rowid.
    private static func deleteRecords(on connection: SQLiteConnection) throws {
        try connection.execute(
            """
            DELETE FROM statement_subjects; DELETE FROM statement_responses; DELETE FROM event_regions; DELETE FROM event_actors;
            DELETE FROM event_links; DELETE FROM quantities;
            DELETE FROM state_roles; DELETE FROM statements; DELETE FROM events; DELETE FROM clauses;
            DELETE FROM declarations; DELETE FROM summits; DELETE FROM regions; DELETE FROM people;
            DELETE FROM organizations; DELETE FROM states; DELETE FROM sources;
            """)
    }
}
