import SQLiteStore

/// Organizations over SQLite.
public struct SQLiteOrganizationRepository: OrganizationRepository {
    let reader: SQLiteDatasetReader

    static let columns: StaticString = """
        o.id, o.name, o.abbreviation, o.kind, o.founded_value, o.founded_precision, o.founded_text, \
        o.founded_note, o.purpose, o.state_code, o.notes, o.note, o.sources
        """

    public func organization(id: String) throws -> Organization? {
        try reader.connection.queryFirst("SELECT \(Self.columns) FROM organizations o WHERE o.id = ?", [.text(id)], Self.decode)
    }

    public func organizations(_ query: OrganizationQuery) throws -> Page<Organization> {
        let order = query.sort.keys.map { key in
            let column: KeysetQuery.OrderColumn = switch key.field {
            case .id: .init("o.id", .text)
            case .name: .init("o.name", .text)
            }
            return column.descending(key.isDescending)
        }
        var sql = KeysetQuery(select: Self.columns, from: "organizations o", order: order)
        sql.filter("o.kind {in}", anyOf: query.kinds.map(\.rawValue))
        var fingerprint = QueryFingerprint(list: "organizations")
        fingerprint.add("kind", anyOf: query.kinds.map(\.rawValue))
        fingerprint.add(sort: query.sort)
        return try reader.read {
            try reader.page(
                sql, limit: query.limit, position: query.position, fingerprint: fingerprint.value, decode: Self.decode,
                key: { organization in
                    query.sort.keys.map { $0.field == .id ? .text(organization.id) : .text(organization.name) }
                })
        }
    }

    static func decode(_ row: Row) throws -> Organization {
        Organization(
            id: try row.string(0), name: try row.string(1), abbreviation: try row.optionalString(2),
            kind: try row.value(3, as: OrganizationKind.self, table: "organizations"),
            founded: try row.optionalDate(at: 4, table: "organizations"), purpose: try row.optionalString(8),
            stateCode: try row.optionalString(9), notes: try row.notes(10, table: "organizations"),
            note: try row.optionalString(11), sources: try row.quotes(12, table: "organizations"))
    }
}
