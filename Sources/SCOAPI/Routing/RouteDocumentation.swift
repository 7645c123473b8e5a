import SCOData

/// What the OpenAPI document says of a route, beyond its summary.
enum RouteDocumentation: Sendable {
    /// A list of `record`s, queried as `spec` says.
    case list(ListQuerySpec, record: RecordSchema)
    /// One `record`; `example` is an id or code that resolves, for the path parameter.
    case record(RecordSchema, example: String)
    /// A fixed document with its schema and media type, and any responses besides the 200.
    case document(OpenAPINode, mediaType: String, otherResponses: [(String, OpenAPINode)])
    /// A write of `action` to records of `kind`; `example` is an id that resolves.
    case write(RecordKind, WriteAction, record: RecordSchema, example: String)
    /// The change log.
    case changes
}

/// A record's OpenAPI component: its name and each key's schema, from its field table.
struct RecordSchema: Sendable {
    var name: String
    var fields: [(name: String, schema: FieldSchema)]

    var fieldNames: [String] { fields.map(\.name) }
}

/// What a write route does to a record.
enum WriteAction: String, Sendable, CaseIterable {
    /// POST to the collection.
    case create
    /// PUT at the record's URL: create it there or replace it.
    case replace
    /// PATCH with a JSON Merge Patch.
    case update
    case delete
}
