/// A field a list can be sorted by. Every list has `id`, its records' unique key, which ends
/// every sort so that the order is total and keyset pagination never skips or repeats a row.
public protocol ListSortField: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {
    /// The id field: the final tie-breaker of every sort.
    static var id: Self { get }
    /// The order of a list when none is asked for.
    static var defaultSort: ListSort<Self> { get }
}

/// The order of a list: the keys as asked for, then `id` as the final tie-breaker.
///
/// The tie-breaker takes the direction of the key before it (`-date` sorts as `-date,-id`), so a
/// sort that is all one direction stays one direction and can walk an index backwards. A field
/// given twice counts once, where it first appears; a key after `id` changes nothing (ids are
/// unique) and is dropped. Text compares by its UTF-8 bytes (SQLite's BINARY collation:
/// sqlite.org/datatype3.html#collation), so capitals sort before lower case.
public struct ListSort<Field: ListSortField>: Sendable, Hashable, CustomStringConvertible {
    /// One sort key: a field and its direction.
    public struct Key: Sendable, Hashable {
        public var field: Field
        public var isDescending: Bool

        public init(_ field: Field, descending: Bool = false) {
            self.field = field
            self.isDescending = descending
        }
    }

    /// The effective keys, ending with `id`.
    public let keys: [Key]

    /// A sort by `keys`, completed with the `id` tie-breaker.
    public init(_ keys: [Key]) {
        var effective: [Key] = []
        for key in keys where !effective.contains(where: { $0.field == key.field }) {
            effective.append(key)
            if key.field == Field.id { break }
        }
        if effective.last?.field != Field.id {
            effective.append(Key(Field.id, descending: effective.last?.isDescending ?? false))
        }
        self.keys = effective
    }

    /// Ascending by each field in turn.
    public init(_ fields: Field...) {
        self.init(fields.map { Key($0) })
    }

    /// Parses the API's spelling, `date,-id` (a `-` prefix is descending, `+` or none ascending);
    /// nil when a name is not one of `Field`'s or a piece is empty.
    public init?(parsing text: String) {
        var keys: [Key] = []
        for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
            var name = Substring(piece)
            let isDescending = name.hasPrefix("-")
            if isDescending || name.hasPrefix("+") { name = name.dropFirst() }
            guard let field = Field(rawValue: String(name)) else { return nil }
            keys.append(Key(field, descending: isDescending))
        }
        self.init(keys)
    }

    /// The effective order in the API's spelling, tie-breaker included: `-date,-id`.
    public var description: String {
        keys.map { ($0.isDescending ? "-" : "") + $0.field.rawValue }.joined(separator: ",")
    }

    /// Whether every key has the same direction (SQL can then compare row values at once).
    var isUniform: Bool {
        keys.allSatisfy { $0.isDescending == keys[0].isDescending }
    }
}
