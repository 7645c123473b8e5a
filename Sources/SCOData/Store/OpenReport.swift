/// What `Dataset.open` did, for the start-up log line.
public struct OpenReport: Sendable, Hashable, CustomStringConvertible {
    /// What became of the dataset.
    public enum Seeding: Sendable, Hashable {
        /// The dataset was empty and the bundled fixture was seeded.
        case seeded(SeedReport)
        /// A seed is recorded; the data was left as it is (edits included).
        case alreadySeeded(DatasetStatus)
        /// Nothing was seeded: the tables hold data no seed recorded, or they are empty and
        /// seeding was not asked for.
        case notSeeded(hasRecords: Bool)
    }

    public var path: String
    /// Whether the file did not exist before (and so was created).
    public var createdFile: Bool
    /// Migrations applied now, as file names (`0002_….sql`).
    public var migrationsApplied: [String]
    public var seeding: Seeding

    /// One line: `opened db.sqlite (created); applied 0001_initial.sql, …; seeded fixture …`.
    public var description: String {
        var parts = ["opened \(path)" + (createdFile ? " (created)" : "")]
        parts.append(migrationsApplied.isEmpty ? "schema up to date" : "applied \(migrationsApplied.joined(separator: ", "))")
        switch seeding {
        case .seeded(let report):
            parts.append(report.description)
        case .alreadySeeded(let status):
            parts.append("already seeded at \(status.seededAt) with fixture \(status.checksum.prefix(12))"
                + (status.edits > 0 ? ", \(status.edits) row changes since" : ""))
        case .notSeeded(let hasRecords):
            parts.append(hasRecords ? "holds data no seed recorded; not seeded" : "empty; not seeded")
        }
        return parts.joined(separator: "; ")
    }
}
