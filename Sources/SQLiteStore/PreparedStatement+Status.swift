import CSQLite

extension PreparedStatement {
    /// One of the counters SQLite keeps per prepared statement
    /// (sqlite.org/c3ref/c_stmtstatus_counter.html): a measure of work that, unlike a clock,
    /// does not move with the machine's load.
    public struct StatusCounter: Sendable, Hashable {
        let rawValue: Int32

        /// Steps forward in a full table scan: large when a query reads a table it should search.
        public static let fullScanSteps = StatusCounter(rawValue: SQLITE_STMTSTATUS_FULLSCAN_STEP)
        /// Sort operations: non-zero when no index gave the ORDER BY.
        public static let sorts = StatusCounter(rawValue: SQLITE_STMTSTATUS_SORT)
        /// Rows inserted into automatic indexes the planner built for want of a real one.
        public static let automaticIndexRows = StatusCounter(rawValue: SQLITE_STMTSTATUS_AUTOINDEX)
        /// Virtual machine operations executed: the statement's work, all told.
        public static let virtualMachineSteps = StatusCounter(rawValue: SQLITE_STMTSTATUS_VM_STEP)
    }

    /// The counter's value since the statement was prepared or the counter last reset; with
    /// `reset`, it starts again from zero (`sqlite3_stmt_status`).
    public func status(_ counter: StatusCounter, reset: Bool = false) -> Int {
        Int(sqlite3_stmt_status(pointer, counter.rawValue, reset ? 1 : 0))
    }
}
