/// What a write transaction can do to the dataset: read, validate, create, replace and delete
/// one record at a time, each edit logged with the token's name (see `DatasetStore.write`).
public protocol DatasetEditor {
    /// The stored record of `kind` with `id`, or nil.
    func record(_ kind: RecordKind, id: String) throws -> WritableRecord?
    /// The record `body` describes, checked as the fixture validator checks a fixture's records;
    /// throws `WriteError.invalid` listing every problem, or `.idTaken`.
    func validate(_ body: JSONValue, as kind: RecordKind) throws -> WritableRecord
    /// Inserts a new record; `WriteError.idTaken` if a record of any kind has its id.
    @discardableResult func create(_ record: WritableRecord) throws -> Change
    /// Replaces `current` by `record` (same kind and id), logged as `operation`.
    @discardableResult func replace(_ current: WritableRecord, with record: WritableRecord, as operation: ChangeOperation) throws -> Change
    /// Deletes `current`; `WriteError.referenced` while other records name it.
    @discardableResult func delete(_ current: WritableRecord) throws -> Change
    /// A new id made from `text` that no record of any kind has.
    func newID(for kind: RecordKind, from text: String) throws -> String
    /// The newest change-log entry about one record, or nil.
    func lastChange(_ kind: RecordKind, id: String) throws -> Change?
    /// The change sequence the database is at, this transaction's edits included.
    func sequence() throws -> Int
    /// The answer kept under `key` for this editor's token, or nil.
    func storedAnswer(key: String) throws -> StoredAnswer?
    /// Keeps `answer` under `key` for this editor's token, committed with the edits.
    func keep(_ answer: StoredAnswer, key: String) throws
}
