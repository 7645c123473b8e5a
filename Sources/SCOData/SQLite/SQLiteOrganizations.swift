import SQLiteStore

/// Organizations over SQLite.
enum SQLiteOrganizations {
    static let columns: StaticString = """
        o.id, o.name, o.abbreviation, o.kind, o.founded_value, o.founded_precision, o.founded_text, \
        o.founded_note, o.purpose, o.state_code, o.notes, o.note, o.sources, o.founded_earliest, o.founded_latest, \
        o.founded_basis
        """

    static let list = SQLiteList<Organization, OrganizationSortField>(
        name: "organizations", select: columns, from: "organizations o", id: "o.id", name: "o.name",
        filters: [("kind", "o.kind {in}")], decode: decode)

    static func decode(_ row: Row) throws -> Organization {
        Organization(
            id: try row.string(0), name: try row.string(1), abbreviation: try row.optionalString(2),
            kind: try row.value(3, as: OrganizationKind.self, table: "organizations"),
            founded: try row.optionalDate(at: 4, bounds: 13, table: "organizations"), purpose: try row.optionalString(8),
            stateCode: try row.optionalString(9), notes: try row.notes(10, table: "organizations"),
            note: try row.optionalString(11), sources: try row.quotes(12, table: "organizations"))
    }
}
