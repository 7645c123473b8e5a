import SQLiteStore

/// Typed reads of the dataset's columns, failing with `DatasetError.corruptValue` (naming the
/// table and column) when a stored value does not fit the model.
extension Row {
    /// A closed-set value (a kind, a role, a precision) from a text column, matched on the
    /// column's bytes without making a String of them.
    func value<Value: StoredName>(_ index: Int, as type: Value.Type, table: String) throws -> Value {
        if let value = try withUnsafeTextBytes(index, Value.storedNames.value(named:)) { return value }
        throw DatasetError.corruptValue(table: table, column: columnName(index), detail: "unknown value \"\(try string(index))\"")
    }

    /// A date stored in four columns from `index` (value, precision, text, note) and three
    /// from `bounds` (earliest, latest, basis).
    func date(at index: Int, bounds: Int, table: String) throws -> HistoricalDate {
        HistoricalDate(
            value: try string(index),
            precision: try value(index + 1, as: DatePrecision.self, table: table),
            text: try optionalString(index + 2),
            note: try optionalString(index + 3),
            earliest: try string(bounds),
            latest: try string(bounds + 1),
            basis: try value(bounds + 2, as: DateBasis.self, table: table))
    }

    /// A date that may be absent (all its columns NULL).
    func optionalDate(at index: Int, bounds: Int, table: String) throws -> HistoricalDate? {
        isNull(index) ? nil : try date(at: index, bounds: bounds, table: table)
    }

    /// A `sources` column: the record's quotes.
    func quotes(_ index: Int, table: String) throws -> [SourceQuote] {
        try json(index, table: table, StoredJSON.quotes)
    }

    /// A `notes` column.
    func notes(_ index: Int, table: String) throws -> [Note] {
        try json(index, table: table, StoredJSON.notes)
    }

    /// A JSON list of strings (`addresses`).
    func strings(_ index: Int, table: String) throws -> [String] {
        try json(index, table: table, StoredJSON.strings)
    }

    private func json<T>(_ index: Int, table: String, _ parse: ([UInt8]) throws(StoredJSON.ShapeError) -> T) throws -> T {
        let bytes = try textBytes(index)
        do {
            return try parse(bytes)
        } catch {
            throw DatasetError.corruptValue(table: table, column: columnName(index), detail: error.detail)
        }
    }
}
