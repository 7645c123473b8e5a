#if canImport(Glibc)
import Glibc
#endif

/// The child processes replication runs (Litestream's follower, its restore and its listing):
/// started with `posix_spawnp`, waited for, described.
enum ChildProcess {
    /// Starts `arguments[0]` (looked up on PATH) with the rest as its arguments and this
    /// process's environment; `actions` rearranges its descriptors (nil: it shares ours).
    static func spawn(_ arguments: [String], actions: UnsafePointer<posix_spawn_file_actions_t>? = nil) throws(ReplicationError) -> pid_t {
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let result = argv.withUnsafeBufferPointer { posix_spawnp(&pid, arguments[0], actions, nil, $0.baseAddress!, environ) }
        guard result == 0 else {
            throw ReplicationError(description: "cannot run \(arguments[0]): \(String(cString: strerror(result)))")
        }
        return pid
    }

    /// Waits for `pid` to end and returns its wait status.
    static func waitForExit(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status
    }

    /// A wait status in words: "exited with status 1", "was killed by signal 9".
    static func describe(_ status: Int32) -> String {
        (status & 0x7f) == 0 ? "exited with status \((status >> 8) & 0xff)" : "was killed by signal \(status & 0x7f)"
    }

    /// Runs a command to its end and returns what it wrote to standard output (its standard
    /// error goes to /dev/null); throws when it cannot start or does not exit with 0.
    static func run(_ arguments: [String]) throws(ReplicationError) -> [UInt8] {
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { throw ReplicationError(description: "pipe failed: errno \(errno)") }
        // Neither end stays open in the child past exec (its standard output is a dup of one).
        _ = fcntl(pipe[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(pipe[1], F_SETFD, FD_CLOEXEC)
        defer { close(pipe[0]) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let pid: pid_t
        do {
            pid = try spawn(arguments, actions: &actions)
        } catch {
            close(pipe[1])
            throw error
        }
        close(pipe[1])
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(pipe[0], &buffer, buffer.count)
            if count > 0 { output += buffer[..<count]; continue }
            if count < 0 && errno == EINTR { continue }
            break
        }
        let status = waitForExit(pid)
        guard status == 0 else { throw ReplicationError(description: "\(arguments[0]) \(describe(status))") }
        return output
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
