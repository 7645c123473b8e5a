import SQLiteStore

/// People over SQLite.
public struct SQLitePersonRepository: PersonRepository {
    let reader: SQLiteDatasetReader

    static let columns: StaticString =
        "p.id, p.name, p.name_in_source, p.title, p.state_code, p.organization_id, p.notes, p.note, p.sources"

    public func person(id: String) throws -> Person? {
        try reader.connection.queryFirst("SELECT \(Self.columns) FROM people p WHERE p.id = ?", [.text(id)], Self.decode)
    }

    public func people(_ query: PersonQuery) throws -> Page<Person> {
        let order = query.sort.keys.map { key in
            let column: KeysetQuery.OrderColumn = switch key.field {
            case .id: .init("p.id", .text)
            case .name: .init("p.name", .text)
            }
            return column.descending(key.isDescending)
        }
        var sql = KeysetQuery(select: Self.columns, from: "people p", order: order)
        sql.filter("p.state_code {in}", anyOf: query.states)
        sql.filter("p.organization_id {in}", anyOf: query.organizations)
        var fingerprint = QueryFingerprint(list: "people")
        fingerprint.add("state", anyOf: query.states)
        fingerprint.add("organization", anyOf: query.organizations)
        fingerprint.add(sort: query.sort)
        return try reader.read {
            try reader.page(
                sql, limit: query.limit, position: query.position, fingerprint: fingerprint.value, decode: Self.decode,
                key: { person in query.sort.keys.map { $0.field == .id ? .text(person.id) : .text(person.name) } })
        }
    }

    static func decode(_ row: Row) throws -> Person {
        Person(
            id: try row.string(0), name: try row.string(1), nameInSource: try row.optionalString(2),
            title: try row.string(3), stateCode: try row.optionalString(4), organizationId: try row.optionalString(5),
            notes: try row.notes(6, table: "people"), note: try row.optionalString(7),
            sources: try row.quotes(8, table: "people"))
    }
}
