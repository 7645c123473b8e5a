import SQLiteStore

/// Regions over SQLite.
public struct SQLiteRegionRepository: RegionRepository {
    let reader: SQLiteDatasetReader

    static let columns: StaticString =
        "r.id, r.name, r.kind, r.state_code, r.parent_id, r.capital_id, r.notes, r.note, r.sources"

    public func region(id: String) throws -> Region? {
        try reader.connection.queryFirst("SELECT \(Self.columns) FROM regions r WHERE r.id = ?", [.text(id)], Self.decode)
    }

    public func regions(_ query: RegionQuery) throws -> Page<Region> {
        let order = query.sort.keys.map { key in
            let column: KeysetQuery.OrderColumn = switch key.field {
            case .id: .init("r.id", .text)
            case .name: .init("r.name", .text)
            }
            return column.descending(key.isDescending)
        }
        var sql = KeysetQuery(select: Self.columns, from: "regions r", order: order)
        sql.filter("r.kind {in}", anyOf: query.kinds.map(\.rawValue))
        sql.filter("r.state_code {in}", anyOf: query.states)
        var fingerprint = QueryFingerprint(list: "regions")
        fingerprint.add("kind", anyOf: query.kinds.map(\.rawValue))
        fingerprint.add("state", anyOf: query.states)
        fingerprint.add(sort: query.sort)
        return try reader.read {
            try reader.page(
                sql, limit: query.limit, position: query.position, fingerprint: fingerprint.value, decode: Self.decode,
                key: { region in query.sort.keys.map { $0.field == .id ? .text(region.id) : .text(region.name) } })
        }
    }

    static func decode(_ row: Row) throws -> Region {
        Region(
            id: try row.string(0), name: try row.string(1), kind: try row.value(2, as: RegionKind.self, table: "regions"),
            stateCode: try row.optionalString(3), parentId: try row.optionalString(4), capitalId: try row.optionalString(5),
            notes: try row.notes(6, table: "regions"), note: try row.optionalString(7),
            sources: try row.quotes(8, table: "regions"))
    }
}
