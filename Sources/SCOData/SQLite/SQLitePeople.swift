import SQLiteStore

/// People over SQLite.
enum SQLitePeople {
    static let columns: StaticString =
        "p.id, p.name, p.name_in_source, p.title, p.state_code, p.organization_id, p.notes, p.note, p.sources"

    static let list = SQLiteList<Person, PersonSortField>(
        name: "people", select: columns, from: "people p", id: "p.id", name: "p.name",
        filters: [("state", "p.state_code {in}"), ("organization", "p.organization_id {in}")], decode: decode)

    static func decode(_ row: Row) throws -> Person {
        Person(
            id: try row.string(0), name: try row.string(1), nameInSource: try row.optionalString(2),
            title: try row.string(3), stateCode: try row.optionalString(4), organizationId: try row.optionalString(5),
            notes: try row.notes(6, table: "people"), note: try row.optionalString(7),
            sources: try row.quotes(8, table: "people"))
    }
}
