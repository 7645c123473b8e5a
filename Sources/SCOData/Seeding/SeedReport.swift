/// What a seed did.
public struct SeedReport: Sendable, Hashable, CustomStringConvertible {
    /// The records the dataset holds now, by kind (the fixture's counts).
    public var counts: RecordCounts
    /// The fixture's checksum (see `Seeder.checksum(of:)`), now recorded in the database.
    public var checksum: String
    /// True when the database already held exactly this fixture, unedited: nothing was written.
    public var unchanged: Bool
    /// Row changes made since the previous seed that this seed discarded (`.replace` only).
    public var discardedEdits: Int
    /// Whether this seed discarded rows that no earlier seed recorded (`.replace` only).
    public var discardedUnrecordedData: Bool

    public init(counts: RecordCounts, checksum: String, unchanged: Bool, discardedEdits: Int = 0, discardedUnrecordedData: Bool = false) {
        self.counts = counts
        self.checksum = checksum
        self.unchanged = unchanged
        self.discardedEdits = discardedEdits
        self.discardedUnrecordedData = discardedUnrecordedData
    }

    /// One line for the CLI and the log.
    public var description: String {
        let fixture = "fixture \(checksum.prefix(12))"
        if unchanged {
            return "already seeded with \(fixture); nothing changed (\(counts))"
        }
        var text = "seeded \(fixture): \(counts)"
        if discardedEdits > 0 { text += "; discarded \(discardedEdits) row change\(discardedEdits == 1 ? "" : "s") made since the last seed" }
        if discardedUnrecordedData { text += "; discarded data no seed had recorded" }
        return text
    }
}
