/// One SQLite value in one of the five storage classes (sqlite.org/datatype3.html §2): the one
/// type bindings are given in.
///
/// Integers are 64-bit signed, reals IEEE doubles, text UTF-8. The literal conformances let a
/// binding list read `[1, "x", 2.5, nil]`; Swift values convert with `.text(id)`,
/// `.int(position)`, `.bool(flag)` and, for optionals that bind NULL when nil, `.nullable(note)`.
public enum SQLiteValue: Sendable, Hashable {
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
    case null

    /// An `Int` as an integer.
    public static func int(_ value: Int) -> SQLiteValue { .integer(Int64(value)) }

    /// A Boolean as the integer 1 or 0 (SQLite has no Boolean class).
    public static func bool(_ value: Bool) -> SQLiteValue { .integer(value ? 1 : 0) }

    /// Text, or NULL for nil.
    public static func nullable(_ value: String?) -> SQLiteValue { value.map(SQLiteValue.text) ?? .null }

    /// An integer, or NULL for nil.
    public static func nullable(_ value: Int?) -> SQLiteValue { value.map(SQLiteValue.int) ?? .null }

    /// Whether this is the NULL value.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The name of the storage class as SQLite's `typeof()` spells it.
    public var storageClass: String {
        switch self {
        case .integer: "integer"
        case .real: "real"
        case .text: "text"
        case .blob: "blob"
        case .null: "null"
        }
    }
}

extension SQLiteValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int64) { self = .integer(value) }
}

extension SQLiteValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .real(value) }
}

extension SQLiteValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
}

extension SQLiteValue: ExpressibleByBooleanLiteral {
    /// SQLite has no boolean class; `true` and `false` are the integers 1 and 0.
    public init(booleanLiteral value: Bool) { self = .integer(value ? 1 : 0) }
}

extension SQLiteValue: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) { self = .null }
}

extension SQLiteValue: CustomStringConvertible {
    /// A debugging rendering; blobs show their length only.
    public var description: String {
        switch self {
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .text(let value): "'" + value.replacingAll("'", with: "''") + "'"
        case .blob(let bytes): "<blob \(bytes.count) bytes>"
        case .null: "NULL"
        }
    }
}

extension String {
    /// Replaces every occurrence of one character; avoids a Foundation dependency for one call.
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
