import SQLiteStore

/// The INSERTs of a seed: records in document order, each top-level record with its `ordinal`
/// (its index in its list) so export can restore the order.
extension Seeder {
    static func insert(_ document: FixtureDocument, on connection: SQLiteConnection) throws {
        for (ordinal, source) in document.sources.enumerated() {
            try RecordRow(source).insert(ordinal: ordinal, on: connection)
        }
        for (ordinal, organization) in document.organizations.enumerated() {
            try RecordRow(organization).insert(ordinal: ordinal, on: connection)
        }
        for (ordinal, state) in document.states.enumerated() {
            try RecordRow(state).insert(ordinal: ordinal, on: connection)
            try RecordRow.insertRoles(of: state, on: connection)
        }
        for (ordinal, person) in document.people.enumerated() {
            try RecordRow(person).insert(ordinal: ordinal, on: connection)
        }
        for (ordinal, region) in document.regions.enumerated() {
            try RecordRow(region).insert(ordinal: ordinal, on: connection)
        }
        try RecordRow(document.summit).insert(ordinal: nil, on: connection)
        try RecordRow(document.declaration).insert(ordinal: nil, on: connection)
        for clause in document.clauses {
            try RecordRow(clause).insert(ordinal: nil, on: connection)
        }
        let kinds = actorKinds(document)
        let kindOf: RecordRow.KindOf = { kinds[$0] }
        for (ordinal, event) in document.events.enumerated() {
            try RecordRow(event).insert(ordinal: ordinal, on: connection)
            try RecordRow.insertRelated(of: event, kindOf: kindOf, on: connection)
        }
        for (ordinal, statement) in document.statements.enumerated() {
            try RecordRow(statement, speakerKind: kinds[statement.speakerId]).insert(ordinal: ordinal, on: connection)
            try RecordRow.insertRelated(of: statement, on: connection)
        }
        for (ordinal, quantity) in document.quantities.enumerated() {
            try RecordRow(quantity).insert(ordinal: ordinal, on: connection)
        }
    }

    /// The kind of each record an event's actor or a statement's speaker can be (a validated
    /// document has each id once).
    private static func actorKinds(_ document: FixtureDocument) -> [String: IdentifierIndex.Kind] {
        var kinds: [String: IdentifierIndex.Kind] = [:]
        for state in document.states { kinds[state.code] = .state }
        for person in document.people { kinds[person.id] = .person }
        for organization in document.organizations { kinds[organization.id] = .organization }
        for region in document.regions { kinds[region.id] = .region }
        return kinds
    }
}
