import Glibc

extension HTTPServer {
    /// Every knob of the server, each with a documented default.
    ///
    /// Defaults are chosen against nginx's and Go net/http's: nginx allows a request line and
    /// each header line of 8 KiB (`large_client_header_buffers 4 8k`), bodies of 1 MiB
    /// (`client_max_body_size`), 60 s to read a header section, 75 s of keep-alive idleness and
    /// 60 s between two writes; Go allows 1 MiB of headers and by default never times out. This
    /// server is a JSON API that takes small requests, so it is stricter than both.
    public struct Configuration: Sendable {
        /// The address to listen on: a numeric IPv4 or IPv6 address or a host name. Default `127.0.0.1`.
        public var host: String = "127.0.0.1"
        /// The TCP port; 0 picks a free one (read it back from `boundPort`). Default 8080.
        public var port: Int = 8080
        /// Event-loop threads, each with its own epoll and listening socket. Default: online cores.
        public var threads: Int = Configuration.onlineCores
        /// The listen(2) backlog of each listening socket. Default 4096 (Linux's somaxconn).
        public var listenBacklog: Int = 4096
        /// Open connections across all loops (up to `threads - 1` may be accepted past it in a
        /// race). Past the cap a new client is answered 503 with `Retry-After` and closed, within
        /// `refusalReserve`. Default 16,384.
        public var maxConnections: Int = 16_384
        /// Connections accepted past `maxConnections`, or past the process's descriptor limit,
        /// only to be answered 503 with `Retry-After: 1` and closed, so a client at the limit
        /// hears at once instead of waiting unanswered in the backlog. While this many are being
        /// refused, accepting pauses. Each loop keeps `spareDescriptors` open for the refusals
        /// it makes when accept(2) fails with EMFILE. Default 64; 0 pauses at the cap instead.
        public var refusalReserve: Int = 64
        /// Descriptors each loop holds in reserve (on /dev/null) and gives up, one per refusal,
        /// to accept and refuse a client when the process is out of descriptors. Default 8.
        public var spareDescriptors: Int = 8

        /// The longest request target, in bytes (longer: 414). Default 8 KiB, as nginx and Apache.
        public var maxTargetLength: Int = 8 * 1024
        /// The largest header section (field lines and final CRLF, not the request line), in
        /// bytes (larger: 431). Default 32 KiB, nginx's total of four 8 KiB buffers.
        public var maxHeaderBytes: Int = 32 * 1024
        /// The most field lines in a header or trailer section (more: 431). Default 100, Apache's.
        public var maxHeaderCount: Int = 100
        /// The largest request body, declared or chunked (larger: 413). Default 1 MiB, nginx's.
        public var maxBodyBytes: Int = 1024 * 1024

        /// Time from a request's first byte (or a new connection) to its complete header
        /// section; a client trickling bytes is answered 408 and cut off. Default 10 s.
        public var headerTimeout: Duration = .seconds(10)
        /// Time from a complete header section to the end of the body (408 past it). Default 30 s.
        public var bodyTimeout: Duration = .seconds(30)
        /// Time a kept-alive connection may wait for its next request before it is closed. Default 60 s.
        public var idleTimeout: Duration = .seconds(60)
        /// Time pending output may make no progress (the client does not read) before the
        /// connection is dropped. Default 30 s.
        public var writeTimeout: Duration = .seconds(30)
        /// After the last response on a closing connection the server half-closes and keeps
        /// reading (and discarding) this long, so a client still sending does not receive a RST
        /// that destroys the response (nginx `lingering_timeout`). Default 2 s.
        public var lingerTimeout: Duration = .seconds(2)
        /// On shutdown, how long in-flight requests may take before every connection is closed. Default 10 s.
        public var drainTimeout: Duration = .seconds(10)
        /// How long a loop has nothing to do, after handling events, before its handler hears
        /// `didBecomeIdle`. Default 2 ms: longer than the gaps between a busy client's requests.
        public var idleGrace: Duration = .milliseconds(2)

        /// Output buffered for one connection above which the server stops parsing that
        /// connection's pipelined requests until it drains. Default 256 KiB.
        public var outputHighWaterMark: Int = 256 * 1024
        /// The per-loop read buffer: the most read from a socket in one call. Default 64 KiB.
        public var readBufferSize: Int = 64 * 1024

        /// Where the server reports events; nil reports nothing. Default nil.
        public var eventSink: (any ServerEventSink)?

        public init() {}

        /// Makes a configuration listening on `host`:`port`, everything else at its default.
        public init(host: String, port: Int) {
            self.host = host
            self.port = port
        }

        /// The number of online processors (at least 1).
        public static var onlineCores: Int {
            max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        }

        var parserLimits: RequestParser.Limits {
            RequestParser.Limits(
                maxTargetLength: maxTargetLength, maxHeaderBytes: maxHeaderBytes,
                maxHeaderCount: maxHeaderCount, maxBodyBytes: maxBodyBytes
            )
        }

        var timeouts: ConnectionStateMachine.Timeouts {
            ConnectionStateMachine.Timeouts(
                header: headerTimeout, body: bodyTimeout, idle: idleTimeout,
                write: writeTimeout, linger: lingerTimeout
            )
        }

        /// How often each loop checks its connections' deadlines: a tenth of the shortest
        /// timeout, between 5 ms and 250 ms, so a deadline is enforced within about 10 % late.
        var sweepInterval: Duration {
            let shortest = [headerTimeout, bodyTimeout, idleTimeout, writeTimeout, lingerTimeout].min()!
            return min(max(shortest / 10, .milliseconds(5)), .milliseconds(250))
        }

        /// Checks the values; a nonsensical configuration is a programmer error and traps.
        func validate() {
            precondition(threads >= 1, "threads must be at least 1")
            precondition((0...65535).contains(port), "port must be 0...65535")
            precondition(maxConnections >= 1 && listenBacklog >= 1, "maxConnections and listenBacklog must be positive")
            precondition(refusalReserve >= 0 && spareDescriptors >= 0, "refusalReserve and spareDescriptors must not be negative")
            precondition(maxTargetLength >= 1 && maxHeaderBytes >= 2 && maxHeaderCount >= 1 && maxBodyBytes >= 0,
                "limits must be positive")
            precondition(readBufferSize >= 1024 && outputHighWaterMark >= 1024, "buffers must be at least 1 KiB")
            for timeout in [headerTimeout, bodyTimeout, idleTimeout, writeTimeout, lingerTimeout, drainTimeout, idleGrace] {
                precondition(timeout > .zero, "timeouts must be positive")
            }
        }
    }
}
