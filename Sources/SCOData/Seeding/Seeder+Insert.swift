import SQLiteStore

/// The INSERTs of a seed: one cached statement per table, records in document order, each
/// top-level record with its `ordinal` (its index in its list) so export can restore the order.
extension Seeder {
    static func insert(_ document: FixtureDocument, on connection: Connection) throws {
        for (ordinal, source) in document.sources.enumerated() {
            try connection.run(
                """
                INSERT INTO sources (id, title, publisher, agency, published_on, language, note, text, ordinal)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [source.id, source.title, source.publisher, source.agency, source.publishedOn, source.language,
                 source.note, source.text, ordinal])
        }
        for (ordinal, organization) in document.organizations.enumerated() {
            let founded = organization.founded
            try connection.run(
                """
                INSERT INTO organizations (id, name, abbreviation, kind, founded_value, founded_precision, founded_text,
                    founded_note, purpose, state_code, notes, note, sources, ordinal)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [organization.id, organization.name, organization.abbreviation, organization.kind.rawValue,
                 founded?.value, founded?.precision.rawValue, founded?.text, founded?.note, organization.purpose,
                 organization.stateCode, StoredJSON.text(organization.notes), organization.note,
                 StoredJSON.text(organization.sources), ordinal])
        }
        for (ordinal, state) in document.states.enumerated() {
            try connection.run(
                "INSERT INTO states (code, alpha3, name, is_former, notes, note, sources, ordinal) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [state.code, state.alpha3, state.name, state.isFormer, StoredJSON.text(state.notes), state.note,
                 StoredJSON.text(state.sources), ordinal])
            for (position, role) in state.roles.enumerated() {
                try connection.run(
                    "INSERT INTO state_roles (state_code, role, position) VALUES (?, ?, ?)",
                    [state.code, role.rawValue, position])
            }
        }
        for (ordinal, person) in document.people.enumerated() {
            try connection.run(
                """
                INSERT INTO people (id, name, name_in_source, title, state_code, organization_id, notes, note, sources, ordinal)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [person.id, person.name, person.nameInSource, person.title, person.stateCode, person.organizationId,
                 StoredJSON.text(person.notes), person.note, StoredJSON.text(person.sources), ordinal])
        }
        for (ordinal, region) in document.regions.enumerated() {
            try connection.run(
                """
                INSERT INTO regions (id, name, kind, state_code, parent_id, capital_id, notes, note, sources, ordinal)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [region.id, region.name, region.kind.rawValue, region.stateCode, region.parentId, region.capitalId,
                 StoredJSON.text(region.notes), region.note, StoredJSON.text(region.sources), ordinal])
        }
        try insert(document.summit, on: connection)
        try insert(document.declaration, on: connection)
        for clause in document.clauses {
            try connection.run(
                """
                INSERT INTO clauses (id, declaration_id, position, text, addresses, summary, note, sources)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [clause.id, clause.declarationId, clause.position, clause.text, StoredJSON.text(strings: clause.addresses),
                 clause.summary, clause.note, StoredJSON.text(clause.sources)])
        }
        let kinds = ReferenceKinds(document)
        for (ordinal, event) in document.events.enumerated() {
            try insert(event, ordinal: ordinal, kinds: kinds, on: connection)
        }
        for (ordinal, statement) in document.statements.enumerated() {
            try insert(statement, ordinal: ordinal, kinds: kinds, on: connection)
        }
    }

    private static func insert(_ summit: Summit, on connection: Connection) throws {
        try connection.run(
            """
            INSERT INTO summits (id, name, organization_id, place, place_id, country_code, host_state_code, date_value,
                date_precision, date_text, date_note, declaration_id, notes, note, sources)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [summit.id, summit.name, summit.organizationId, summit.place, summit.placeId, summit.countryCode,
             summit.hostStateCode, summit.date.value, summit.date.precision.rawValue, summit.date.text, summit.date.note,
             summit.declarationId, StoredJSON.text(summit.notes), summit.note, StoredJSON.text(summit.sources)])
    }

    private static func insert(_ declaration: Declaration, on connection: Connection) throws {
        let adopted = declaration.adoptedOn
        try connection.run(
            """
            INSERT INTO declarations (id, title, organization_id, summit_id, adopted_on_value, adopted_on_precision,
                adopted_on_text, adopted_on_note, place, endorsement, summary, notes, note, sources)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [declaration.id, declaration.title, declaration.organizationId, declaration.summitId, adopted.value,
             adopted.precision.rawValue, adopted.text, adopted.note, declaration.place, declaration.endorsement,
             declaration.summary, StoredJSON.text(declaration.notes), declaration.note,
             StoredJSON.text(declaration.sources)])
    }

    private static func insert(_ event: TimelineEvent, ordinal: Int, kinds: ReferenceKinds, on connection: Connection) throws {
        let date = event.date
        try connection.run(
            """
            INSERT INTO events (id, date_value, date_precision, date_text, date_note, kind, title, summary, note, sources, ordinal)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [event.id, date.value, date.precision.rawValue, date.text, date.note, event.kind.rawValue, event.title,
             event.summary, event.note, StoredJSON.text(event.sources), ordinal])
        for (position, actor) in event.actors.enumerated() {
            let kind = kinds.kind(of: actor)
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

    private static func insert(_ statement: Statement, ordinal: Int, kinds: ReferenceKinds, on connection: Connection) throws {
        let date = statement.date
        let speaker = statement.speakerId
        let kind = kinds.kind(of: speaker)
        try connection.run(
            """
            INSERT INTO statements (id, speaker_state_code, speaker_person_id, speaker_organization_id, speaker_region_id,
                speaker_role, date_value, date_precision, date_text, date_note, place, region_id, venue_id,
                reported_by_id, kind, quote, is_direct_quote, responds_to, summary, note, sources, ordinal)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [statement.id, kind == .state ? speaker : nil, kind == .person ? speaker : nil,
             kind == .organization ? speaker : nil, kind == .region ? speaker : nil, statement.speakerRole,
             date.value, date.precision.rawValue, date.text, date.note, statement.place, statement.regionId,
             statement.venueId, statement.reportedById, statement.kind.rawValue, statement.quote,
             statement.isDirectQuote, statement.respondsTo, statement.summary, statement.note,
             StoredJSON.text(statement.sources), ordinal])
        for (position, subject) in statement.about.enumerated() {
            try connection.run(
                "INSERT INTO statement_subjects (statement_id, subject_id, position) VALUES (?, ?, ?)",
                [statement.id, subject, position])
        }
    }
}

/// Which kind of record an actor or speaker id names; a validated document has each id once.
private struct ReferenceKinds {
    enum Kind {
        case state, person, organization, region, other
    }

    private var kinds: [String: Kind] = [:]

    init(_ document: FixtureDocument) {
        for state in document.states { kinds[state.code] = .state }
        for person in document.people { kinds[person.id] = .person }
        for organization in document.organizations { kinds[organization.id] = .organization }
        for region in document.regions { kinds[region.id] = .region }
    }

    func kind(of id: String) -> Kind {
        kinds[id] ?? .other
    }
}
