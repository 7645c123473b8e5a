#if canImport(Glibc)
import Glibc
#endif
import HTTPServer
import SCOData
import Locking

/// Keeps a replica's database file up with the replica store through Litestream's follow mode
/// (`litestream restore -f`), run as a child process, and says how far behind it is.
///
/// The local file is a disposable copy: each start deletes it and restores anew, which takes
/// milliseconds for this dataset and sidesteps Litestream's resume check (it refuses to resume
/// past the latest snapshot). Two things make the copy safe to read with long-lived SQLite
/// connections:
/// - Litestream writes each transaction's pages under SQLite's own exclusive lock, and
///   switches page 1 to rollback-journal mode; a restored snapshot still says WAL, so the
///   follower flips those two header bytes the same way, under the same lock, before any
///   reader opens the file (in WAL mode a reader holds its shared lock for good, and the
///   follower could never write).
/// - Every commit on the primary touches page 1 (`ChangeLog.stampSequence`), whose change
///   counter Litestream then rewrites, so readers drop their cached pages.
///
/// The child is started through `setpriv --pdeathsig KILL` when util-linux has it, so it dies
/// with this process even after a `kill -9`.
final class ReplicaFollower: Sendable {
    let databasePath: String
    let replicaURL: String
    let litestreamPath: String
    let followInterval: Duration
    private let logger: Logger
    private let state = Lock(State())

    struct State {
        var pid: pid_t = 0
        /// Why the follower is not running, once it stopped.
        var stopped: String?
        var stopping = false
        /// Called once if the follower stops while the replica serves.
        var onFailure: (@Sendable (String) -> Void)?
        /// A store that is not a directory, as `litestream ltx` last listed it: each
        /// transaction range's newest id and when it was written.
        var remoteListing: [(maxTXID: UInt64, written: Double)]?
    }

    /// Sets what to do if the follower stops on its own while the replica serves (the server
    /// shuts down, so that whatever runs it starts it again and it restores anew).
    func whenItFails(_ action: @escaping @Sendable (String) -> Void) {
        state.withLock { $0.onFailure = action }
    }

    /// Why the follower stopped on its own, if it did.
    var failure: String? {
        state.withLock { $0.stopping ? nil : $0.stopped }
    }

    /// How far the replica is: its transaction id, the replica store's, and the lag.
    struct Position: Sendable {
        /// The last transaction applied here (Litestream's `-txid` file).
        var appliedTXID: UInt64?
        /// The newest transaction in the replica store, once listed.
        var storeTXID: UInt64?
        /// Seconds since the oldest transaction in the store not yet applied here was written;
        /// 0 when caught up; nil until a store that is not a directory has been listed.
        var lagSeconds: Double?
        /// Why the follower stopped, if it did.
        var stopped: String?
    }

    init(databasePath: String, replicaURL: String, litestreamPath: String, followInterval: Duration, logger: Logger) {
        self.databasePath = databasePath
        self.replicaURL = replicaURL
        self.litestreamPath = litestreamPath
        self.followInterval = followInterval
        self.logger = logger
    }

    /// The replica store as a directory, when it is one (a `file://` URL: a path given on the
    /// command line was made one by `Replication.litestreamURL`).
    var storeDirectory: String? {
        replicaURL.hasPrefix("file://") ? String(replicaURL.dropFirst("file://".count)) : nil
    }

    /// Deletes the local copy, starts the follower and waits until it has restored the
    /// database and entered follow mode (retrying while the store has no backup yet), then
    /// readies the file for SQLite readers. Throws after `timeout`.
    func start(timeout: Duration) throws(ReplicationError) {
        for suffix in ["", "-txid", "-txid.tmp", "-journal", "-wal", "-shm"] { unlink(databasePath + suffix) }
        let started = MonotonicInstant.now()
        let timedOut = ReplicationError(description: "the replica store at \(replicaURL) gave no database within \(timeout)")
        var attempt = 0
        while true {
            attempt += 1
            let pid = try spawn()
            state.withLock { $0.pid = pid; $0.stopped = nil }
            logger.info("replica: following the replica store", [
                ("replicaURL", .string(replicaURL)), ("pid", .int(Int(pid))), ("attempt", .int(attempt)),
            ])
            // Follow mode has begun once the -txid file exists; until then the child is restoring.
            while access(databasePath + "-txid", F_OK) != 0 {
                var status: Int32 = 0
                if waitpid(pid, &status, WNOHANG) == pid {
                    state.withLock { $0.pid = 0 }
                    break
                }
                if MonotonicInstant.now().since(started) > timeout {
                    stop()
                    throw timedOut
                }
                usleep(20_000)
            }
            if access(databasePath + "-txid", F_OK) == 0 { break }
            if MonotonicInstant.now().since(started) > timeout { throw timedOut }
            logger.notice("replica: nothing to restore yet (the primary has not replicated); retrying", [("replicaURL", .string(replicaURL))])
            for suffix in ["", "-txid", "-txid.tmp"] { unlink(databasePath + suffix) }
            sleep(1)
        }
        try Self.useRollbackJournal(databasePath)
        try watch()
        try listRemoteStore(every: max(.seconds(1), followInterval))
    }

    /// Stops the follower (SIGTERM), for shutdown.
    func stop() {
        let pid = state.withLock { state -> pid_t in
            state.stopping = true
            return state.pid
        }
        guard pid > 0 else { return }
        kill(pid, SIGTERM)
    }

    /// Where the replica is, read now: the `-txid` file and the store's listing, read now for
    /// a directory, or as `litestream ltx` last listed another store (`listRemoteStore`).
    func position(now: Double) -> Position {
        var position = Position()
        let (stopped, remote) = state.withLock { ($0.stopped, $0.remoteListing) }
        position.stopped = stopped
        position.appliedTXID = Self.readTXID(databasePath + "-txid")
        guard let applied = position.appliedTXID else { return position }
        let listing: [(maxTXID: UInt64, written: Double)]
        if let directory = storeDirectory {
            listing = ["0", "1", "2", "3", "9"].flatMap { level in
                Self.ltxFiles(in: directory + "/ltx/" + level).map { (maxTXID: $0.1, written: $0.2) }
            }
        } else if let remote {
            listing = remote
        } else {
            return position
        }
        position.storeTXID = listing.map(\.maxTXID).max() ?? 0
        let oldestPending = listing.filter { $0.maxTXID > applied }.map(\.written).min()
        position.lagSeconds = oldestPending.map { max(0, now - $0) } ?? 0
        return position
    }

    /// For a store that is not a directory (S3, GCS, Azure): lists it with `litestream ltx
    /// -json` every `interval` on a thread of its own, for `position`, until the follower stops.
    private func listRemoteStore(every interval: Duration) throws(ReplicationError) {
        guard storeDirectory == nil else { return }
        let arguments = [litestreamPath, "ltx", "-json", "-level", "0", replicaURL]
        let microseconds = UInt32(clamping: interval.nanoseconds / 1000)
        try detachedThread(named: "litestream-ltx") { [self] in
            while state.withLock({ !$0.stopping && $0.stopped == nil }) {
                if let output = try? ChildProcess.run(arguments), let listing = Self.parseListing(output) {
                    keep(listing: listing)
                }
                usleep(microseconds)
            }
        }
    }

    /// Keeps the last listing of a remote store.
    func keep(listing: [(maxTXID: UInt64, written: Double)]) {
        state.withLock { $0.remoteListing = listing }
    }

    /// `litestream ltx -json` output: each file's `max_txid` (hex) and `timestamp` (ISO 8601,
    /// UTC, to the second). Nil when it is not that.
    static func parseListing(_ output: [UInt8]) -> [(maxTXID: UInt64, written: Double)]? {
        guard case .success(.array(let files)) = JSONParser.parse(output) else { return nil }
        var listing: [(maxTXID: UInt64, written: Double)] = []
        for file in files {
            guard let high = file["max_txid"]?.stringValue.flatMap({ UInt64($0, radix: 16) }),
                  let stamp = file["timestamp"]?.stringValue, let written = Self.epochSeconds(stamp) else { return nil }
            listing.append((high, written))
        }
        return listing
    }

    /// Seconds since the epoch of `2026-12-06T18:14:48Z` (fractions of a second allowed).
    static func epochSeconds(_ stamp: String) -> Double? {
        let digits = stamp.utf8.map { $0 }
        guard digits.count >= 20, stamp.hasSuffix("Z") else { return nil }
        func number(_ range: Range<Int>) -> Int32? { Int32(String(decoding: digits[range], as: UTF8.self)) }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19) else { return nil }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = month - 1
        parts.tm_mday = day
        parts.tm_hour = hour
        parts.tm_min = minute
        parts.tm_sec = second
        let whole = Double(timegm(&parts))
        let fraction = digits.count > 21 && digits[19] == UInt8(ascii: ".")
            ? Double("0" + String(decoding: digits[19..<(digits.count - 1)], as: UTF8.self)) ?? 0 : 0
        return whole + fraction
    }

    // MARK: - The child process

    private func spawn() throws(ReplicationError) -> pid_t {
        let interval = "\(followInterval.nanoseconds / 1_000_000)ms"
        var arguments = [litestreamPath, "restore", "-f", "-follow-interval", interval, "-o", databasePath, replicaURL]
        if let setpriv = ChildProcess.find("setpriv") { arguments = [setpriv, "--pdeathsig", "KILL", "--"] + arguments }
        return try ChildProcess.spawn(arguments)
    }

    /// Waits for the child on a thread of its own and records why it stopped.
    private func watch() throws(ReplicationError) {
        let pid = state.withLock { $0.pid }
        try detachedThread(named: "litestream-wait") { [self] in
            childExited(status: ChildProcess.waitForExit(pid))
        }
    }

    /// Runs `body` on a new thread that nobody joins.
    private func detachedThread(named name: String, _ body: @escaping @Sendable () -> Void) throws(ReplicationError) {
        do {
            pthread_detach(try LoopThread.spawn(name: name, body))
        } catch {
            throw ReplicationError(description: "cannot start the \(name) thread: \(error)")
        }
    }

    private func childExited(status: Int32) {
        let reason = ChildProcess.describe(status)
        let (stopping, action) = state.withLock { state -> (Bool, (@Sendable (String) -> Void)?) in
            state.pid = 0
            state.stopped = "the Litestream follower \(reason)"
            return (state.stopping, state.onFailure)
        }
        if !stopping {
            logger.error("replica: the Litestream follower stopped, so this replica no longer follows the primary; shutting down to be restarted", [
                ("reason", .string(reason)),
            ])
            action?("the Litestream follower \(reason)")
        }
    }

    // MARK: - Files

    /// Switches a restored file's header from WAL to rollback journal (bytes 18 and 19, the
    /// file format versions), holding the lock Litestream takes to apply a transaction
    /// (SQLite's PENDING byte and SHARED range), as Litestream does when it applies page 1.
    static func useRollbackJournal(_ path: String) throws(ReplicationError) {
        let descriptor = open(path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReplicationError(description: "cannot open \(path): errno \(errno)") }
        defer { close(descriptor) }
        let pending: Int = 0x4000_0000
        func lock(_ type: Int32, _ start: Int, _ length: Int) -> Bool {
            var region = flock()
            region.l_type = Int16(type)
            region.l_whence = Int16(SEEK_SET)
            region.l_start = start
            region.l_len = length
            while fcntl(descriptor, F_SETLKW, &region) != 0 {
                if errno != EINTR { return false }
            }
            return true
        }
        guard lock(Int32(F_WRLCK), pending, 1), lock(Int32(F_WRLCK), pending + 2, 510) else {
            throw ReplicationError(description: "cannot lock \(path): errno \(errno)")
        }
        defer {
            _ = lock(Int32(F_UNLCK), pending + 2, 510)
            _ = lock(Int32(F_UNLCK), pending, 1)
        }
        var versions: [UInt8] = [0, 0]
        guard pread(descriptor, &versions, 2, 18) == 2 else { throw ReplicationError(description: "\(path) has no SQLite header") }
        guard versions != [1, 1] else { return }
        let rollback: [UInt8] = [1, 1]
        guard pwrite(descriptor, rollback, 2, 18) == 2, fsync(descriptor) == 0 else {
            throw ReplicationError(description: "cannot write the header of \(path): errno \(errno)")
        }
    }

    /// The transaction id in a Litestream `-txid` file (16 hex digits and a newline).
    static func readTXID(_ path: String) -> UInt64? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 32)
        let count = read(descriptor, &bytes, bytes.count)
        guard count > 0 else { return nil }
        let words = bytes[..<count].split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") })
        guard words.count == 1 else { return nil }
        return UInt64(String(decoding: words[0], as: UTF8.self), radix: 16)
    }

    /// The LTX files of one level of a directory store: (min, max) transaction ids from the
    /// names (`<min>-<max>.ltx`, 16 hex digits each) and when each was written.
    static func ltxFiles(in directory: String) -> [(UInt64, UInt64, Double)] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var files: [(UInt64, UInt64, Double)] = []
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        while let entry = readdir(handle) {
            // The name is read where it lies: a dirent is only as long as its name, so copying
            // the whole struct (`entry.pointee`) can read past the end of readdir's buffer.
            let name = String(cString: UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self))
            guard name.hasSuffix(".ltx"), name.utf8.count == 37 else { continue }
            let parts = name.dropLast(4).split(separator: "-")
            guard parts.count == 2, let low = UInt64(parts[0], radix: 16), let high = UInt64(parts[1], radix: 16) else { continue }
            var status = stat()
            guard stat(directory + "/" + name, &status) == 0 else { continue }
            files.append((low, high, Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9))
        }
        return files
    }
}

/// Replication could not be set up or confirmed; the text says why.
struct ReplicationError: Error, Sendable, CustomStringConvertible {
    var description: String
}
