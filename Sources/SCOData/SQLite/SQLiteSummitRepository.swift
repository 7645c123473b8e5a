import SQLiteStore

/// The summit over SQLite: the dataset has one (the first seeded, should there be more).
public struct SQLiteSummitRepository: SummitRepository {
    let reader: SQLiteDatasetReader

    static let columns: StaticString = """
        id, name, organization_id, place, place_id, country_code, host_state_code, date_value, \
        date_precision, date_text, date_note, declaration_id, notes, note, sources, date_earliest, date_latest, date_basis
        """

    public func summit() throws -> Summit? {
        guard var summit = try reader.connection.queryFirst("SELECT \(Self.columns) FROM summits ORDER BY rowid LIMIT 1", [], Self.decode)
        else { return nil }
        summit.events = try reader.eventsLinked(to: summit.id)
        return summit
    }

    static func decode(_ row: Row) throws -> Summit {
        Summit(
            id: try row.string(0), name: try row.string(1), organizationId: try row.string(2), place: try row.string(3),
            placeId: try row.optionalString(4), countryCode: try row.optionalString(5),
            hostStateCode: try row.optionalString(6), date: try row.date(at: 7, bounds: 15, table: "summits"),
            declarationId: try row.optionalString(11), notes: try row.notes(12, table: "summits"),
            note: try row.optionalString(13), sources: try row.quotes(14, table: "summits"))
    }
}
