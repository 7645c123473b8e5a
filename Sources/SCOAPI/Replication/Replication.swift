#if canImport(Glibc)
import Glibc
#endif
import HTTPServer

/// What a server does about replication, shared by its event loops: the primary's link to
/// Litestream's control socket, or the replica's follower.
public final class Replication: Sendable {
    public let settings: ReplicationSettings
    /// The primary's Litestream, when its control socket is configured.
    let control: LitestreamControl?
    /// The replica's follower.
    let follower: ReplicaFollower?

    init(settings: ReplicationSettings, control: LitestreamControl?, follower: ReplicaFollower?) {
        self.settings = settings
        self.control = control
        self.follower = follower
    }

    /// No replication: one server on one file.
    public static let single = Replication(settings: ReplicationSettings(), control: nil, follower: nil)

    var role: ReplicationRole { settings.role }

    /// The Litestream that must confirm each write before its 2xx (`--durable-replication`).
    var durableControl: LitestreamControl? { settings.durable ? control : nil }

    /// Readies the database file for the role, before the store opens it:
    /// - a replica deletes its copy and follows the replica store (waiting, up to
    ///   `startTimeout`, for the first restore);
    /// - a primary whose file is missing restores it from the replica store when the store has
    ///   a backup (a new machine after the old one was lost), else starts empty and seeds.
    public static func prepare(
        _ settings: ReplicationSettings, databasePath: String, logger: Logger, startTimeout: Duration = .seconds(120)
    ) throws -> Replication {
        let absolute = Self.absolute(databasePath)
        switch settings.role {
        case .single:
            return .single
        case .primary:
            if let url = settings.replicaURL.map(litestreamURL), access(absolute, F_OK) != 0 {
                try restorePrimary(from: url, to: absolute, litestream: settings.litestreamPath, logger: logger)
            }
            let control = settings.litestreamSocket.map { LitestreamControl(socketPath: $0, databasePath: absolute) }
            return Replication(settings: settings, control: control, follower: nil)
        case .replica:
            guard let url = settings.replicaURL else {
                throw ReplicationError(description: "--role replica needs --replica-url, the replica store to follow")
            }
            let follower = ReplicaFollower(
                databasePath: absolute, replicaURL: litestreamURL(url), litestreamPath: settings.litestreamPath,
                followInterval: settings.followInterval, logger: logger)
            try follower.start(timeout: startTimeout)
            return Replication(settings: settings, control: nil, follower: follower)
        }
    }

    /// Runs `action` if the replica's follower stops on its own while the server runs.
    public func whenFollowerFails(_ action: @escaping @Sendable (String) -> Void) {
        follower?.whenItFails(action)
    }

    /// Why the replica's follower stopped on its own, if it did: the server then exits with an
    /// error, so that what runs it (compose, Kubernetes, systemd) starts it again.
    public var failure: String? {
        follower?.failure
    }

    /// Stops what `prepare` started.
    public func stop() {
        follower?.stop()
    }

    /// `litestream restore -if-replica-exists -o <path> <url>`, waited for.
    static func restorePrimary(from url: String, to path: String, litestream: String, logger: Logger) throws {
        logger.notice("primary: the database is missing; restoring it from the replica store if it has one", [
            ("replicaURL", .string(url)), ("path", .string(path)),
        ])
        let pid = try ChildProcess.spawn([litestream, "restore", "-if-replica-exists", "-o", path, url])
        let status = ChildProcess.waitForExit(pid)
        guard status == 0 else {
            throw ReplicationError(description: "litestream restore from \(url) \(ChildProcess.describe(status)); nothing was started")
        }
        logger.notice(access(path, F_OK) == 0
            ? "primary: restored the database from the replica store"
            : "primary: the replica store has no backup yet; starting a new database", [("path", .string(path))])
    }

    /// The replica store as Litestream's commands take it: a URL, `file://` for a directory
    /// given as a path (a bare path would be read as a database named in its configuration).
    static func litestreamURL(_ store: String) -> String {
        store.contains("://") ? store : "file://" + absolute(store)
    }

    /// `path` made absolute against the working directory, as Litestream's configuration names it.
    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let directory = String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return directory + "/" + (path.hasPrefix("./") ? String(path.dropFirst(2)) : path)
    }
}
