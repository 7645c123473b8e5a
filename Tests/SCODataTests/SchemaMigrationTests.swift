import Testing

@testable import SCOData

/// The schema's closed sets are the model's, so nothing the validator accepts is refused by a
/// CHECK constraint, and nothing it refuses gets in.
@Suite struct SchemaMigrationTests {
    private var sql: String {
        SchemaMigrations.all.first { $0.name == "0001_initial.sql" }?.sql ?? ""
    }

    /// The dataset's tables as every migration leaves them (the change log aside, whose sets
    /// are its own), read from a migrated database.
    private func finalSchema() throws -> String {
        let store = try SeededStore(seed: false)
        return try store.reader.connection.query(
            "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name <> 'changes' AND sql IS NOT NULL ORDER BY rowid"
        ) { try $0.string(0) }.joined(separator: "\n")
    }

    /// Every `IN ('a', 'b', …)` list of string literals in `sql`, in order of appearance.
    private func stringLists(_ sql: String) -> [[String]] {
        sql.components(separatedBy: " IN (").dropFirst().compactMap { rest in
            guard let close = rest.firstIndex(of: ")") else { return nil }
            let items = rest[..<close].split(separator: ",").map { $0.trimmingCharacters(in: " \n") }
            guard items.allSatisfy({ $0.count >= 2 && $0.hasPrefix("'") && $0.hasSuffix("'") }) else { return nil }
            return items.map { String($0.dropFirst().dropLast()) }
        }
    }

    @Test func checkListsMatchTheModelsEnums() throws {
        let enums: [[String]] = [
            StateRole.allCases.map(\.rawValue), OrganizationKind.allCases.map(\.rawValue),
            RegionKind.allCases.map(\.rawValue), EventKind.allCases.map(\.rawValue),
            StatementKind.allCases.map(\.rawValue), DatePrecision.allCases.map(\.rawValue),
            DateBasis.allCases.map(\.rawValue), SearchKind.allCases.map(\.rawValue), ParticipantRole.allCases.map(\.rawValue),
        ]
        let lists = stringLists(try finalSchema())
        for values in enums {
            #expect(lists.contains(values), "no CHECK list is \(values)")
        }
        // Every closed set in the schema is one of the model's (the last is the day/night pair of date shapes).
        for list in lists where list != ["day", "night"] {
            #expect(enums.contains(list), "CHECK list \(list) matches no enum of the model")
        }
        #expect(lists.count > 12)
    }

    @Test func schemaIsStrictAndLeavesBookkeepingToTheMigrator() {
        #expect(!sql.contains("schema_migrations ("))
        let tables = sql.components(separatedBy: "CREATE TABLE ").dropFirst()
        #expect(tables.count == 15)
        for table in tables {
            #expect(table.contains(") STRICT"), "\(table.prefix(40))")
        }
        #expect(sql.contains("USING fts5"))
        for kind in ["clauses", "statements", "events"] {
            for trigger in ["insert", "update", "delete"] {
                #expect(sql.contains("CREATE TRIGGER \(kind)_search_\(trigger)"))
            }
        }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in characters: String) -> String {
        String(drop { characters.contains($0) }.reversed().drop { characters.contains($0) }.reversed())
    }
}
