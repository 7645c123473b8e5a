import Foundation
import SQLiteStore
import Testing

@testable import SCOData
import TestSupport

/// A database in a temporary directory, migrated and seeded with the bundled fixture, with a
/// read-only reader beside the writer, as the server has them.
final class SeededStore {
    let directory: TemporaryDirectory
    let path: String
    let database: Database
    let openReport: OpenReport
    let reader: SQLiteDatasetReader

    init(seed: Bool = true) throws {
        directory = try TemporaryDirectory()
        path = directory.file("sco.sqlite")
        (database, openReport) = try Dataset.open(path: path, seedIfEmpty: seed)
        reader = try SQLiteDatasetReader(database: database)
    }

    /// Runs SQL on the writer in one transaction (as the future write API would).
    func write(_ sql: String, _ bindings: [SQLiteValue] = []) throws {
        try database.write { try $0.run(sql, bindings) }
    }

    /// A single integer read through the reader.
    func integer(_ sql: String, _ bindings: [SQLiteValue] = []) throws -> Int {
        try reader.connection.queryFirst(sql, bindings) { try $0.int(0) } ?? -1
    }

    /// The bytes of the database file and its write-ahead log.
    func fileBytes() -> [Data?] {
        [FileManager.default.contents(atPath: path), FileManager.default.contents(atPath: path + "-wal")]
    }
}

/// Walks every page of a list, checking each page's total, and returns the items in order.
func walk<Item>(limit: Int, maximumPages: Int = 10_000, _ fetch: (ListPosition?) throws -> Page<Item>) throws -> (items: [Item], totals: Set<Int>, pages: Int) {
    var items: [Item] = []
    var totals: Set<Int> = []
    var position: ListPosition?
    var pages = 0
    repeat {
        let page = try fetch(position)
        pages += 1
        #expect(page.items.count <= limit)
        #expect(page.next == nil || page.items.count == limit, "only the last page may be short")
        // Through the text form, as the API hands it out and takes it back.
        position = try page.next.map { try ListPosition(text: $0.text) }
        items += page.items
        totals.insert(page.total)
    } while position != nil && pages < maximumPages
    return (items, totals, pages)
}

/// UTF-8 byte order, as SQLite's BINARY collation compares text.
func binaryLess(_ lhs: String, _ rhs: String) -> Bool {
    lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
}

/// Orders by a list of (value, descending) keys, first difference wins.
func sortedByKeys<T>(_ items: [T], _ keys: (T) -> [(String, Bool)]) -> [T] {
    items.sorted { lhs, rhs in
        for ((left, descending), (right, _)) in zip(keys(lhs), keys(rhs)) where left != right {
            return descending ? binaryLess(right, left) : binaryLess(left, right)
        }
        return false
    }
}

/// `DateBounds` restated for the reference model: a date is kept when its bounds overlap the range.
func isInRange(_ date: HistoricalDate, from: String?, to: String?) -> Bool {
    /// The period a `from`/`to` value names, as the API reads it: a year, a month or a day.
    func period(_ text: String) -> (first: String, last: String) {
        switch text.count {
        case 4: return (text + "-01-01", text + "-12-31")
        case 7:
            let year = Int(text.prefix(4))!, month = Int(text.suffix(2))!
            let days = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            return (text + "-01", text + "-" + String(days[month - 1]))
        default: return (text, text)
        }
    }
    // Kept when the date's bounds overlap the range.
    if let from, date.latest < period(from).first { return false }
    if let to, date.earliest > period(to).last { return false }
    return true
}

/// A database built by the first `count` migrations alone and holding the bundled dataset as far
/// as their tables and columns go: what a server of that time seeded, for upgrade tests. Each
/// table's rows are copied from a database seeded today (through JSON, which keeps integers and
/// text apart), the tables that triggers fill (search, filter tables, the change log) are left
/// to those triggers, and the `dataset` row is written last so that the copy counts no edit.
/// Values a later migration renamed are written under their names of the time (0005's roles).
func databaseSeededUnderMigrations(_ count: Int, at path: String) throws -> Database {
    let current = try SeededStore()
    let database = try Database(path: path)
    try database.migrate(Migrator(migrations: Array(SchemaMigrations.migrations.prefix(count))))
    let derived: Set<String> = ["schema_migrations", "search_rows", "actor_timeline", "region_timeline", "changes", "dataset"]
    try database.write { connection in
        let tables = try connection.query(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%' ORDER BY rowid"
        ) { try $0.string(0) }
        for table in tables.filter({ !derived.contains($0) }) + ["dataset"] {
            let old = try connection.query("SELECT name FROM pragma_table_info(?)", [.text(table)]) { try $0.string(0) }
            let new = Set(try current.reader.connection.query("SELECT name FROM pragma_table_info(?)", [.text(table)]) { try $0.string(0) })
            let columns = old.filter(new.contains)
            let list = columns.joined(separator: ", ")
            let selected = table == "state_roles" && count < 5
                ? list.replacingOccurrences(
                    of: "role", with: "CASE role WHEN 'observer' THEN 'attending-as-observer' WHEN 'observer-status' THEN 'observer' ELSE role END")
                : list
            // Before 0005 no region took part in an event.
            let rows = try current.reader.connection.queryFirst(
                "SELECT json_group_array(json_array(\(selected))) FROM \(table)"
                    + (table == "event_actors" && count < 5 ? " WHERE region_id IS NULL" : "")) { try $0.string(0) } ?? "[]"
            let values = columns.indices.map { "json_extract(value, '$[\($0)]')" }.joined(separator: ", ")
            try connection.run("INSERT INTO \(table) (\(list)) SELECT \(values) FROM json_each(?)", [.text(rows)])
        }
    }
    return database
}
