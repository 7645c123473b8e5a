import FoundationEssentials
import SQLiteStore

/// The SQL of one list request, assembled from fragments the repositories spell as string
/// literals (`StaticString`), never from request text; every value travels as a binding.
///
/// The text therefore depends only on the request's shape (which filters are present, whether
/// each has one value or several, the sort, whether there is a position), so each shape is
/// prepared once and reused from the connection's statement cache.
///
/// Pagination is by keyset, never OFFSET: a page after a position asks for the rows whose sort
/// keys come strictly after the position's values (see `afterPosition`), which an index on the
/// sort keys answers with a seek, so the last page costs what the first does.
///
/// A filter of alternatives whose index keeps each value's rows in sort order can be a `union`:
/// one SELECT per value, each walking its index in order, merged (sqlite.org/lang_select.html
/// #compound_select_statements), so a page reads about `limit` rows per value instead of
/// sorting every match.
struct KeysetQuery {
    /// One ORDER BY term: a column expression, its direction, and the kind of its values.
    struct OrderColumn {
        let expression: String
        let kind: ListPosition.Value.Kind
        var isDescending = false

        init(_ expression: StaticString, _ kind: ListPosition.Value.Kind) {
            self.expression = expression.description
            self.kind = kind
        }

        /// This column in the given direction.
        func descending(_ isDescending: Bool) -> OrderColumn {
            var column = self
            column.isDescending = isDescending
            return column
        }
    }

    /// The most values a `union` takes; a caller with more filters another way.
    static let maximumBranches = 16

    private let columns: String
    private let source: String
    private let countSource: String
    let order: [OrderColumn]
    private var conditions: [String] = []
    private var conditionBindings: [SQLiteValue] = []
    /// The condition each SELECT of a union holds, and the value each binds (NULL in padding).
    private var branches: (condition: String, values: [SQLiteValue])?

    /// `SELECT columns FROM source … ORDER BY order`, counted as `SELECT count(*) FROM
    /// countSource …` (the source by default): a count can skip a join that only brings columns,
    /// as long as every condition reads only what `countSource` has.
    init(select columns: StaticString, from source: StaticString, countFrom countSource: StaticString? = nil, order: [OrderColumn]) {
        precondition(!order.isEmpty, "a list needs at least one sort key")
        self.columns = columns.description
        self.source = source.description
        self.countSource = (countSource ?? source).description
        self.order = order
    }

    /// Adds a condition with `?` placeholders and their values, in order.
    mutating func filter(_ fragment: StaticString, _ values: SQLiteValue...) {
        // Checked in debug builds (the tests): the fragments are the repositories' own constants,
        // and counting on every request cost 1 % of an uncached search.
        assert(fragment.description.count(of: "?") == values.count, "placeholders and values differ in \(fragment)")
        conditions.append(fragment.description)
        conditionBindings += values
    }

    /// Adds a condition that holds when a column equals any of `values`; `template` holds
    /// `{in}` where the membership test goes. No values means no condition.
    ///
    /// One value is `= ?`, so an index on the column is searched with one key and keeps its
    /// order; several are `IN (SELECT value FROM json_each(?))` with the values bound as one
    /// JSON array, so the statement text does not depend on how many there are
    /// (sqlite.org/json1.html#jeach).
    mutating func filter(_ template: StaticString, anyOf values: [String]) {
        guard !values.isEmpty else { return }
        let text = template.description
        assert(text.count(of: "{in}") == 1 && text.count(of: "?") == 0, "bad membership template \(template)")
        if values.count == 1 {
            conditions.append(text.replacing("{in}", with: "= ?"))
            conditionBindings.append(.text(values[0]))
        } else {
            conditions.append(text.replacing("{in}", with: "IN (SELECT value FROM json_each(?))"))
            conditionBindings.append(.text(StoredJSON.text(strings: values)))
        }
    }

    /// Makes the query one SELECT per distinct value of `values`, each holding `condition`
    /// (one `?`, bound to its value), merged by UNION in the sort order. No values means no
    /// condition; one is a plain condition.
    ///
    /// For this to read a page's worth of rows per value, each SELECT must walk an index in the
    /// sort order, and for the merge to drop an event reached through two values, the sort
    /// expressions must be among `columns` and equal for both (sqlite.org/lang_select.html
    /// #orderby: a compound's ORDER BY names result columns). The count of values is padded
    /// to a power of two with NULL (which `= ?` never matches), so that few texts exist.
    mutating func union(_ condition: StaticString, anyOf values: [String]) {
        let distinct = Array(Set(values)).sorted()
        precondition(branches == nil, "one union per query")
        precondition(distinct.count <= Self.maximumBranches, "\(distinct.count) values is more than a union takes")
        precondition(condition.description.count(of: "?") == 1, "a union condition takes one value: \(condition)")
        guard distinct.count > 1 else {
            if let value = distinct.first {
                conditions.insert(condition.description, at: 0)
                conditionBindings.insert(.text(value), at: 0)
            }
            return
        }
        var count = 2
        while count < distinct.count { count *= 2 }
        let padding = [SQLiteValue](repeating: .null, count: count - distinct.count)
        branches = (condition.description, distinct.map { SQLiteValue.text($0) } + padding)
    }

    // MARK: SQL

    /// A statement's text and its values.
    typealias SQL = (sql: String, bindings: [SQLiteValue])

    /// `SELECT count(*)` over the filters, without any position.
    var countSQL: SQL {
        guard let branches else {
            return ("SELECT count(*) FROM \(countSource)" + whereClause(conditions), conditionBindings)
        }
        let keys = order.map(\.expression).joined(separator: ", ")
        let select = "SELECT \(keys) FROM \(countSource)" + whereClause([branches.condition] + conditions)
        let numbers = order.indices.map { String($0 + 1) }.joined(separator: ", ")
        let sql = "SELECT count(*) FROM (" + Array(repeating: select, count: branches.values.count).joined(separator: " UNION ")
            + " ORDER BY \(numbers))"
        return (sql, branches.values.flatMap { [$0] + conditionBindings })
    }

    /// Every row that matches the filters, in no order: for a caller that sorts a few rows
    /// itself rather than have SQLite keep the best `LIMIT` of them in a temporary B-tree. Nil for
    /// a union, whose branches only a sort merges.
    var unorderedSQL: SQL? {
        guard branches == nil else { return nil }
        return ("SELECT \(columns) FROM \(source)" + whereClause(conditions), conditionBindings)
    }

    /// One row more than a page shows, which says whether there is a next page (without
    /// overflowing for `Int.max`, where there can be no next page anyway).
    static func rowsToFetch(forPageOf limit: Int) -> Int {
        limit == Int.max ? limit : limit + 1
    }

    /// The page after `position` (the first page when nil), `limit` rows at most.
    func pageSQL(after position: [ListPosition.Value]?, limit: Int) -> SQL {
        var terms = conditions
        var bindings = conditionBindings
        if let position {
            // First: where a filter also bounds the sort's first key (`from` on the date), the
            // planner takes the first bound it finds as the start of its index range, and the
            // position's bound must be that start, or each page walks from the filter's bound.
            precondition(position.count == order.count, "a position has one value per sort key")
            let keyset = afterPosition()
            terms.insert(keyset.sql, at: 0)
            bindings.insert(contentsOf: keyset.valueIndexes.map { position[$0].sqliteValue }, at: 0)
        }
        let orderBy = " ORDER BY " + order.map { $0.expression + ($0.isDescending ? " DESC" : " ASC") }.joined(separator: ", ")
        guard let branches else {
            let sql = "SELECT \(columns) FROM \(source)" + whereClause(terms) + orderBy + " LIMIT ?"
            return (sql, bindings + [.integer(Int64(limit))])
        }
        let select = "SELECT \(columns) FROM \(source)" + whereClause([branches.condition] + terms)
        let sql = Array(repeating: select, count: branches.values.count).joined(separator: " UNION ") + orderBy + " LIMIT ?"
        return (sql, branches.values.flatMap { [$0] + bindings } + [.integer(Int64(limit))])
    }

    /// The rows strictly after a position in the sort order, and which position value each
    /// placeholder takes.
    ///
    /// All keys one direction: a row-value comparison, `(a, b) > (?, ?)`, which SQLite answers
    /// by seeking an index on (a, b) (sqlite.org/rowvalue.html §2.2). Mixed directions:
    /// `a >= ? AND (a > ? OR (a = ? AND b < ?))`, whose leading range still lets an index on
    /// `a` start at the position.
    func afterPosition() -> (sql: String, valueIndexes: [Int]) {
        let isUniform = order.allSatisfy { $0.isDescending == order[0].isDescending }
        if isUniform {
            let comparison = order[0].isDescending ? "<" : ">"
            if order.count == 1 {
                return ("\(order[0].expression) \(comparison) ?", [0])
            }
            let names = order.map(\.expression).joined(separator: ", ")
            let marks = Array(repeating: "?", count: order.count).joined(separator: ", ")
            return ("(\(names)) \(comparison) (\(marks))", Array(order.indices))
        }
        var sql = ""
        var indexes: [Int] = []
        for (index, column) in order.enumerated().reversed() {
            let comparison = column.isDescending ? "<" : ">"
            if sql.isEmpty {
                sql = "\(column.expression) \(comparison) ?"
                indexes = [index]
            } else {
                sql = "\(column.expression) \(comparison) ? OR (\(column.expression) = ? AND (\(sql)))"
                indexes = [index, index] + indexes
            }
        }
        let first = order[0]
        return ("\(first.expression) \(first.isDescending ? "<=" : ">=") ? AND (\(sql))", [0] + indexes)
    }

    private func whereClause(_ terms: [String]) -> String {
        terms.isEmpty ? "" : " WHERE " + terms.joined(separator: " AND ")
    }
}

extension String {
    /// How many times `needle` occurs, without overlaps.
    fileprivate func count(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }
}
