/// What can go wrong seeding, exporting or reading the dataset (the store's own failures are
/// `StoreError` and `SQLiteError`; cursors and search text have `CursorError` and `SearchError`).
///
/// Every case prints as one line, or one line per fixture problem.
public enum DatasetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The fixture has problems; nothing was written. Each problem names its JSON path.
    case invalidFixture(FixtureValidationErrors)
    /// Rows were inserted, updated or deleted since the last seed (through the write API or by
    /// hand); seeding would discard them, so it refuses unless asked to replace.
    case editedSinceSeed(edits: Int, seededAt: String)
    /// The dataset tables hold rows that no seed recorded; seeding would discard them.
    case unrecordedData
    /// The database lacks a record the document needs (export needs the summit and declaration).
    case incomplete(missing: String)
    /// A stored value does not read back as the model's (an unknown kind, JSON of the wrong shape).
    case corruptValue(table: String, column: String, detail: String)

    public var description: String {
        switch self {
        case .invalidFixture(let errors):
            let count = errors.problems.count
            return "the fixture is invalid (\(count) problem\(count == 1 ? "" : "s"); nothing was written):\n\(errors.description)"
        case .editedSinceSeed(let edits, let seededAt):
            return "the data was edited since it was seeded at \(seededAt) (\(edits) row change\(edits == 1 ? "" : "s")); seeding would discard those edits: export them first, or seed with --replace to discard them"
        case .unrecordedData:
            return "the database holds data that no seed recorded; seeding would discard it: export it first, or seed with --replace"
        case .incomplete(let missing):
            return "the database has no \(missing), which the document needs"
        case .corruptValue(let table, let column, let detail):
            return "stored value \(table).\(column) cannot be read: \(detail)"
        }
    }
}
