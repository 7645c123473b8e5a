import CLinux
import Glibc

extension HTTPServer {
    /// Makes a non-blocking listening socket with SO_REUSEADDR and SO_REUSEPORT, so every loop
    /// can bind its own socket to the same address and port.
    static func makeListener(host: String, port: Int, backlog: Int) throws(SocketError) -> Int32 {
        let (family, address) = try SocketAddress.resolve(host: host, port: port)
        let fd = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .failed(call: "socket", errno: errno) }
        do throws(SocketError) {
            try Syscall.setOption(fd, level: SOL_SOCKET, name: SO_REUSEADDR, value: 1)
            try Syscall.setOption(fd, level: SOL_SOCKET, name: SO_REUSEPORT, value: 1)
            let bound = address.withUnsafeBytes { bytes in
                bind(fd, bytes.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t(bytes.count))
            }
            if bound != 0 { throw .failed(call: "bind", errno: errno) }
            if listen(fd, Int32(clamping: backlog)) != 0 { throw .failed(call: "listen", errno: errno) }
        } catch {
            Syscall.close(fd)
            throw error
        }
        return fd
    }

    /// Raises the soft limit on open files to the hard limit; reports if it stays below what
    /// `maxConnections` needs (each connection is one descriptor, plus a few for the server).
    static func raiseDescriptorLimit(_ configuration: Configuration) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
        if limit.rlim_cur < limit.rlim_max {
            let previous = limit.rlim_cur
            limit.rlim_cur = limit.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 {
                configuration.eventSink?.serverEvent(.info, "raised the open file limit", [
                    ("from", "\(previous)"), ("to", "\(limit.rlim_cur)"),
                ])
            } else {
                limit.rlim_cur = previous
            }
        }
        let needed = rlim_t(configuration.maxConnections + configuration.refusalReserve
                            + (4 + configuration.spareDescriptors) * configuration.threads + 32)
        if limit.rlim_cur < needed {
            configuration.eventSink?.serverEvent(.warning, "open file limit is below what maxConnections needs", [
                ("limit", "\(limit.rlim_cur)"), ("maxConnections", "\(configuration.maxConnections)"),
            ])
        }
    }
}
