import SQLiteStore

/// How one list is read from SQLite: its columns and table, the SQL of each filter, the column
/// each sort field orders by, how a row decodes and what is attached to it afterwards; from
/// these it reads one record by id, and builds a request's keyset query and cursor fingerprint
/// and reads its page.
///
/// Every fragment is a string literal of the repository's (`StaticString`), never request
/// text; values travel as bindings (see `KeysetQuery`).
final class SQLiteList<Item, Field: ListSortField>: Sendable {
    /// A sort field's ORDER BY column, and an item's value of it for the next page's position.
    struct SortKey: Sendable {
        let column: KeysetQuery.OrderColumn
        let value: @Sendable (Item) -> ListPosition.Value

        static func text(_ column: StaticString, _ value: @escaping @Sendable (Item) -> String) -> SortKey {
            SortKey(column: .init(column, .text), value: { .text(value($0)) })
        }

        static func integer(_ column: StaticString, _ value: @escaping @Sendable (Item) -> Int) -> SortKey {
            SortKey(column: .init(column, .integer), value: { .integer(Int64(value($0))) })
        }
    }

    /// The fingerprint's list name (`timeline`): a cursor of one list is refused by another.
    let name: String
    let select: StaticString
    let from: StaticString
    /// Each filter's name and its membership template (`e.kind {in}`), in the order the
    /// fingerprint records them.
    let filters: [(name: String, condition: StaticString)]
    /// The conditions `from` and `to` bind to, for a list with dates.
    let dateBounds: DateConditions?
    /// Every sort field's key.
    let sortKeys: [Field: SortKey]
    let decode: @Sendable (Row) throws -> Item
    /// Adds what `decode` leaves out (related ids) to a page's items at once; nil when a row is
    /// the whole item.
    let attach: (@Sendable (consuming [Item], SQLiteDatasetReader) throws -> [Item])?
    /// `SELECT select FROM from WHERE …`, the id bound to `?1`.
    private let recordSQL: String
    /// What a requested id becomes before it is bound (`asciiUppercased` for state codes).
    private let idKey: (@Sendable (String) -> String)?
    /// The keyset query of a request when the list picks among several (the timeline's walks
    /// of its filter tables); `keysetQuery(_:)` otherwise.
    private let plan: (@Sendable (ListRequest<Field>) -> KeysetQuery)?

    /// `sortKeys` must hold every sort field (a list missing one traps when first used, which
    /// every repository test does).
    init(
        name: String, select: StaticString, from: StaticString, byID condition: String,
        idKey: (@Sendable (String) -> String)? = nil,
        filters: [(name: String, condition: StaticString)] = [], dateBounds: DateConditions? = nil,
        sortKeys: [Field: SortKey], decode: @escaping @Sendable (Row) throws -> Item,
        attach: (@Sendable (consuming [Item], SQLiteDatasetReader) throws -> [Item])? = nil,
        plan: (@Sendable (ListRequest<Field>) -> KeysetQuery)? = nil
    ) {
        precondition(Set(sortKeys.keys) == Set(Field.allCases), "list \(name) lacks a sort key")
        self.name = name
        self.select = select
        self.from = from
        self.filters = filters
        self.dateBounds = dateBounds
        self.sortKeys = sortKeys
        self.decode = decode
        self.attach = attach
        self.recordSQL = "SELECT \(select) FROM \(from) WHERE \(condition)"
        self.idKey = idKey
        self.plan = plan
    }

    /// The record whose id (as `byID` matches it) is `id`, or nil.
    func record(id: String, on reader: SQLiteDatasetReader) throws -> Item? {
        let binding: [SQLiteValue] = [.text(idKey?(id) ?? id)]
        guard let attach else { return try reader.connection.queryFirst(recordSQL, binding, decode) }
        return try reader.read {
            guard let item = try reader.connection.queryFirst(recordSQL, binding, decode) else { return nil }
            return try attach([item], reader)[0]
        }
    }

    /// The query over `from` with every filter and the date range, in the request's order.
    func keysetQuery(_ request: ListRequest<Field>) -> KeysetQuery {
        var sql = KeysetQuery(select: select, from: from, order: order(request.sort))
        for filter in filters {
            sql.filter(filter.condition, anyOf: request.values(filter.name))
        }
        if let dateBounds { addDateBounds(request, to: &sql, dateBounds) }
        return sql
    }

    /// The ORDER BY columns of `sort`, each in its direction.
    func order(_ sort: ListSort<Field>) -> [KeysetQuery.OrderColumn] {
        sort.keys.map { sortKey($0.field).column.descending($0.isDescending) }
    }

    private func sortKey(_ field: Field) -> SortKey {
        guard let key = sortKeys[field] else { preconditionFailure("list \(name) has no sort key \(field)") }
        return key
    }

    /// The request's `from` and `to` as conditions on the date columns (`DateBounds`).
    func addDateBounds(_ request: ListRequest<Field>, to sql: inout KeysetQuery, _ conditions: DateConditions) {
        if let from = request.from {
            sql.filter(conditions.from, .text(DateBounds.lower(from)))
            sql.filter(conditions.floor, .text(DateBounds.floor(from)))
        }
        if let to = request.to { sql.filter(conditions.to, .text(DateBounds.upper(to))) }
    }

    /// What binds a position to this request: the list, each filter's values, the date range
    /// and the effective sort (never the page size).
    func fingerprint(_ request: ListRequest<Field>) -> String {
        var fingerprint = QueryFingerprint(list: name)
        for filter in filters {
            fingerprint.add(filter.name, anyOf: request.values(filter.name))
        }
        if dateBounds != nil {
            fingerprint.add("from", request.from)
            fingerprint.add("to", request.to)
        }
        fingerprint.add(sort: request.sort)
        return fingerprint.value
    }

    /// One page of the request in one read transaction, with `attach` applied.
    func page(_ request: ListRequest<Field>, on reader: SQLiteDatasetReader) throws -> Page<Item> {
        let keys = request.sort.keys.map { sortKey($0.field).value }
        return try reader.read {
            var page = try reader.page(
                plan?(request) ?? keysetQuery(request), limit: request.limit, position: request.position,
                fingerprint: fingerprint(request), decode: decode,
                key: { item in keys.map { $0(item) } })
            guard let attach else { return page }
            // The items are handed over, not shared, so `attach` changes them in place.
            let items = page.items
            page.items = []
            page.items = try attach(consume items, reader)
            return page
        }
    }
}

/// A list read through one loop's reader: the `RecordList` the API sees.
struct SQLiteRecordList<Item, Field: ListSortField>: RecordList {
    let list: SQLiteList<Item, Field>
    let reader: SQLiteDatasetReader

    func record(id: String) throws -> Item? { try list.record(id: id, on: reader) }
    func page(_ request: ListRequest<Field>) throws -> Page<Item> { try list.page(request, on: reader) }
}

/// A record found by its `id` and listed by `id` or `name`.
protocol NamedRecord: Identifiable, Sendable where ID == String {
    var name: String { get }
}

extension Organization: NamedRecord {}
extension Person: NamedRecord {}
extension Region: NamedRecord {}

extension SQLiteList where Field == NameSortField, Item: NamedRecord {
    /// A list of named records: one is found by `id = ?1`, and lists sort by the `id` or `name`
    /// column.
    convenience init(
        name: String, select: StaticString, from: StaticString, id: StaticString, name nameColumn: StaticString,
        filters: [(name: String, condition: StaticString)], decode: @escaping @Sendable (Row) throws -> Item
    ) {
        self.init(
            name: name, select: select, from: from, byID: "\(id) = ?1", filters: filters,
            sortKeys: [.id: .text(id) { $0.id }, .name: .text(nameColumn) { $0.name }], decode: decode)
    }
}

/// The conditions a list's `from` and `to` bind to (`DateBounds`): `from` on the latest day
/// (`e.date_latest >= ?`) and, as an index range, on the earliest (`floor`,
/// `e.date_earliest >= ?`); `to` on the earliest (`e.date_earliest <= ?`).
struct DateConditions: Sendable {
    let from: StaticString
    let floor: StaticString
    let to: StaticString
}
