/// Prepared statements keyed by SQL text, bounded, evicting the least recently used.
///
/// Bounded because callers may build SQL dynamically (filter combinations); an evicted
/// statement is finalized as soon as nobody else holds it.
///
/// The few statements looked up last are found again by the address of their text's bytes,
/// without hashing the text: a request runs the same few queries, their SQL kept in constants.
/// An address stands for the bytes only while the text it came from is alive and unchanged,
/// and it is: `recent` holds that text (a `String`'s storage is immutable while shared), so no
/// other text can take its place at that address.
struct StatementCache {
    private final class Entry {
        let statement: PreparedStatement
        var lastUse: UInt64

        init(statement: PreparedStatement, lastUse: UInt64) {
            self.statement = statement
            self.lastUse = lastUse
        }
    }

    private struct Recent {
        let address: UnsafeRawPointer
        let count: Int
        let key: SQLText
        let entry: Entry
    }

    private var entries: [SQLText: Entry] = [:]
    private var recent: [Recent] = []
    private var clock: UInt64 = 0
    let capacity: Int

    /// How many statements are found by address.
    static let recentCapacity = 4

    init(capacity: Int) {
        precondition(capacity > 0, "a statement cache needs room for at least one statement")
        self.capacity = capacity
        recent.reserveCapacity(Self.recentCapacity)
    }

    var count: Int { entries.count }

    /// The cached statement for `sql`, marked as just used.
    mutating func statement(for sql: String) -> PreparedStatement? {
        let address = sql.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
        let count = sql.utf8.count
        clock += 1
        if let address {
            for known in recent where known.address == address && known.count == count {
                known.entry.lastUse = clock
                return known.entry.statement
            }
        }
        let key = SQLText(sql)
        guard let entry = entries[key] else { return nil }
        entry.lastUse = clock
        // Only a text with storage of its own: a small string's bytes are copied to the stack.
        if let address, count > 15 {
            remember(Recent(address: address, count: count, key: key, entry: entry))
        }
        return entry.statement
    }

    /// Caches `statement`, evicting the least recently used entry when full.
    mutating func insert(_ statement: PreparedStatement, for sql: String) {
        let key = SQLText(sql)
        if entries[key] == nil, entries.count >= capacity,
           let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key {
            entries[oldest] = nil
            recent.removeAll { $0.key == oldest }
        }
        clock += 1
        if entries[key] != nil { recent.removeAll { $0.key == key } }
        entries[key] = Entry(statement: statement, lastUse: clock)
    }

    mutating func removeAll() {
        entries.removeAll()
        recent.removeAll(keepingCapacity: true)
    }

    /// Keeps `found`, dropping the one kept longest when `recent` is full.
    private mutating func remember(_ found: Recent) {
        if recent.count == Self.recentCapacity { recent.removeFirst() }
        recent.append(found)
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
