import SQLiteStore

/// States over SQLite, with their roles fetched for a whole page at once.
enum SQLiteStates {
    static let columns: StaticString = "st.code, st.alpha3, st.name, st.is_former, st.notes, st.note, st.sources"

    /// A state is found by its code as alpha-2 and as alpha-3, after upper-casing ASCII letters
    /// only (so no non-ASCII letter can turn into a code's letter).
    static let list = SQLiteList<State, StateSortField>(
        name: "states", select: columns, from: "states st", byID: "st.code = ?1 OR st.alpha3 = ?1", idKey: \.asciiUppercased,
        filters: [("role", "st.code IN (SELECT state_code FROM state_roles WHERE role {in})")],
        sortKeys: [.code: .text("st.code") { $0.code }, .name: .text("st.name") { $0.name }], decode: decode, attach: attachRoles)

    /// A state from `columns`; roles are attached afterwards.
    static func decode(_ row: Row) throws -> State {
        State(
            code: try row.string(0), alpha3: try row.string(1), name: try row.string(2),
            isFormer: try row.bool(3), roles: [], notes: try row.notes(4, table: "states"),
            note: try row.optionalString(5), sources: try row.quotes(6, table: "states"))
    }

    static func attachRoles(_ states: [State], on reader: SQLiteDatasetReader) throws -> [State] {
        let roles = try reader.relatedIDs(
            "SELECT state_code, role FROM state_roles WHERE state_code IN (SELECT value FROM json_each(?)) ORDER BY state_code, position",
            for: states.map(\.code))
        return try withRoles(states, roles)
    }

    /// The states with the roles of `roles` (state code to role names, in order).
    static func withRoles(_ states: [State], _ roles: [String: [String]]) throws -> [State] {
        try states.map { state in
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
