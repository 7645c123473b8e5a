import FoundationEssentials
import SQLiteStore

/// Writes the database back out as a fixture document.
///
/// Records come out in the order they were seeded (each table's `ordinal`), records added
/// since after them in insertion order, so seeding a fixture and exporting it gives back an
/// equal document, and exporting an edited database then seeding the export reproduces it.
/// Everything is read in one transaction: one consistent snapshot.
public enum Exporter {
    /// The whole dataset as a document.
    public static func export(from connection: SQLiteConnection) throws -> FixtureDocument {
        try connection.transaction(.deferred) {
            let reader = SQLiteDatasetReader(connection: connection)
            guard var summit = try reader.summits.summit() else { throw DatasetError.incomplete(missing: "summit") }
            guard var declaration = try reader.declarations.declaration() else {
                throw DatasetError.incomplete(missing: "declaration")
            }
            // The events that are the same act are the events' own `sameAs`, not the fixture's here.
            summit.events = []
            declaration.events = []
            return FixtureDocument(
                formatVersion: FixtureDocument.currentFormatVersion,
                sources: try all("\(SQLiteSources.columns) FROM sources src", SQLiteSources.decode, connection),
                organizations: try all(
                    "\(SQLiteOrganizations.columns) FROM organizations o", SQLiteOrganizations.decode, connection),
                summit: summit,
                states: try states(connection),
                people: try all("\(SQLitePeople.columns) FROM people p", SQLitePeople.decode, connection),
                regions: try all("\(SQLiteRegions.columns) FROM regions r", SQLiteRegions.decode, connection),
                declaration: declaration,
                clauses: try connection.query(
                    "SELECT \(SQLiteDeclarationRepository.clauseColumns) FROM clauses c ORDER BY c.position, c.id", [],
                    SQLiteDeclarationRepository.decodeClause),
                events: try events(connection),
                statements: try statements(connection),
                quantities: try all("\(SQLiteQuantities.columns) FROM quantities q", SQLiteQuantities.decode, connection))
        }
    }

    /// The export as JSON bytes (`FixtureDocument.jsonData`: pretty, sorted keys), which
    /// `FixtureValidator.load` and `sco-api seed` read back.
    public static func exportData(from connection: SQLiteConnection) throws -> Data {
        try export(from: connection).jsonData()
    }

    /// Exports through a new read-only connection of `database`.
    public static func export(from database: Database) throws -> FixtureDocument {
        try export(from: try database.makeReader())
    }

    // MARK: Tables

    /// Every row of a table with an `ordinal`, seeded ones first in fixture order.
    /// `selectFrom` is `columns FROM table alias`, spelled by this file.
    private static func all<T>(_ selectFrom: String, _ decode: (Row) throws -> T, _ connection: SQLiteConnection) throws -> [T] {
        try connection.query("SELECT \(selectFrom) ORDER BY ordinal IS NULL, ordinal, rowid", [], decode)
    }

    private static func states(_ connection: SQLiteConnection) throws -> [State] {
        let roles = try related("SELECT state_code, role FROM state_roles ORDER BY state_code, position", connection)
        return try SQLiteStates.withRoles(all("\(SQLiteStates.columns) FROM states st", SQLiteStates.decode, connection), roles)
    }

    private static func events(_ connection: SQLiteConnection) throws -> [TimelineEvent] {
        var participants: [String: [Participant]] = [:]
        try connection.forEachRow("SELECT actor_id, role, inferred, event_id FROM event_actors ORDER BY event_id, position") { row in
            participants[try row.string(3), default: []].append(try SQLiteTimeline.participant(row))
        }
        let regions = try related("SELECT event_id, region_id FROM event_regions ORDER BY event_id, position", connection)
        let sameAs = try related("SELECT event_id, other_id FROM event_links ORDER BY event_id, position", connection)
        return try all("\(SQLiteTimeline.columns) FROM events e", SQLiteTimeline.decode, connection).map { event in
            var event = event
            event.participants = participants[event.id] ?? []
            event.regions = regions[event.id] ?? []
            event.sameAs = sameAs[event.id] ?? []
            return event
        }
    }

    private static func statements(_ connection: SQLiteConnection) throws -> [Statement] {
        let about = try related("SELECT statement_id, subject_id FROM statement_subjects ORDER BY statement_id, position", connection)
        let respondsTo = try related(
            "SELECT statement_id, responds_to_id FROM statement_responses ORDER BY statement_id, position", connection)
        return try all("\(SQLiteStatements.columns) FROM statements s", SQLiteStatements.decode, connection).map { statement in
            var statement = statement
            statement.about = about[statement.id] ?? []
            statement.respondsTo = respondsTo[statement.id] ?? []
            return statement
        }
    }

    /// (record id, related id) rows grouped by record.
    private static func related(_ sql: String, _ connection: SQLiteConnection) throws -> [String: [String]] {
        var related: [String: [String]] = [:]
        try connection.forEachRow(sql) { row in
            related[try row.string(0), default: []].append(try row.string(1))
        }
        return related
    }
}
