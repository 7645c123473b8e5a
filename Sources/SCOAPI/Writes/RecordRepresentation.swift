import JSONText
import SCOData

/// A writable record as `GET /v1/<collection>/{id}` serves it: the same bytes, so the same ETag.
enum RecordRepresentation {
    /// The record's JSON, every field, written as the read path writes a single record.
    static func bytes(_ record: WritableRecord) -> [UInt8] {
        var json = JSONWriter(capacity: 2048)
        switch record {
        case .event(let event): event.write(to: &json, fields: .all)
        case .statement(let statement): statement.write(to: &json, fields: .all)
        case .clause(let clause): clause.write(to: &json, fields: .all)
        case .source(let source): source.write(to: &json, fields: .all)
        }
        return json.bytes
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
