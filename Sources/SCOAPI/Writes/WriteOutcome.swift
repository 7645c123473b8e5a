import HTTPServer
import SCOData

/// What a write did, and the response that says so.
enum WriteOutcome {
    /// A new record (POST, or PUT at a free id): 201 with `Location`.
    case created(WritableRecord)
    /// The record after a PUT or PATCH that changed it, or that found it already as asked: 200.
    case current(WritableRecord)
    /// Deleted now, or found already deleted: 204.
    case deleted

    /// The 201, 200 or 204; 2xx bodies are the record's read representation, with its ETag.
    func response() -> HTTPResponse {
        switch self {
        case .created(let record):
            var response = Self.representation(record, status: .created)
            response.headers.set(.location, RecordRepresentation.location(record.kind, id: record.id))
            return response
        case .current(let record):
            return Self.representation(record, status: .ok)
        case .deleted:
            var response = HTTPResponse(status: .noContent)
            response.headers.set(.cacheControl, "no-store")
            return response
        }
    }

    private static func representation(_ record: WritableRecord, status: HTTPStatus) -> HTTPResponse {
        let body = RecordRepresentation.bytes(record)
        var response = HTTPResponse(status: status, body: body)
        response.headers.set(.contentType, Representation.json.contentType)
        response.headers.set(.etag, EntityTag.make(for: body, representation: .json))
        response.headers.set(.cacheControl, "no-store")
        return response
    }
}
