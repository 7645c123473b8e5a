import SQLiteStore

/// Regions over SQLite.
enum SQLiteRegions {
    static let columns: StaticString =
        "r.id, r.name, r.kind, r.state_code, r.parent_id, r.capital_id, r.notes, r.note, r.sources"

    static let list = SQLiteList<Region, RegionSortField>(
        name: "regions", select: columns, from: "regions r", id: "r.id", name: "r.name",
        filters: [("kind", "r.kind {in}"), ("state", "r.state_code {in}")], decode: decode)

    static func decode(_ row: Row) throws -> Region {
        Region(
            id: try row.string(0), name: try row.string(1), kind: try row.value(2, as: RegionKind.self, table: "regions"),
            stateCode: try row.optionalString(3), parentId: try row.optionalString(4), capitalId: try row.optionalString(5),
            notes: try row.notes(6, table: "regions"), note: try row.optionalString(7),
            sources: try row.quotes(8, table: "regions"))
    }
}
