/// The seed the database records: which fixture, when, and how much was edited since.
public struct DatasetStatus: Sendable, Hashable {
    public var formatVersion: Int
    /// The seeded fixture's checksum.
    public var checksum: String
    /// When it was seeded, ISO 8601 UTC.
    public var seededAt: String
    /// Rows inserted, updated or deleted in the dataset tables since (kept by triggers).
    public var edits: Int

    public init(formatVersion: Int, checksum: String, seededAt: String, edits: Int) {
        self.formatVersion = formatVersion
        self.checksum = checksum
        self.seededAt = seededAt
        self.edits = edits
    }
}
