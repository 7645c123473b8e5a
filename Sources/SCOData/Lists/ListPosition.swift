import SQLiteStore

/// Where a list page ended: the sort-key values of its last row (the id included), and a
/// fingerprint of the query it was made for.
///
/// The API hands it out as an opaque cursor (base64url of `text`) and takes it back; the
/// repository refuses it (`CursorError.doesNotMatchQuery`) unless the fingerprint matches the
/// list, filters and sort of the new request and the values fit the sort keys. The next page
/// holds the rows strictly after these values in the sort order, so rows added meanwhile
/// before the position never show up and rows after it do: no row is repeated or skipped.
public struct ListPosition: Sendable, Hashable {
    /// One sort-key value.
    public enum Value: Sendable, Hashable {
        case text(String)
        case integer(Int64)
        /// A finite double (a search rank).
        case real(Double)

        var sqliteValue: SQLiteValue {
            switch self {
            case .text(let text): .text(text)
            case .integer(let integer): .integer(integer)
            case .real(let real): .real(real)
            }
        }

        /// Whether this value has the given kind.
        func isKind(_ kind: Kind) -> Bool {
            switch (self, kind) {
            case (.text, .text), (.integer, .integer), (.real, .real): true
            default: false
            }
        }

        /// The kinds a sort key can have.
        enum Kind: Sendable {
            case text, integer, real
        }
    }

    /// Identifies the query (list, filters, sort) the position was made for: 16 hex digits.
    public let fingerprint: String
    /// The sort-key values of the last row returned, in sort-key order.
    public let values: [Value]

    public init(fingerprint: String, values: [Value]) {
        self.fingerprint = fingerprint
        self.values = values
    }
}
