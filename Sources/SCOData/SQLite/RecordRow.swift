import SQLiteStore

/// The row a record is stored as, and its rows in the join tables: each record kind's columns
/// written once, for the seed (which inserts every record with its `ordinal`) and for the write
/// API (which inserts without one, updates in place and rewrites the join rows).
///
/// The statements' text depends only on the kind (and on whether an ordinal is given), so each
/// is prepared once and reused from the connection's statement cache. Values always travel as
/// bindings.
struct RecordRow {
    /// Which kind of record an actor, speaker or subject id names, for the join rows that keep
    /// one column per kind; nil for an id that names none of those.
    typealias KindOf = (String) throws -> IdentifierIndex.Kind?

    let table: String
    /// The primary key column and its value.
    let key: (column: String, value: SQLiteValue)
    /// Every other column, in the table's order.
    let columns: [(name: String, value: SQLiteValue)]

    /// Inserts the row; `ordinal` is the record's index in its fixture list (nil: after them).
    func insert(ordinal: Int?, on connection: SQLiteConnection) throws {
        var names = [key.column] + columns.map(\.name)
        var values = [key.value] + columns.map(\.value)
        if let ordinal {
            names.append("ordinal")
            values.append(.int(ordinal))
        }
        let marks = Array(repeating: "?", count: names.count).joined(separator: ", ")
        try connection.run("INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES (\(marks))", values)
    }

    /// Rewrites every column of the row with the same key, keeping its rowid and `ordinal`.
    func update(on connection: SQLiteConnection) throws {
        let assignments = columns.map { "\($0.name) = ?" }.joined(separator: ", ")
        try connection.run(
            "UPDATE \(table) SET \(assignments) WHERE \(key.column) = ?", columns.map(\.value) + [key.value])
    }
}

// MARK: - Each kind's columns

extension RecordRow {
    init(_ quantity: Quantity) {
        self.init(table: "quantities", key: ("id", .text(quantity.id)), columns: [
            ("measure", .text(quantity.measure)), ("value", .real(quantity.value)), ("unit", .text(quantity.unit)),
            ("approximate", .bool(quantity.approximate)), ("text", .text(quantity.text)),
            ("about", .text(StoredJSON.text(strings: quantity.about))), ("note", .nullable(quantity.note)),
            ("sources", .text(StoredJSON.text(quantity.sources))),
        ])
    }

    init(_ source: Source) {
        self.init(table: "sources", key: ("id", .text(source.id)), columns: [
            ("title", .text(source.title)), ("publisher", .text(source.publisher)), ("agency", .nullable(source.agency)),
            ("published_on", .text(source.publishedOn)), ("language", .text(source.language)),
            ("note", .nullable(source.note)), ("text", .text(source.text)),
        ])
    }

    init(_ organization: Organization) {
        self.init(table: "organizations", key: ("id", .text(organization.id)), columns: [
            ("name", .text(organization.name)), ("abbreviation", .nullable(organization.abbreviation)),
            ("kind", .text(organization.kind.rawValue)),
        ] + Self.date(organization.founded, prefix: "founded") + [
            ("purpose", .nullable(organization.purpose)), ("state_code", .nullable(organization.stateCode)),
        ] + Self.annotations(notes: organization.notes, note: organization.note, sources: organization.sources))
    }

    init(_ state: State) {
        self.init(table: "states", key: ("code", .text(state.code)), columns: [
            ("alpha3", .text(state.alpha3)), ("name", .text(state.name)), ("is_former", .bool(state.isFormer)),
        ] + Self.annotations(notes: state.notes, note: state.note, sources: state.sources))
    }

    init(_ person: Person) {
        self.init(table: "people", key: ("id", .text(person.id)), columns: [
            ("name", .text(person.name)), ("name_in_source", .nullable(person.nameInSource)),
            ("title", .text(person.title)), ("state_code", .nullable(person.stateCode)),
            ("organization_id", .nullable(person.organizationId)),
        ] + Self.annotations(notes: person.notes, note: person.note, sources: person.sources))
    }

    init(_ region: Region) {
        self.init(table: "regions", key: ("id", .text(region.id)), columns: [
            ("name", .text(region.name)), ("kind", .text(region.kind.rawValue)),
            ("state_code", .nullable(region.stateCode)), ("parent_id", .nullable(region.parentId)),
            ("capital_id", .nullable(region.capitalId)),
        ] + Self.annotations(notes: region.notes, note: region.note, sources: region.sources))
    }

    init(_ summit: Summit) {
        self.init(table: "summits", key: ("id", .text(summit.id)), columns: [
            ("name", .text(summit.name)), ("organization_id", .text(summit.organizationId)), ("place", .text(summit.place)),
            ("place_id", .nullable(summit.placeId)), ("country_code", .nullable(summit.countryCode)),
            ("host_state_code", .nullable(summit.hostStateCode)),
        ] + Self.date(summit.date, prefix: "date") + [
            ("declaration_id", .nullable(summit.declarationId)),
        ] + Self.annotations(notes: summit.notes, note: summit.note, sources: summit.sources))
    }

    init(_ declaration: Declaration) {
        self.init(table: "declarations", key: ("id", .text(declaration.id)), columns: [
            ("title", .text(declaration.title)), ("organization_id", .text(declaration.organizationId)),
            ("summit_id", .text(declaration.summitId)),
        ] + Self.date(declaration.adoptedOn, prefix: "adopted_on") + [
            ("place", .text(declaration.place)), ("endorsement", .text(declaration.endorsement)),
            ("summary", .text(declaration.summary)),
        ] + Self.annotations(notes: declaration.notes, note: declaration.note, sources: declaration.sources))
    }

    init(_ clause: Clause) {
        self.init(table: "clauses", key: ("id", .text(clause.id)), columns: [
            ("declaration_id", .text(clause.declarationId)), ("position", .int(clause.position)), ("text", .text(clause.text)),
            ("addresses", .text(StoredJSON.text(strings: clause.addresses))), ("summary", .text(clause.summary)),
            ("note", .nullable(clause.note)), ("sources", .text(StoredJSON.text(clause.sources))),
        ])
    }

    init(_ event: TimelineEvent) {
        self.init(table: "events", key: ("id", .text(event.id)), columns: Self.date(event.date, prefix: "date") + [
            ("kind", .text(event.kind.rawValue)), ("title", .text(event.title)), ("summary", .text(event.summary)),
            ("note", .nullable(event.note)), ("sources", .text(StoredJSON.text(event.sources))),
        ])
    }

    init(_ statement: Statement, speakerKind: IdentifierIndex.Kind?) {
        let speaker = statement.speakerId
        let byKind: [(name: String, kind: IdentifierIndex.Kind)] = [
            ("speaker_state_code", .state), ("speaker_person_id", .person), ("speaker_organization_id", .organization),
            ("speaker_region_id", .region),
        ]
        let speakerColumns = byKind.map { column in
            (name: column.name, value: column.kind == speakerKind ? SQLiteValue.text(speaker) : .null)
        }
        self.init(table: "statements", key: ("id", .text(statement.id)), columns: speakerColumns + [
            ("speaker_role", .nullable(statement.speakerRole)),
        ] + Self.date(statement.date, prefix: "date") + [
            ("place", .nullable(statement.place)), ("region_id", .nullable(statement.regionId)),
            ("venue_id", .nullable(statement.venueId)), ("reported_by_id", .nullable(statement.reportedById)),
            ("kind", .text(statement.kind.rawValue)), ("quote", .text(statement.quote)),
            ("is_direct_quote", .bool(statement.isDirectQuote)), ("responds_to", .nullable(statement.respondsTo.first)),
            ("summary", .text(statement.summary)), ("note", .nullable(statement.note)),
            ("sources", .text(StoredJSON.text(statement.sources))),
        ])
    }

    /// A date's seven columns: `<prefix>_value`, `_precision`, `_text`, `_note`, `_earliest`,
    /// `_latest`, `_basis` (all NULL for nil).
    private static func date(_ date: HistoricalDate?, prefix: String) -> [(name: String, value: SQLiteValue)] {
        [
            (prefix + "_value", .nullable(date?.value)), (prefix + "_precision", .nullable(date?.precision.rawValue)),
            (prefix + "_text", .nullable(date?.text)), (prefix + "_note", .nullable(date?.note)),
            (prefix + "_earliest", .nullable(date?.earliest)), (prefix + "_latest", .nullable(date?.latest)),
            (prefix + "_basis", .nullable(date?.basis.rawValue)),
        ]
    }

    /// The `notes`, `note` and `sources` columns most tables end with.
    private static func annotations(notes: [Note], note: String?, sources: [SourceQuote]) -> [(name: String, value: SQLiteValue)] {
        [("notes", .text(StoredJSON.text(notes))), ("note", .nullable(note)), ("sources", .text(StoredJSON.text(sources)))]
    }
}

// MARK: - Join rows

extension RecordRow {
    /// A state's roles, in order.
    static func insertRoles(of state: State, on connection: SQLiteConnection) throws {
        for (position, role) in state.roles.enumerated() {
            try connection.run(
                "INSERT INTO state_roles (state_code, role, position) VALUES (?, ?, ?)",
                [.text(state.code), .text(role.rawValue), .int(position)])
        }
    }

    /// An event's participants (one column per kind of party, with the part and whether it is
    /// inferred) and regions, in order.
    static func insertRelated(of event: TimelineEvent, kindOf: KindOf, on connection: SQLiteConnection) throws {
        for (position, participant) in event.participants.enumerated() {
            let kind = try kindOf(participant.id)
            func column(_ wanted: IdentifierIndex.Kind) -> SQLiteValue { kind == wanted ? .text(participant.id) : .null }
            try connection.run(
                """
                INSERT INTO event_actors (event_id, position, state_code, person_id, organization_id, region_id, role, inferred)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [.text(event.id), .int(position), column(.state), column(.person), column(.organization), column(.region),
                 .text(participant.role.rawValue), .bool(participant.inferred)])
        }
        for (position, region) in event.regions.enumerated() {
            try connection.run(
                "INSERT INTO event_regions (event_id, region_id, position) VALUES (?, ?, ?)",
                [.text(event.id), .text(region), .int(position)])
        }
        for (position, other) in event.sameAs.enumerated() {
            try connection.run(
                "INSERT INTO event_links (event_id, other_id, position) VALUES (?, ?, ?)", [.text(event.id), .text(other), .int(position)])
        }
    }

    /// What a statement is about and what it answers, each in order.
    static func insertRelated(of statement: Statement, on connection: SQLiteConnection) throws {
        for (position, target) in statement.respondsTo.enumerated() {
            try connection.run(
                "INSERT INTO statement_responses (statement_id, responds_to_id, position) VALUES (?, ?, ?)",
                [.text(statement.id), .text(target), .int(position)])
        }
        for (position, subject) in statement.about.enumerated() {
            try connection.run(
                "INSERT INTO statement_subjects (statement_id, subject_id, position) VALUES (?, ?, ?)",
                [.text(statement.id), .text(subject), .int(position)])
        }
    }
}
