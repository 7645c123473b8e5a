/// Prepared statements keyed by SQL text, bounded, evicting the least recently used.
///
/// Bounded because callers may build SQL dynamically (filter combinations); an evicted
/// statement is finalized as soon as nobody else holds it.
struct StatementCache {
    private struct Entry {
        let statement: PreparedStatement
        var lastUse: UInt64
    }

    private var entries: [SQLText: Entry] = [:]
    private var clock: UInt64 = 0
    let capacity: Int

    init(capacity: Int) {
        precondition(capacity > 0, "a statement cache needs room for at least one statement")
        self.capacity = capacity
    }

    var count: Int { entries.count }

    /// The cached statement for `sql`, marked as just used.
    mutating func statement(for sql: String) -> PreparedStatement? {
        let key = SQLText(sql)
        guard let index = entries.index(forKey: key) else { return nil }
        clock += 1
        entries.values[index].lastUse = clock
        return entries.values[index].statement
    }

    /// Caches `statement`, evicting the least recently used entry when full.
    mutating func insert(_ statement: PreparedStatement, for sql: String) {
        let key = SQLText(sql)
        if entries[key] == nil, entries.count >= capacity,
           let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key {
            entries[oldest] = nil
        }
        clock += 1
        entries[key] = Entry(statement: statement, lastUse: clock)
    }

    mutating func removeAll() {
        entries.removeAll()
    }
}

/// SQL text as a dictionary key, hashed and compared by its UTF-8 bytes. `String`'s own hashing
/// normalizes to NFC first (Unicode canonical equivalence), which for a page query of a few
/// hundred bytes looked up on every request cost 7 % of an uncached search; SQLite compares SQL
/// byte for byte anyway.
private struct SQLText: Hashable {
    let text: String

    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// `String`'s equality compares the bytes directly (memcmp) when both texts are known to be
    /// NFC, which ASCII SQL is; the generic `utf8.elementsEqual` went byte by byte.
    static func == (lhs: SQLText, rhs: SQLText) -> Bool {
        lhs.text == rhs.text
    }
}
