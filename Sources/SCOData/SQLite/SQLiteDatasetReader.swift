import SQLiteStore

/// Reads the dataset through one connection: one per event loop, never shared between threads.
///
/// Creating one is cheap (no I/O); the repositories it hands out are small views that share its
/// connection, so their statements come from that connection's statement cache. It keeps the
/// lists' totals between requests, valid while the data is unchanged: `PRAGMA data_version`
/// moves when another connection commits (sqlite.org/pragma.html#pragma_data_version) and
/// `totalChanges` when this one writes, and a move of either drops every cached total.
public final class SQLiteDatasetReader: DatasetReader {
    /// The connection every repository of this reader uses.
    public let connection: SQLiteConnection
    /// Checks that the database file is still the one the store opened (set by the store that
    /// made this reader); readiness fails when it throws.
    var fileCheck: (() throws(StorageFault) -> Void)?
    private var totals: [String: Int] = [:]
    private var totalsStamp: (dataVersion: Int64, changes: Int)?
    /// Counts the read transactions `read` began; `totalsStamp` was taken in `stampedIn`, and
    /// within one transaction the data cannot move (this connection only reads).
    private var transactionSerial = 0
    private var stampedIn = -1
    /// The transaction the reads share, once `shareTransactions(version:)` made one.
    private var sharedTransaction: SQLiteSharedReadTransaction?
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

    public var timeline: any RecordList<TimelineEvent, TimelineSortField> { SQLiteRecordList(list: SQLiteTimeline.list, reader: self) }
    public var statements: any RecordList<Statement, StatementSortField> { SQLiteRecordList(list: SQLiteStatements.list, reader: self) }
    public var states: any RecordList<State, StateSortField> { SQLiteRecordList(list: SQLiteStates.list, reader: self) }
    public var people: any RecordList<Person, PersonSortField> { SQLiteRecordList(list: SQLitePeople.list, reader: self) }
    public var regions: any RecordList<Region, RegionSortField> { SQLiteRecordList(list: SQLiteRegions.list, reader: self) }
    public var quantities: any RecordList<Quantity, QuantitySortField> {
        SQLiteRecordList(list: SQLiteQuantities.list, reader: self)
    }
    public var organizations: any RecordList<Organization, OrganizationSortField> {
        SQLiteRecordList(list: SQLiteOrganizations.list, reader: self)
    }
    public var sources: any RecordList<Source, SourceSortField> { SQLiteRecordList(list: SQLiteSources.list, reader: self) }
    public var clauses: any RecordList<Clause, ClauseSortField> {
        SQLiteRecordList(list: SQLiteDeclarationRepository.clauseList, reader: self)
    }
    public var summits: any SummitRepository { SQLiteSummitRepository(reader: self) }
    public var declarations: any DeclarationRepository { SQLiteDeclarationRepository(reader: self) }
    public var search: any SearchRepository { SQLiteSearchRepository(reader: self) }

    public func changes(after seq: Int, limit: Int) throws -> (changes: [Change], total: Int) {
        try ChangeLog.page(after: seq, limit: limit, on: connection)
    }

    public func changeSequence() throws -> Int {
        try read { try ChangeLog.latestSeq(on: connection) }
    }

    /// The database answers, its migrations are at head, and the dataset is there (a state and
    /// a recorded seed); throws when the dataset's tables cannot be read.
    public func readiness() throws -> Readiness {
        var checks: [Readiness.Check] = []
        if let fileCheck {
            do {
                try fileCheck()
                checks.append(.init(name: "file", isOK: true, detail: "the one opened"))
            } catch {
                checks.append(.init(name: "file", isOK: false, detail: error.message))
                return Readiness(checks: checks)
            }
        }
        do {
            _ = try connection.queryFirst("SELECT 1") { try $0.int(0) }
            checks.append(.init(name: "database", isOK: true, detail: "readable"))
        } catch {
            checks.append(.init(name: "database", isOK: false, detail: "not readable: \(error)"))
            return Readiness(checks: checks)
        }
        do {
            try SchemaMigrations.migrator.validate(on: connection)
            checks.append(.init(name: "migrations", isOK: true, detail: "at head (\(SchemaMigrations.all.count) applied)"))
        } catch {
            checks.append(.init(name: "migrations", isOK: false, detail: "\(error)"))
            return Readiness(checks: checks)
        }
        let states = try connection.queryFirst("SELECT count(*) FROM states") { try $0.int(0) } ?? 0
        let seeded = try connection.queryFirst("SELECT count(*) FROM dataset") { try $0.int(0) } ?? 0
        let present = states > 0 && seeded > 0
        checks.append(.init(
            name: "dataset", isOK: present, detail: present ? "present (\(states) states)" : "empty: run 'sco-api seed'"))
        return Readiness(checks: checks)
    }

    // MARK: - Running lists

    /// Runs `body` in one read transaction, so a page, its total and its related rows come from
    /// one snapshot of the database (inside a caller's transaction it is a savepoint). While
    /// transactions are shared (`shareTransactions`), the reads run in the shared one.
    func read<T>(_ body: () throws -> T) throws -> T {
        guard let shared = sharedTransaction, shared.isOpen || !connection.isInTransaction else {
            if !connection.isInTransaction { transactionSerial &+= 1 }
            return try connection.transaction(.deferred, body)
        }
        if try shared.enter() { transactionSerial &+= 1 }
        return try body()
    }

    /// Lets the reads that follow share one read transaction, labelled by `version`, until the
    /// returned transaction is ended (see `SQLiteSharedReadTransaction`).
    public func shareTransactions(version: @escaping @Sendable () -> UInt64) -> any SharedReadTransaction {
        let transaction = SQLiteSharedReadTransaction(connection: connection, version: version)
        sharedTransaction = transaction
        return transaction
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

    /// The events whose `sameAs` names `id`, by id.
    func eventsLinked(to id: String) throws -> [String] {
        try connection.query("SELECT event_id FROM event_links WHERE other_id = ? ORDER BY event_id", [.text(id)]) { try $0.string(0) }
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
extension SQLiteDatasetReader: Sendable {}
