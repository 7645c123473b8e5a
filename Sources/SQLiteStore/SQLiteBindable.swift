/// A Swift value that can be bound to a statement parameter.
///
/// Conformances cover the storage classes: integers, `Double`, `String`, byte arrays, `Bool`
/// (as 0/1) and `SQLiteValue` itself. A binding list is `SQLiteBindings`, whose elements are
/// optional so that `nil` and optionals bind NULL: `[id, name, nil]`.
public protocol SQLiteBindable {
    /// The value to hand to SQLite.
    var sqliteValue: SQLiteValue { get }
}

/// The positional arguments of one statement execution; `nil` binds NULL.
public typealias SQLiteBindings = [(any SQLiteBindable)?]

extension SQLiteValue: SQLiteBindable {
    public var sqliteValue: SQLiteValue { self }
}

extension Int: SQLiteBindable {
    public var sqliteValue: SQLiteValue { .integer(Int64(self)) }
}

extension Int64: SQLiteBindable {
    public var sqliteValue: SQLiteValue { .integer(self) }
}

extension Int32: SQLiteBindable {
    public var sqliteValue: SQLiteValue { .integer(Int64(self)) }
}

extension Double: SQLiteBindable {
    public var sqliteValue: SQLiteValue { .real(self) }
}

extension String: SQLiteBindable {
    public var sqliteValue: SQLiteValue { .text(self) }
}

extension Substring: SQLiteBindable {
    public var sqliteValue: SQLiteValue { .text(String(self)) }
}

extension Bool: SQLiteBindable {
    public var sqliteValue: SQLiteValue { .integer(self ? 1 : 0) }
}

extension Array: SQLiteBindable where Element == UInt8 {
    public var sqliteValue: SQLiteValue { .blob(self) }
}
