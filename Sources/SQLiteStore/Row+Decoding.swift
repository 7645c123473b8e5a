/// A Swift type that can be read from one column of a row: `let slug: String = try row.get("slug")`.
///
/// Conformances match the typed reads of `Row`; `Optional` reads NULL as nil.
public protocol SQLiteColumnDecodable {
    /// Reads column `index` of `row`, throwing `StoreError.columnType` on a mismatch.
    static func decode(from row: Row, at index: Int) throws -> Self
}

extension Row {
    /// Column `index`, decoded as `T`.
    public func get<T: SQLiteColumnDecodable>(_ index: Int, as type: T.Type = T.self) throws -> T {
        try T.decode(from: self, at: index)
    }

    /// The column called `name`, decoded as `T`; an unknown name is a programmer error and traps.
    public func get<T: SQLiteColumnDecodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        try T.decode(from: self, at: requiredIndex(of: name))
    }
}

extension Int: SQLiteColumnDecodable {
    public static func decode(from row: Row, at index: Int) throws -> Int { try row.int(index) }
}

extension Int64: SQLiteColumnDecodable {
    public static func decode(from row: Row, at index: Int) throws -> Int64 { try row.int64(index) }
}

extension Double: SQLiteColumnDecodable {
    public static func decode(from row: Row, at index: Int) throws -> Double { try row.double(index) }
}

extension String: SQLiteColumnDecodable {
    public static func decode(from row: Row, at index: Int) throws -> String { try row.string(index) }
}

extension Bool: SQLiteColumnDecodable {
    public static func decode(from row: Row, at index: Int) throws -> Bool { try row.bool(index) }
}

extension Array: SQLiteColumnDecodable where Element == UInt8 {
    public static func decode(from row: Row, at index: Int) throws -> [UInt8] { try row.blob(index) }
}

extension SQLiteValue: SQLiteColumnDecodable {
    public static func decode(from row: Row, at index: Int) throws -> SQLiteValue { row[index] }
}

extension Optional: SQLiteColumnDecodable where Wrapped: SQLiteColumnDecodable {
    public static func decode(from row: Row, at index: Int) throws -> Wrapped? {
        row.isNull(index) ? nil : try Wrapped.decode(from: row, at: index)
    }
}
