import HTTPServer
import SCOData

extension Route {
    /// The four writes of a writable collection: POST to `collection`, and PUT, PATCH and DELETE
    /// on `collection/{id}` (see `APILoopHandler.write`). `noun` names a record in summaries;
    /// `operation` ends each operation's id (`createEvent`); `example` is an id that resolves.
    static func writes<Record>(
        _ kind: RecordKind, collection: String, noun: String, operation: String, table: FieldTable<Record>, example: String
    ) -> [Route] {
        WriteAction.allCases.map { action in
            let method: HTTPMethod = switch action {
            case .create: .post
            case .replace: .put
            case .update: .patch
            case .delete: .delete
            }
            let summary = switch action {
            case .create: "Add a \(noun); its id is the body's, or made from its \(kind.slugSourceField)."
            case .replace: "Create or replace the \(noun) with this id (If-Match required to replace)."
            case .update: "Change some fields of the \(noun) with a JSON Merge Patch (If-Match required)."
            case .delete: "Delete the \(noun) (If-Match required); refused while other records refer to it."
            }
            return Route(
                method, action == .create ? collection : collection + "/{id}", operationID: action.rawValue + operation,
                summary: summary, caching: .write, offer: .negotiated([.json]),
                documentation: .write(kind, action, record: table.recordSchema, example: example)
            ) { call in
                try call.loop.write(kind, action, call: &call)
            }
        }
    }
}
