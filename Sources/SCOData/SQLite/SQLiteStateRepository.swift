import SQLiteStore

/// States over SQLite, with their roles fetched for a whole page at once.
public struct SQLiteStateRepository: StateRepository {
    let reader: SQLiteDatasetReader

    static let columns: StaticString = "st.code, st.alpha3, st.name, st.is_former, st.notes, st.note, st.sources"

    /// Looks the code up as alpha-2 and as alpha-3, after upper-casing ASCII letters only (so no
    /// non-ASCII letter can turn into a code's letter).
    public func state(code: String) throws -> State? {
        let code = code.asciiUppercased
        return try reader.read {
            guard let state = try reader.connection.queryFirst(
                "SELECT \(Self.columns) FROM states st WHERE st.code = ?1 OR st.alpha3 = ?1", [.text(code)], Self.decode)
            else { return nil }
            return try attachRoles([state])[0]
        }
    }

    public func states(_ query: StateQuery) throws -> Page<State> {
        try reader.read {
            let order = query.sort.keys.map { key in
                let column: KeysetQuery.OrderColumn = switch key.field {
                case .code: .init("st.code", .text)
                case .name: .init("st.name", .text)
                }
                return column.descending(key.isDescending)
            }
            var sql = KeysetQuery(select: Self.columns, from: "states st", order: order)
            sql.filter("st.code IN (SELECT state_code FROM state_roles WHERE role {in})", anyOf: query.roles.map(\.rawValue))
            var fingerprint = QueryFingerprint(list: "states")
            fingerprint.add("role", anyOf: query.roles.map(\.rawValue))
            fingerprint.add(sort: query.sort)
            let page = try reader.page(
                sql, limit: query.limit, position: query.position, fingerprint: fingerprint.value,
                decode: Self.decode,
                key: { state in
                    query.sort.keys.map { $0.field == .code ? .text(state.code) : .text(state.name) }
                })
            return Page(items: try attachRoles(page.items), total: page.total, next: page.next)
        }
    }

    /// A state from `columns`; roles are attached afterwards.
    static func decode(_ row: Row) throws -> State {
        State(
            code: try row.string(0), alpha3: try row.string(1), name: try row.string(2),
            isFormer: try row.bool(3), roles: [], notes: try row.notes(4, table: "states"),
            note: try row.optionalString(5), sources: try row.quotes(6, table: "states"))
    }

    func attachRoles(_ states: [State]) throws -> [State] {
        let roles = try reader.relatedIDs(
            "SELECT state_code, role FROM state_roles WHERE state_code IN (SELECT value FROM json_each(?)) ORDER BY state_code, position",
            for: states.map(\.code))
        return try states.map { state in
            var state = state
            state.roles = try (roles[state.code] ?? []).map { text in
                guard let role = StateRole(rawValue: text) else {
                    throw DatasetError.corruptValue(table: "state_roles", column: "role", detail: "unknown value \"\(text)\"")
                }
                return role
            }
            return state
        }
    }
}

extension String {
    /// The string with ASCII a-z upper-cased and everything else left alone.
    var asciiUppercased: String {
        String(decoding: utf8.map { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) ? $0 - 32 : $0 }, as: UTF8.self)
    }
}
