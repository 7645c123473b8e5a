#if canImport(Glibc)
import Glibc
#endif
import HTTPServer
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
        /// The newest transaction in the replica store, when it can be listed (a directory).
        var storeTXID: UInt64?
        /// Seconds since the oldest transaction in the store not yet applied here was written;
        /// 0 when caught up; nil when the store cannot be listed.
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

    /// The replica store as a directory, when it is one (a path or a `file://` URL).
    var storeDirectory: String? {
        if replicaURL.hasPrefix("file://") { return String(replicaURL.dropFirst("file://".count)) }
        if replicaURL.hasPrefix("/") || replicaURL.hasPrefix(".") { return replicaURL }
        return nil
    }

    /// Deletes the local copy, starts the follower and waits until it has restored the
    /// database and entered follow mode (retrying while the store has no backup yet), then
    /// readies the file for SQLite readers. Throws after `timeout`.
    func start(timeout: Duration) throws(ReplicationError) {
        for suffix in ["", "-txid", "-txid.tmp", "-journal", "-wal", "-shm"] { unlink(databasePath + suffix) }
        let deadline = MonotonicInstant.now().nanoseconds + Int64(timeout.components.seconds) * 1_000_000_000
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
                if MonotonicInstant.now().nanoseconds > deadline {
                    stop()
                    throw ReplicationError(description: "the replica store at \(replicaURL) gave no database within \(timeout)")
                }
                usleep(20_000)
            }
            if access(databasePath + "-txid", F_OK) == 0 { break }
            if MonotonicInstant.now().nanoseconds > deadline {
                throw ReplicationError(description: "the replica store at \(replicaURL) gave no database within \(timeout)")
            }
            logger.notice("replica: nothing to restore yet (the primary has not replicated); retrying", [("replicaURL", .string(replicaURL))])
            for suffix in ["", "-txid", "-txid.tmp"] { unlink(databasePath + suffix) }
            sleep(1)
        }
        try Self.useRollbackJournal(databasePath)
        watch()
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

    /// Where the replica is, read now: the `-txid` file and, for a directory store, its listing.
    func position(now: Double) -> Position {
        var position = Position()
        position.stopped = state.withLock { $0.stopped }
        position.appliedTXID = Self.readTXID(databasePath + "-txid")
        guard let directory = storeDirectory, let applied = position.appliedTXID else { return position }
        var newest: UInt64 = 0
        var oldestPending: Double?
        for level in ["0", "1", "2", "3", "9"] {
            for (_, maxTXID, modified) in Self.ltxFiles(in: directory + "/ltx/" + level) {
                newest = max(newest, maxTXID)
                if maxTXID > applied { oldestPending = min(oldestPending ?? modified, modified) }
            }
        }
        position.storeTXID = newest
        position.lagSeconds = oldestPending.map { max(0, now - $0) } ?? 0
        return position
    }

    // MARK: - The child process

    private func spawn() throws(ReplicationError) -> pid_t {
        let interval = "\(followInterval.components.seconds * 1000 + followInterval.components.attoseconds / 1_000_000_000_000_000)ms"
        var arguments = [litestreamPath, "restore", "-f", "-follow-interval", interval, "-o", databasePath, replicaURL]
        if let setpriv = Self.find("setpriv") { arguments = [setpriv, "--pdeathsig", "KILL", "--"] + arguments }
        return try Self.spawn(arguments)
    }

    /// Starts `arguments[0]` (looked up on PATH) with the rest as its arguments, sharing this
    /// process's environment and standard streams; returns its pid.
    static func spawn(_ arguments: [String]) throws(ReplicationError) -> pid_t {
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let result = argv.withUnsafeBufferPointer { posix_spawnp(&pid, arguments[0], nil, nil, $0.baseAddress!, environ) }
        guard result == 0 else {
            throw ReplicationError(description: "cannot run \(arguments[0]): \(String(cString: strerror(result)))")
        }
        return pid
    }

    /// Waits for the child on a thread of its own and records why it stopped.
    private func watch() {
        let pid = state.withLock { $0.pid }
        let follower = self
        var thread = pthread_t()
        let box = Unmanaged.passRetained(WatchBox(follower: follower, pid: pid))
        pthread_create(&thread, nil, { raw in
            let box = Unmanaged<WatchBox>.fromOpaque(raw!).takeRetainedValue()
            var status: Int32 = 0
            while waitpid(box.pid, &status, 0) < 0 && errno == EINTR {}
            box.follower.childExited(status: status)
            return nil
        }, box.toOpaque())
        pthread_detach(thread)
    }

    fileprivate func childExited(status: Int32) {
        let exited = (status & 0x7f) == 0
        let reason = exited ? "exited with status \((status >> 8) & 0xff)" : "was killed by signal \(status & 0x7f)"
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

    private final class WatchBox: @unchecked Sendable {
        let follower: ReplicaFollower
        let pid: pid_t
        init(follower: ReplicaFollower, pid: pid_t) {
            self.follower = follower
            self.pid = pid
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
        return UInt64(String(decoding: bytes[..<count], as: UTF8.self).trimmingCharacters(in: " \n"), radix: 16)
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

    /// The full path of `name` on `PATH`, or nil.
    static func find(_ name: String) -> String? {
        guard let path = getenv("PATH") else { return nil }
        for directory in String(cString: path).split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}

/// Replication could not be set up or confirmed; the text says why.
struct ReplicationError: Error, Sendable, CustomStringConvertible {
    var description: String
}

extension String {
    /// This string without the given characters at either end.
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
