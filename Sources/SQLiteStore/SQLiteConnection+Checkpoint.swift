import CSQLite

extension SQLiteConnection {
    /// How much work a WAL checkpoint does (sqlite.org/c3ref/wal_checkpoint_v2.html).
    public enum CheckpointMode: Sendable {
        /// Copies what it can without waiting for readers or writers.
        case passive
        /// Waits for the writer, then copies every frame.
        case full
        /// Like full, then waits for readers so the next writer restarts the log.
        case restart
        /// Like restart, then truncates the log file to zero bytes.
        case truncate

        var rawValue: Int32 {
            switch self {
            case .passive: SQLITE_CHECKPOINT_PASSIVE
            case .full: SQLITE_CHECKPOINT_FULL
            case .restart: SQLITE_CHECKPOINT_RESTART
            case .truncate: SQLITE_CHECKPOINT_TRUNCATE
            }
        }
    }

    /// What a checkpoint found and did.
    public struct CheckpointResult: Sendable, Hashable {
        /// Frames in the write-ahead log (-1 when the database is not in WAL mode).
        public let logFrames: Int
        /// Frames copied back into the database file (-1 when not in WAL mode).
        public let checkpointedFrames: Int
    }

    /// Copies the write-ahead log back into the database file.
    @discardableResult
    public func checkpoint(_ mode: CheckpointMode = .passive) throws -> CheckpointResult {
        var logFrames: Int32 = 0
        var checkpointedFrames: Int32 = 0
        let code = sqlite3_wal_checkpoint_v2(db, nil, mode.rawValue, &logFrames, &checkpointedFrames)
        guard code == SQLITE_OK else { throw SQLiteError(code: code, db: db, sql: nil) }
        return CheckpointResult(logFrames: Int(logFrames), checkpointedFrames: Int(checkpointedFrames))
    }
}
