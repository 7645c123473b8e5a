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

    private let columns: String
    private let source: String
    let order: [OrderColumn]
    private var conditions: [String] = []
    private var conditionBindings: [SQLiteValue] = []

    /// `SELECT columns FROM source … ORDER BY order`.
    init(select columns: StaticString, from source: StaticString, order: [OrderColumn]) {
        precondition(!order.isEmpty, "a list needs at least one sort key")
        self.columns = columns.description
        self.source = source.description
        self.order = order
    }

    /// Adds a condition with `?` placeholders and their values, in order.
    mutating func filter(_ fragment: StaticString, _ values: SQLiteValue...) {
        precondition(fragment.description.count(of: "?") == values.count, "placeholders and values differ in \(fragment)")
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
        precondition(text.count(of: "{in}") == 1 && text.count(of: "?") == 0, "bad membership template \(template)")
        if values.count == 1 {
            conditions.append(text.replacing("{in}", with: "= ?"))
            conditionBindings.append(.text(values[0]))
        } else {
            conditions.append(text.replacing("{in}", with: "IN (SELECT value FROM json_each(?))"))
            conditionBindings.append(.text(StoredJSON.text(strings: values)))
        }
    }

    // MARK: SQL

    /// `SELECT count(*)` over the filters, without any position.
    var countSQL: (sql: String, bindings: [SQLiteValue]) {
        ("SELECT count(*) FROM \(source)" + whereClause(conditions), conditionBindings)
    }

    /// One row more than a page shows, which says whether there is a next page (without
    /// overflowing for `Int.max`, where there can be no next page anyway).
    static func rowsToFetch(forPageOf limit: Int) -> Int {
        limit == Int.max ? limit : limit + 1
    }

    /// The page after `position` (the first page when nil), `limit` rows at most.
    func pageSQL(after position: [ListPosition.Value]?, limit: Int) -> (sql: String, bindings: [SQLiteValue]) {
        var terms = conditions
        var bindings = conditionBindings
        if let position {
            precondition(position.count == order.count, "a position has one value per sort key")
            let keyset = afterPosition()
            terms.append(keyset.sql)
            bindings += keyset.valueIndexes.map { position[$0].sqliteValue }
        }
        let orderBy = order.map { $0.expression + ($0.isDescending ? " DESC" : " ASC") }.joined(separator: ", ")
        let sql = "SELECT \(columns) FROM \(source)" + whereClause(terms) + " ORDER BY \(orderBy) LIMIT ?"
        return (sql, bindings + [.integer(Int64(limit))])
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
