import CSQLite

/// The current row of a statement being stepped.
///
/// A view, not a copy: it reads the statement's current row and is valid only inside the
/// closure it was handed to. Columns count from 0. Typed reads check the storage class and
/// throw `StoreError.columnType` on a mismatch (NULL for a non-optional read included); an
/// integer column reads as a `Double` too. An index out of range is a programmer error and traps.
public struct Row {
    let statement: PreparedStatement

    private var pointer: OpaquePointer { statement.pointer }

    /// The number of columns.
    public var count: Int { statement.columnCount }

    /// The name of column `index`.
    public func columnName(_ index: Int) -> String { statement.columnName(index) }

    /// The index of the column called `name`, if there is one.
    public func index(of name: String) -> Int? { statement.columnIndex(named: name) }

    /// Whether column `index` is NULL in this row.
    public func isNull(_ index: Int) -> Bool {
        columnType(index) == SQLITE_NULL
    }

    /// Column `index` as whatever storage class it holds.
    public subscript(_ index: Int) -> SQLiteValue {
        let value = columnValue(index)
        return switch sqlite3_value_type(value) {
        case SQLITE_INTEGER: .integer(sqlite3_value_int64(value))
        case SQLITE_FLOAT: .real(sqlite3_value_double(value))
        case SQLITE_TEXT: .text(text(of: value))
        case SQLITE_BLOB: .blob(bytes(of: value))
        default: .null
        }
    }

    /// The column called `name`; a name the row does not have is a programmer error and traps.
    public subscript(_ name: String) -> SQLiteValue {
        self[requiredIndex(of: name)]
    }

    // MARK: - Typed reads

    /// A 64-bit integer column.
    public func int64(_ index: Int) throws -> Int64 {
        sqlite3_value_int64(try expect(SQLITE_INTEGER, "integer", at: index))
    }

    /// An integer column as `Int` (64-bit on every platform this runs on).
    public func int(_ index: Int) throws -> Int { Int(try int64(index)) }

    /// A real column; an integer column converts exactly up to 2^53.
    public func double(_ index: Int) throws -> Double {
        let value = columnValue(index)
        switch sqlite3_value_type(value) {
        case SQLITE_INTEGER: return Double(sqlite3_value_int64(value))
        case SQLITE_FLOAT: return sqlite3_value_double(value)
        default: throw mismatch(expected: "real", at: index)
        }
    }

    /// A text column.
    public func string(_ index: Int) throws -> String {
        text(of: try expect(SQLITE_TEXT, "text", at: index))
    }

    /// A text column's UTF-8 bytes as stored, not checked (for a reader that checks them itself).
    public func textBytes(_ index: Int) throws -> [UInt8] {
        try withUnsafeTextBytes(index) { Array($0) }
    }

    /// A text column's UTF-8 bytes in place, valid only inside `body` (no copy, not checked).
    public func withUnsafeTextBytes<T>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws -> T) throws -> T {
        let value = try expect(SQLITE_TEXT, "text", at: index)
        return try withBytes(sqlite3_value_text(value).map(UnsafeRawPointer.init), of: value, body)
    }

    /// A blob column.
    public func blob(_ index: Int) throws -> [UInt8] {
        bytes(of: try expect(SQLITE_BLOB, "blob", at: index))
    }

    /// An integer column holding 0 or 1 (SQLite's booleans); any other integer is true.
    public func bool(_ index: Int) throws -> Bool { try int64(index) != 0 }

    /// An integer column, or nil for NULL.
    public func optionalInt(_ index: Int) throws -> Int? { isNull(index) ? nil : try int(index) }

    /// An integer column, or nil for NULL.
    public func optionalInt64(_ index: Int) throws -> Int64? { isNull(index) ? nil : try int64(index) }

    /// A real column, or nil for NULL.
    public func optionalDouble(_ index: Int) throws -> Double? { isNull(index) ? nil : try double(index) }

    /// A text column, or nil for NULL.
    public func optionalString(_ index: Int) throws -> String? { isNull(index) ? nil : try string(index) }

    /// A blob column, or nil for NULL.
    public func optionalBlob(_ index: Int) throws -> [UInt8]? { isNull(index) ? nil : try blob(index) }

    /// A boolean column, or nil for NULL.
    public func optionalBool(_ index: Int) throws -> Bool? { isNull(index) ? nil : try bool(index) }

    // MARK: - Internals

    func requiredIndex(of name: String) -> Int {
        guard let index = statement.columnIndex(named: name) else {
            preconditionFailure("no column \(name) in: \(statement.sql)")
        }
        return index
    }

    private func columnType(_ index: Int) -> Int32 {
        sqlite3_value_type(columnValue(index))
    }

    /// Column `index` as SQLite's value, read for its type and then its contents: one call into
    /// the statement (each `sqlite3_column_*` call enters the connection's mutex, when it has
    /// one, and checks for a failed allocation) in place of one for each. The value is
    /// unprotected (sqlite.org/c3ref/column_blob.html), which is safe where only one thread
    /// uses the connection, and a row is read on its statement's thread.
    private func columnValue(_ index: Int) -> OpaquePointer {
        precondition(index >= 0 && index < count, "column \(index) out of 0..<\(count) in: \(statement.sql)")
        return sqlite3_column_value(pointer, Int32(index))
    }

    /// Column `index`'s value, when it holds `type`.
    private func expect(_ type: Int32, _ expected: String, at index: Int) throws -> OpaquePointer {
        let value = columnValue(index)
        guard sqlite3_value_type(value) == type else { throw mismatch(expected: expected, at: index) }
        return value
    }

    private func mismatch(expected: String, at index: Int) -> StoreError {
        StoreError.columnType(column: columnName(index), expected: expected, found: self[index].storageClass)
    }

    /// The bytes of a text or blob column in place, valid only inside `body` (no copy): UTF-8 for
    /// text, empty for NULL; a number is read as its text.
    public func withUnsafeBytes<T>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        let value = columnValue(index)
        let base: UnsafeRawPointer? = switch sqlite3_value_type(value) {
        case SQLITE_BLOB: sqlite3_value_blob(value)
        case SQLITE_NULL: nil
        default: sqlite3_value_text(value).map(UnsafeRawPointer.init)
        }
        return try withBytes(base, of: value, body)
    }

    /// `body` on the bytes at `base`, which SQLite just handed out for `value`: their length is
    /// asked second, as sqlite.org/c3ref/column_blob.html prescribes; none for nil.
    private func withBytes<T>(
        _ base: UnsafeRawPointer?, of value: OpaquePointer, _ body: (UnsafeRawBufferPointer) throws -> T
    ) rethrows -> T {
        guard let base else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeRawBufferPointer(start: base, count: Int(sqlite3_value_bytes(value))))
    }

    /// A text value as a `String`; empty for a NULL pointer.
    private func text(of value: OpaquePointer) -> String {
        withBytes(sqlite3_value_text(value).map(UnsafeRawPointer.init), of: value) {
            String(decoding: $0.assumingMemoryBound(to: UInt8.self), as: UTF8.self)
        }
    }

    /// A blob value's bytes; a zero-length blob comes back as a NULL pointer, which is an empty
    /// array, not an error.
    private func bytes(of value: OpaquePointer) -> [UInt8] {
        withBytes(sqlite3_value_blob(value), of: value) { Array($0) }
    }
}

@available(*, unavailable, message: "a row is a view into a statement on one thread")
extension Row: Sendable {}
