/// The JSON type of one top-level key of a record, for the OpenAPI document.
enum FieldSchema: Sendable {
    case string
    case nullableString
    /// An ISO 3166-1 alpha-2 code.
    case code
    case integer
    case number
    case bool
    case stringArray
    case enumeration([String])
    case enumArray([String])
    /// A `HistoricalDate` object.
    case date
    case nullableDate
    /// A list of `SourceQuote` objects, never empty.
    case sources
    /// A list of `Note` objects.
    case notes
    /// A list of `Participant` objects.
    case participants
}
