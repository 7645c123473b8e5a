import SQLiteStore

/// The SQL of the write API: reads a writable record, inserts, updates and deletes one, with
/// its rows in the join tables. Runs inside the caller's write transaction and checks nothing:
/// `DatasetWriter` validates first.
///
/// An update keeps the row (its rowid and its `ordinal`, so export keeps the record where the
/// seed put it) and rewrites the record's join rows; a new record has no `ordinal` and exports
/// after the seeded ones (0002). The triggers keep the search index and `dataset.edits` in step.
struct RecordStore {
    let connection: Connection

    /// The record as the read API serves it, read through the same repositories.
    func record(_ kind: RecordKind, id: String) throws -> WritableRecord? {
        let reader = DatasetReader(connection: connection)
        switch kind {
        case .event: return try reader.timeline.event(id: id).map(WritableRecord.event)
        case .statement: return try reader.statements.statement(id: id).map(WritableRecord.statement)
        case .clause: return try reader.declarations.clause(id: id).map(WritableRecord.clause)
        case .source: return try reader.sources.source(id: id).map(WritableRecord.source)
        }
    }

    func insert(_ record: WritableRecord) throws {
        switch record {
        case .event(let event):
            let date = event.date
            try connection.run(
                """
                INSERT INTO events (id, date_value, date_precision, date_text, date_note, kind, title, summary, note, sources)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [event.id, date.value, date.precision.rawValue, date.text, date.note, event.kind.rawValue, event.title,
                 event.summary, event.note, StoredJSON.text(event.sources)])
            try insertRelated(of: event)
        case .statement(let statement):
            let date = statement.date
            let speaker = try speakerColumns(statement.speakerId)
            try connection.run(
                """
                INSERT INTO statements (id, speaker_state_code, speaker_person_id, speaker_organization_id, speaker_region_id,
                    speaker_role, date_value, date_precision, date_text, date_note, place, region_id, venue_id,
                    reported_by_id, kind, quote, is_direct_quote, responds_to, summary, note, sources)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [statement.id, speaker[0], speaker[1], speaker[2], speaker[3], statement.speakerRole, date.value,
                 date.precision.rawValue, date.text, date.note, statement.place, statement.regionId, statement.venueId,
                 statement.reportedById, statement.kind.rawValue, statement.quote, statement.isDirectQuote,
                 statement.respondsTo, statement.summary, statement.note, StoredJSON.text(statement.sources)])
            try insertSubjects(of: statement)
        case .clause(let clause):
            try connection.run(
                """
                INSERT INTO clauses (id, declaration_id, position, text, addresses, summary, note, sources)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [clause.id, clause.declarationId, clause.position, clause.text, StoredJSON.text(strings: clause.addresses),
                 clause.summary, clause.note, StoredJSON.text(clause.sources)])
        case .source(let source):
            try connection.run(
                """
                INSERT INTO sources (id, title, publisher, agency, published_on, language, note, text)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [source.id, source.title, source.publisher, source.agency, source.publishedOn, source.language,
                 source.note, source.text])
        }
    }

    /// Rewrites the record stored under the same id.
    func update(_ record: WritableRecord) throws {
        switch record {
        case .event(let event):
            let date = event.date
            try connection.run(
                """
                UPDATE events SET date_value = ?, date_precision = ?, date_text = ?, date_note = ?, kind = ?, title = ?,
                    summary = ?, note = ?, sources = ?
                WHERE id = ?
                """,
                [date.value, date.precision.rawValue, date.text, date.note, event.kind.rawValue, event.title,
                 event.summary, event.note, StoredJSON.text(event.sources), event.id])
            try connection.run("DELETE FROM event_actors WHERE event_id = ?", [event.id])
            try connection.run("DELETE FROM event_regions WHERE event_id = ?", [event.id])
            try insertRelated(of: event)
        case .statement(let statement):
            let date = statement.date
            let speaker = try speakerColumns(statement.speakerId)
            try connection.run(
                """
                UPDATE statements SET speaker_state_code = ?, speaker_person_id = ?, speaker_organization_id = ?,
                    speaker_region_id = ?, speaker_role = ?, date_value = ?, date_precision = ?, date_text = ?,
                    date_note = ?, place = ?, region_id = ?, venue_id = ?, reported_by_id = ?, kind = ?, quote = ?,
                    is_direct_quote = ?, responds_to = ?, summary = ?, note = ?, sources = ?
                WHERE id = ?
                """,
                [speaker[0], speaker[1], speaker[2], speaker[3], statement.speakerRole, date.value,
                 date.precision.rawValue, date.text, date.note, statement.place, statement.regionId, statement.venueId,
                 statement.reportedById, statement.kind.rawValue, statement.quote, statement.isDirectQuote,
                 statement.respondsTo, statement.summary, statement.note, StoredJSON.text(statement.sources),
                 statement.id])
            try connection.run("DELETE FROM statement_subjects WHERE statement_id = ?", [statement.id])
            try insertSubjects(of: statement)
        case .clause(let clause):
            try connection.run(
                """
                UPDATE clauses SET declaration_id = ?, position = ?, text = ?, addresses = ?, summary = ?, note = ?, sources = ?
                WHERE id = ?
                """,
                [clause.declarationId, clause.position, clause.text, StoredJSON.text(strings: clause.addresses),
                 clause.summary, clause.note, StoredJSON.text(clause.sources), clause.id])
        case .source(let source):
            try connection.run(
                """
                UPDATE sources SET title = ?, publisher = ?, agency = ?, published_on = ?, language = ?, note = ?, text = ?
                WHERE id = ?
                """,
                [source.title, source.publisher, source.agency, source.publishedOn, source.language, source.note,
                 source.text, source.id])
        }
    }

    /// Deletes the record; its join rows go with it (`ON DELETE CASCADE`).
    func delete(_ kind: RecordKind, id: String) throws {
        switch kind {
        case .event: try connection.run("DELETE FROM events WHERE id = ?", [id])
        case .statement: try connection.run("DELETE FROM statements WHERE id = ?", [id])
        case .clause: try connection.run("DELETE FROM clauses WHERE id = ?", [id])
        case .source: try connection.run("DELETE FROM sources WHERE id = ?", [id])
        }
    }

    // MARK: Join rows

    private func insertRelated(of event: TimelineEvent) throws {
        let kinds = try IdentifierLookup(connection: connection).kinds(of: Set(event.actors))
        for (position, actor) in event.actors.enumerated() {
            let kind = kinds[actor]
            try connection.run(
                "INSERT INTO event_actors (event_id, position, state_code, person_id, organization_id) VALUES (?, ?, ?, ?, ?)",
                [event.id, position, kind == .state ? actor : nil, kind == .person ? actor : nil,
                 kind == .organization ? actor : nil])
        }
        for (position, region) in event.regions.enumerated() {
            try connection.run(
                "INSERT INTO event_regions (event_id, region_id, position) VALUES (?, ?, ?)", [event.id, region, position])
        }
    }

    private func insertSubjects(of statement: Statement) throws {
        for (position, subject) in statement.about.enumerated() {
            try connection.run(
                "INSERT INTO statement_subjects (statement_id, subject_id, position) VALUES (?, ?, ?)",
                [statement.id, subject, position])
        }
    }

    /// The four speaker columns (state, person, organization, region): the speaker's id in the
    /// one of its kind, NULL in the others.
    private func speakerColumns(_ speaker: String) throws -> [String?] {
        let kind = try IdentifierLookup(connection: connection).kinds(of: [speaker])[speaker]
        return [IdentifierIndex.Kind.state, .person, .organization, .region].map { $0 == kind ? speaker : nil }
    }
}
