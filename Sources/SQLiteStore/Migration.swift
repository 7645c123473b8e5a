import Digests

/// One schema change: the SQL of `Migrations/NNNN_name.sql`, applied once, in id order.
public struct Migration: Sendable, Hashable {
    /// The order of application, and the key of its row in `schema_migrations`.
    public let id: Int
    /// The file name's descriptive part (`create_people` in `0002_create_people.sql`).
    public let name: String
    /// The statements to run, in one transaction with the bookkeeping row.
    public let sql: String

    /// A migration; ids count from 1.
    public init(id: Int, name: String, sql: String) {
        precondition(id > 0, "migration ids count from 1, got \(id) for \(name)")
        self.id = id
        self.name = name
        self.sql = sql
    }

    /// The file it came from, `NNNN_name.sql`: how errors name it.
    public var fileName: String { Self.fileName(id: id, name: name) }

    /// SHA-256 of the SQL's UTF-8 bytes, 64 lowercase hex digits; recorded when applied.
    public var checksum: String { SHA256.hexDigest(sql.utf8) }

    /// `NNNN_name.sql` for an id and a name (used for rows this binary does not know, too).
    static func fileName(id: Int, name: String) -> String {
        let digits = String(id)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "_" + name + ".sql"
    }
}

/// Whether one migration has been applied to a database.
public struct MigrationStatus: Sendable, Hashable {
    /// Applied (with its `applied_at`, ISO 8601 UTC) or not yet.
    public enum Status: Sendable, Hashable {
        case applied(at: String)
        case pending
    }

    public let migration: Migration
    public let state: Status

    /// Whether the migration has been applied.
    public var isApplied: Bool {
        if case .applied = state { return true }
        return false
    }
}
