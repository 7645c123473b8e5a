/// What one entry of the change log did.
public enum ChangeOperation: String, Sendable, CaseIterable {
    /// POST, or a PUT at an id that had no record.
    case create
    /// PUT over an existing record.
    case replace
    /// PATCH (JSON Merge Patch) of an existing record.
    case update
    case delete
    /// A seed replaced the whole dataset (`sco-api seed`); written by a trigger, never by the API.
    case seed
    /// A migration changed the shape of every record of some kind (kind `dataset`; `after` names
    /// the migration): a syncing client re-reads, as after a seed.
    case migrate
}
