import SQLiteStore

/// Builds the fingerprint that binds a list position to its query: the list's name, each
/// filter's values (sorted and without repeats, since they are alternatives), the date range
/// and the effective sort, hashed with SHA-256 and cut to 64 bits (16 hex digits).
///
/// The limit is left out on purpose: a client may change the page size between pages.
struct QueryFingerprint {
    private var parts: [JSONValue]

    init(list: String) {
        parts = [.string(list)]
    }

    /// Adds a filter of alternatives; an empty list (no filter) is recorded as absent.
    mutating func add(_ name: String, anyOf values: [String]) {
        guard !values.isEmpty else { return }
        parts.append(.array([.string(name)] + Set(values).sorted().map(JSONValue.string)))
    }

    /// Adds a single value (a date bound, a search text); nil is recorded as absent.
    mutating func add(_ name: String, _ value: String?) {
        guard let value else { return }
        parts.append(.array([.string(name), .string(value)]))
    }

    /// Adds the effective sort.
    mutating func add<Field>(sort: ListSort<Field>) {
        parts.append(.array([.string("sort"), .string(sort.description)]))
    }

    /// The fingerprint: 16 lowercase hex digits.
    var value: String {
        String(SHA256.hexDigest(JSONValue.array(parts).serialized()).prefix(16))
    }
}
