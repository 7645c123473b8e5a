import SQLiteStore

/// The SQL of the write API: reads a writable record, inserts, updates and deletes one, with
/// its rows in the join tables. Runs inside the caller's write transaction and checks nothing:
/// `DatasetWriter` validates first.
///
/// An update keeps the row (its rowid and its `ordinal`, so export keeps the record where the
/// seed put it) and rewrites the record's join rows; a new record has no `ordinal` and exports
/// after the seeded ones (0002). The triggers keep the search index and `dataset.edits` in step.
struct RecordStore {
    let connection: SQLiteConnection

    /// The record as the read API serves it, read through the same repositories.
    func record(_ kind: RecordKind, id: String) throws -> WritableRecord? {
        let reader = SQLiteDatasetReader(connection: connection)
        switch kind {
        case .event: return try reader.timeline.record(id: id).map(WritableRecord.event)
        case .statement: return try reader.statements.record(id: id).map(WritableRecord.statement)
        case .clause: return try reader.clauses.record(id: id).map(WritableRecord.clause)
        case .source: return try reader.sources.record(id: id).map(WritableRecord.source)
        }
    }

    func insert(_ record: WritableRecord) throws {
        try row(of: record).insert(ordinal: nil, on: connection)
        try insertJoinRows(of: record)
    }

    /// Rewrites the record stored under the same id, and its join rows.
    func update(_ record: WritableRecord) throws {
        try row(of: record).update(on: connection)
        switch record {
        case .event(let event):
            try connection.run("DELETE FROM event_actors WHERE event_id = ?", [.text(event.id)])
            try connection.run("DELETE FROM event_regions WHERE event_id = ?", [.text(event.id)])
            try connection.run("DELETE FROM event_links WHERE event_id = ?", [.text(event.id)])
        case .statement(let statement):
            try connection.run("DELETE FROM statement_subjects WHERE statement_id = ?", [.text(statement.id)])
            try connection.run("DELETE FROM statement_responses WHERE statement_id = ?", [.text(statement.id)])
        case .clause, .source:
            break
        }
        try insertJoinRows(of: record)
    }

    /// Deletes the record; its join rows go with it (`ON DELETE CASCADE`).
    func delete(_ kind: RecordKind, id: String) throws {
        try connection.run("DELETE FROM \(kind.table) WHERE id = ?", [.text(id)])
    }

    private func row(of record: WritableRecord) throws -> RecordRow {
        switch record {
        case .event(let event): RecordRow(event)
        case .statement(let statement): RecordRow(statement, speakerKind: try kind(of: statement.speakerId))
        case .clause(let clause): RecordRow(clause)
        case .source(let source): RecordRow(source)
        }
    }

    private func insertJoinRows(of record: WritableRecord) throws {
        switch record {
        case .event(let event): try RecordRow.insertRelated(of: event, kindOf: kind(of:), on: connection)
        case .statement(let statement): try RecordRow.insertRelated(of: statement, on: connection)
        case .clause, .source: break
        }
    }

    private func kind(of id: String) throws -> IdentifierIndex.Kind? {
        try IdentifierLookup(connection: connection).kinds(of: [id])[id]
    }
}
