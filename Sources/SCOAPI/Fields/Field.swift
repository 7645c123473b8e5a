import JSONText
import SCOData

/// One top-level key of a record as the API serves it: its name, its JSON Schema, how its value
/// is written, and the list filter that selects by it, if any.
struct Field<Record>: Sendable {
    /// The JSON key (camelCase, as the fixture spells it).
    let name: String
    let schema: FieldSchema
    /// Writes the record's value of this field (`null` for an absent optional one).
    let write: @Sendable (Record, inout JSONWriter) -> Void
    /// The query filter on this field, when lists take one (`?kind=`, `?actor=`).
    var filter: ListFilter?
    /// The record's date, for a date key: CSV gives a date several columns (`CSVCell`).
    var date: (@Sendable (Record) -> HistoricalDate?)?

    init(_ name: String, _ schema: FieldSchema, filter: ListFilter? = nil, write: @escaping @Sendable (Record, inout JSONWriter) -> Void) {
        self.name = name
        self.schema = schema
        self.filter = filter
        self.write = write
    }
}

extension Field {
    /// A `HistoricalDate` key (`null` when absent and `nullable`).
    static func date(_ name: String, nullable: Bool = false, _ value: @escaping @Sendable (Record) -> HistoricalDate?) -> Field {
        var field = Field(name, nullable ? .nullableDate : .date) { $1.write(value($0)) }
        field.date = value
        return field
    }
}

/// A list filter: equality on one field, with comma-separated alternatives.
struct ListFilter: Sendable {
    /// How a filter's values are checked before they reach the repository.
    enum Values: Sendable {
        /// Any non-empty text (ids, codes); matched exactly by the repository.
        case text
        /// One of a closed set (kinds, roles).
        case oneOf([String])
    }

    /// The query parameter (`actor` filters the field `actors`).
    var name: String
    var values: Values
    /// One sentence for the OpenAPI document.
    var summary: String

    /// A filter whose values are ids or codes.
    static func text(_ name: String, _ summary: String) -> ListFilter {
        ListFilter(name: name, values: .text, summary: summary)
    }

    /// A filter whose values are one of a closed set.
    static func oneOf(_ name: String, _ values: [String], _ summary: String) -> ListFilter {
        ListFilter(name: name, values: .oneOf(values), summary: summary)
    }
}
