/// Which part a server plays when the dataset is replicated with Litestream.
public enum ReplicationRole: String, Sendable, CaseIterable {
    /// One server on one file, no Litestream: the default.
    case single
    /// Reads and writes, on a file a Litestream process streams to the replica store.
    case primary
    /// Reads only, from a local copy a Litestream follower keeps up with the replica store.
    case replica
}

/// How this server takes part in replication (`serve --role` and the options beside it).
public struct ReplicationSettings: Sendable {
    public var role: ReplicationRole = .single
    /// The replica store: a directory (a path or `file://` URL) here, `s3://…` and the like in
    /// production. A replica follows it; a primary whose database is missing restores from it.
    public var replicaURL: String?
    /// Where writes go: a replica answers a write with a 307 there; without it, a 421 problem.
    public var primaryURL: String?
    /// The control socket of the primary's Litestream (its `socket:` setting).
    public var litestreamSocket: String?
    /// Whether a write is acknowledged only once Litestream has confirmed it on the replica
    /// store. Needs `litestreamSocket`.
    public var durable = false
    /// How long a durable write waits for that confirmation before answering 503.
    public var confirmTimeout: Duration = .seconds(5)
    /// The Litestream executable.
    public var litestreamPath = "litestream"
    /// How often a replica's follower polls the replica store.
    public var followInterval: Duration = .milliseconds(200)
    /// A replica reports itself not ready past this lag, so a load balancer drains it.
    public var maxLag: Duration = .seconds(5)
    /// The longest a read asking for a change sequence (`SCO-Min-Seq`) waits for a replica
    /// to reach it before a 503.
    public var minSeqWait: Duration = .seconds(2)

    public init() {}

    /// Whether Litestream checkpoints the WAL (so the server must not).
    public var litestreamOwnsCheckpoints: Bool { role != .single }
}
