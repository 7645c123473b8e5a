import SCOData

/// What a write endpoint does to a record.
enum WriteAction: String, Sendable, CaseIterable {
    /// POST to the collection.
    case create
    /// PUT at the record's URL: create it there or replace it.
    case replace
    /// PATCH with a JSON Merge Patch.
    case update
    case delete
}

extension Endpoint {
    /// The record kind and action of a write endpoint; nil for the read endpoints.
    var write: (kind: RecordKind, action: WriteAction)? {
        switch self {
        case .createEvent: (.event, .create)
        case .replaceEvent: (.event, .replace)
        case .updateEvent: (.event, .update)
        case .deleteEvent: (.event, .delete)
        case .createStatement: (.statement, .create)
        case .replaceStatement: (.statement, .replace)
        case .updateStatement: (.statement, .update)
        case .deleteStatement: (.statement, .delete)
        case .createClause: (.clause, .create)
        case .replaceClause: (.clause, .replace)
        case .updateClause: (.clause, .update)
        case .deleteClause: (.clause, .delete)
        case .createSource: (.source, .create)
        case .replaceSource: (.source, .replace)
        case .updateSource: (.source, .update)
        case .deleteSource: (.source, .delete)
        default: nil
        }
    }
}
