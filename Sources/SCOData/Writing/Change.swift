/// One entry of the change log (table `changes`): a write through the API, a seed, or a
/// migration that reshaped the records.
public struct Change: Sendable, Equatable {
    /// Its position in the log: increasing, never reused.
    public var seq: Int
    /// When it committed, ISO 8601 UTC with milliseconds.
    public var at: String
    /// The name of the token that wrote it; nil for a seed.
    public var tokenName: String?
    public var operation: ChangeOperation
    /// The record's kind (`event`, `statement`, `clause`, `source`), or `dataset` for a seed.
    public var kind: String
    /// The record's id (`dataset` for a seed).
    public var recordID: String
    /// The record's API representation before the change (JSON text); nil for a create or a seed.
    public var before: String?
    /// The representation after it; nil for a delete. A seed's says which fixture it loaded.
    public var after: String?

    public init(
        seq: Int, at: String, tokenName: String?, operation: ChangeOperation, kind: String, recordID: String,
        before: String?, after: String?
    ) {
        self.seq = seq
        self.at = at
        self.tokenName = tokenName
        self.operation = operation
        self.kind = kind
        self.recordID = recordID
        self.before = before
        self.after = after
    }
}
