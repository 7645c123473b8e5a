import JSONText
import SCOData

/// A writable record as `GET /v1/<collection>/{id}` serves it: the same bytes, so the same ETag.
enum RecordRepresentation {
    /// The record's JSON, every field, written as the read path writes a single record.
    static func bytes(_ record: WritableRecord) -> [UInt8] {
        switch record {
        case .event(let event): TimelineResource.table.bytes(event)
        case .statement(let statement): StatementResource.table.bytes(statement)
        case .clause(let clause): DeclarationResource.clauseTable.bytes(clause)
        case .source(let source): SourceResource.table.bytes(source)
        }
    }

    /// The strong ETag a GET of the record answers with (`EntityTag.make` of `bytes`).
    static func etag(_ record: WritableRecord) -> String {
        EntityTag.make(for: bytes(record), representation: .json)
    }

    /// The record's own URL path.
    static func location(_ kind: RecordKind, id: String) -> String {
        "\(collectionPath(kind))/\(id)"
    }

    /// The collection a kind's records live in.
    static func collectionPath(_ kind: RecordKind) -> String {
        switch kind {
        case .event: "/v1/timeline"
        case .statement: "/v1/statements"
        case .clause: "/v1/declaration/clauses"
        case .source: "/v1/sources"
        }
    }
}
