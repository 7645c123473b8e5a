import Foundation
import SQLiteStore
import Testing

@testable import SCOData

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

/// `DateBounds` restated for the reference model: a date counts as the start of its period.
func isInRange(_ value: String, from: String?, to: String?) -> Bool {
    if let from, binaryLess(value, from) { return false }
    if let to, binaryLess(to + "~", value) { return false }
    return true
}
