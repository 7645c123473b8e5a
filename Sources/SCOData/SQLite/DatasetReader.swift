import SQLiteStore

/// Reads the dataset through one connection: one per event loop, never shared between threads.
///
/// Creating one is cheap (no I/O); the repositories it hands out are small views that share its
/// connection, so their statements come from that connection's statement cache. It keeps the
/// lists' totals between requests, valid while the data is unchanged: `PRAGMA data_version`
/// moves when another connection commits (sqlite.org/pragma.html#pragma_data_version) and
/// `totalChanges` when this one writes, and a move of either drops every cached total.
public final class DatasetReader {
    /// The connection every repository of this reader uses.
    public let connection: SQLiteConnection
    private var totals: [String: Int] = [:]
    private var totalsStamp: (dataVersion: Int64, changes: Int)?
    /// Counts the read transactions `read` began; `totalsStamp` was taken in `stampedIn`, and
    /// within one transaction the data cannot move (this connection only reads).
    private var transactionSerial = 0
    private var stampedIn = -1
    /// Set by `shareTransactions(version:)`: the data version that labels the data.
    private var sharedVersion: (@Sendable () -> UInt64)?
    /// The version when the shared transaction began; nil while none is open.
    private var openSharedVersion: UInt64?
    /// Totals kept at most; past it the cache starts over (a crude bound, for hostile filters).
    private let totalsCapacity = 512

    /// A reader over `connection`, usually `Database.makeReader()` on the loop's thread.
    public init(connection: SQLiteConnection) {
        self.connection = connection
    }

    /// A reader over a new read-only connection of `database`, for the calling thread.
    public convenience init(database: Database) throws {
        self.init(connection: try database.makeReader())
    }

    public var timeline: SQLiteTimelineRepository { SQLiteTimelineRepository(reader: self) }
    public var statements: SQLiteStatementRepository { SQLiteStatementRepository(reader: self) }
    public var states: SQLiteStateRepository { SQLiteStateRepository(reader: self) }
    public var people: SQLitePersonRepository { SQLitePersonRepository(reader: self) }
    public var regions: SQLiteRegionRepository { SQLiteRegionRepository(reader: self) }
    public var organizations: SQLiteOrganizationRepository { SQLiteOrganizationRepository(reader: self) }
    public var sources: SQLiteSourceRepository { SQLiteSourceRepository(reader: self) }
    public var summits: SQLiteSummitRepository { SQLiteSummitRepository(reader: self) }
    public var declarations: SQLiteDeclarationRepository { SQLiteDeclarationRepository(reader: self) }
    public var search: SQLiteSearchRepository { SQLiteSearchRepository(reader: self) }

    // MARK: - Running lists

    /// Runs `body` in one read transaction, so a page, its total and its related rows come from
    /// one snapshot of the database (inside a caller's transaction it is a savepoint). While
    /// transactions are shared (`shareTransactions`), the reads until `endSharedTransaction`
    /// run in one, begun by the first of them.
    func read<T>(_ body: () throws -> T) throws -> T {
        guard let sharedVersion, openSharedVersion != nil || !connection.isInTransaction else {
            if !connection.isInTransaction { transactionSerial &+= 1 }
            return try connection.transaction(.deferred, body)
        }
        let version = sharedVersion()
        if let open = openSharedVersion, open != version || !connection.isInTransaction {
            endSharedTransaction()
        }
        if openSharedVersion == nil {
            try connection.run("BEGIN DEFERRED")
            transactionSerial &+= 1
            openSharedVersion = version
        }
        return try body()
    }

    /// Lets the reads that follow share one read transaction until `endSharedTransaction()`,
    /// which an event loop calls when it has handled what one wake-up brought: beginning and
    /// ending a transaction for every request cost a twelfth of an uncached search (two
    /// statements, and the WAL read lock that every loop's connection takes under one mutex).
    ///
    /// `version` is the data version that labels what is read (`Database.dataVersion`, bumped
    /// on every commit this process makes): when it has moved since the shared transaction
    /// began, the next read ends it and begins another, so a read never returns data older
    /// than a write this process committed before it, nor data older than its label.
    public func shareTransactions(version: @escaping @Sendable () -> UInt64) {
        sharedVersion = version
    }

    /// Ends the shared read transaction if the data version moved since it began: for a caller
    /// about to read through `connection` itself, outside `read`.
    public func endSharedTransactionIfStale() {
        guard let open = openSharedVersion, let sharedVersion, sharedVersion() != open else { return }
        endSharedTransaction()
    }

    /// Ends the shared read transaction, if one is open.
    public func endSharedTransaction() {
        guard openSharedVersion != nil else { return }
        openSharedVersion = nil
        // A read transaction has nothing to lose: a failing COMMIT (never seen) is rolled back.
        if connection.isInTransaction, (try? connection.run("COMMIT")) == nil {
            try? connection.run("ROLLBACK")
        }
    }

    /// One page of a keyset list: checks the position against the fingerprint and the sort
    /// keys, counts (or recalls) the total, and reads `limit` rows after the position.
    /// `key` gives an item's sort-key values, in the order of `query.order`.
    /// `prebuilt` is `query`'s page and count SQL when the caller has built them already.
    func page<Item>(
        _ query: KeysetQuery, limit: Int, position: ListPosition?, fingerprint: String,
        prebuilt: (page: KeysetQuery.SQL, count: KeysetQuery.SQL)? = nil,
        decode: (Row) throws -> Item, key: (Item) -> [ListPosition.Value]
    ) throws -> Page<Item> {
        precondition(limit > 0, "a page holds at least one item")
        try check(position, for: query, fingerprint: fingerprint)
        let total = try total(of: query, fingerprint: fingerprint, countSQL: prebuilt?.count)
        let page = prebuilt?.page ?? query.pageSQL(after: position?.values, limit: KeysetQuery.rowsToFetch(forPageOf: limit))
        var items = try connection.query(page.sql, page.bindings, decode)
        var next: ListPosition?
        if items.count > limit {
            items.removeLast(items.count - limit)
            next = ListPosition(fingerprint: fingerprint, values: key(items[items.count - 1]))
        }
        return Page(items: items, total: total, next: next)
    }

    /// Throws `CursorError.doesNotMatchQuery` unless `position` was made for this query: the
    /// same fingerprint, one value per sort key, each of the key's kind.
    func check(_ position: ListPosition?, for query: KeysetQuery, fingerprint: String) throws(CursorError) {
        guard let position else { return }
        guard position.fingerprint == fingerprint, position.values.count == query.order.count,
              zip(position.values, query.order).allSatisfy({ $0.isKind($1.kind) })
        else { throw .doesNotMatchQuery }
    }

    /// How many rows `query` matches (its position aside), counted once per state of the data.
    func total(of query: KeysetQuery, fingerprint: String, countSQL: KeysetQuery.SQL? = nil) throws -> Int {
        // The count's SQL is built only when the total is not kept.
        try total(fingerprint: fingerprint) { try count(countSQL ?? query.countSQL) }
    }

    /// The total for `fingerprint`, counted by `countSQL` once per state of the data.
    func total(fingerprint: String, countSQL: KeysetQuery.SQL) throws -> Int {
        try total(fingerprint: fingerprint) { try count(countSQL) }
    }

    /// The number a `SELECT count(*)` statement gives.
    private func count(_ countSQL: KeysetQuery.SQL) throws -> Int {
        try connection.queryFirst(countSQL.sql, countSQL.bindings) { try $0.int(0) } ?? 0
    }

    /// The total for `fingerprint`, counted once per state of the data.
    private func total(fingerprint: String, count: () throws -> Int) throws -> Int {
        // The data version is looked at once per transaction: it cannot move inside one, and a
        // write on this connection (a reader over the writer's) moves `totalChanges`.
        if !(connection.isInTransaction && stampedIn == transactionSerial
             && totalsStamp?.changes == connection.totalChanges) {
            let stamp = (dataVersion: try connection.externalDataVersion(), changes: connection.totalChanges)
            if totalsStamp.map({ $0 != stamp }) ?? true {
                totals.removeAll(keepingCapacity: true)
                totalsStamp = stamp
            }
            stampedIn = connection.isInTransaction ? transactionSerial : -1
        }
        if totals.count >= totalsCapacity {
            totals.removeAll(keepingCapacity: true)
        }
        if let total = totals[fingerprint] { return total }
        let total = try count()
        totals[fingerprint] = total
        return total
    }

    /// Related ids for a set of records, grouped by record, from a query of (record id,
    /// related id) rows taking the record ids as one JSON array (`json_each(?)`).
    func relatedIDs(_ sql: String, for ids: [String]) throws -> [String: [String]] {
        var related: [String: [String]] = [:]
        guard !ids.isEmpty else { return related }
        try connection.forEachRow(sql, [.text(StoredJSON.text(strings: ids))]) { row in
            related[try row.string(0), default: []].append(try row.string(1))
        }
        return related
    }
}

@available(*, unavailable, message: "a reader belongs to its connection's thread")
extension DatasetReader: Sendable {}
