#if canImport(Glibc)
import Glibc
#endif

/// Whether the open-file limit leaves room to serve: checked at start, once the listeners,
/// epoll instances and the writer connection are open.
///
/// Each event loop opens a read connection (the database file and its WAL: two descriptors;
/// the shared-memory index is one per process, sqlite.org/walformat.html), and clients need
/// one each. Under a limit too low for that, the server would listen and then answer
/// nothing, so it refuses to start and says what to raise.
enum DescriptorBudget {
    /// Descriptors kept for client connections at the least.
    static let minimumClients = 8

    /// A message when the limit is too low for `loops` read connections and a few clients.
    static func shortfall(loops: Int) -> String? {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }
        guard let open = openDescriptors() else { return nil }
        let needed = open + 2 * loops + minimumClients
        guard Int(limit.rlim_cur) < needed else { return nil }
        return "the open file limit (\(limit.rlim_cur)) is too low: \(open) descriptors are in use at start, "
            + "each of the \(loops) event loops needs 2 for its database connection, and at least "
            + "\(minimumClients) are kept for clients; raise it to \(needed) or more (ulimit -n)"
    }

    /// How many descriptors this process has open (entries of /proc/self/fd, less the one
    /// used to read it), or nil where /proc is not mounted.
    static func openDescriptors() -> Int? {
        guard let directory = opendir("/proc/self/fd") else { return nil }
        defer { closedir(directory) }
        var count = 0
        while let entry = readdir(directory) {
            let isDot = withUnsafeBytes(of: entry.pointee.d_name) { $0.first == UInt8(ascii: ".") }
            if !isDot { count += 1 }
        }
        return count - 1
    }
}
