import CLinux
import Glibc
import Locking
import Synchronization

/// An HTTP/1.1 server on non-blocking POSIX sockets and epoll.
///
/// `threads` event loops each own an epoll instance and a listening socket bound with
/// SO_REUSEPORT, so the kernel spreads connections over them; a connection stays on its loop
/// for life, and no lock is taken on the request path. `init` binds and listens (so port 0 is
/// resolved at once); `start` spawns the loops; `shutdown` drains them; `run` does both and
/// blocks, answering SIGTERM and SIGINT when `installSignalHandlers` was called.
public final class HTTPServer: Sendable {
    private enum Lifecycle {
        case ready
        case running([pthread_t])
        case stopped
    }

    public let configuration: Configuration
    /// The port the server listens on (the one chosen by the kernel when configured as 0).
    public let boundPort: Int
    private let responder: any HTTPResponder
    private let shared: ServerShared
    private let lifecycle = Lock<Lifecycle>(.ready)
    private let handlesSignals = Atomic<Bool>(false)

    /// Binds and listens on `configuration.host`:`configuration.port` with one socket per loop.
    ///
    /// Also raises the soft RLIMIT_NOFILE to the hard limit, and reports through the event sink
    /// if even that is too low for `maxConnections`. Every descriptor the server needs besides
    /// its connections (listeners, epoll instances, eventfds) is made here, so a process at
    /// its descriptor limit fails here rather than serving nothing after it said it listens.
    public init(configuration: Configuration, responder: any HTTPResponder) throws {
        configuration.validate()
        self.configuration = configuration
        self.responder = responder
        Self.raiseDescriptorLimit(configuration)
        var listeners: [Int32] = []
        do {
            var port = configuration.port
            for _ in 0..<configuration.threads {
                let fd = try Self.makeListener(host: configuration.host, port: port, backlog: configuration.listenBacklog)
                listeners.append(fd)
                if port == 0 { port = try SocketAddress.localPort(of: fd) }
            }
            self.boundPort = port
            try SignalRelay.prepare()
            self.shared = try ServerShared(configuration: configuration, listeners: listeners,
                                           loopCount: configuration.threads)
        } catch {
            listeners.forEach(Syscall.close)
            throw error
        }
    }

    /// Connections open right now, across all loops.
    public var openConnections: Int {
        shared.openConnections.load(ordering: .relaxed)
    }

    /// Spawns the event loops and returns; the server is serving when this returns.
    public func start() throws {
        try lifecycle.withLock { state throws(SocketError) in
            guard case .ready = state else { return }
            signal(SIGPIPE, SIG_IGN)  // belt and braces: every send already uses MSG_NOSIGNAL
            var threads: [pthread_t] = []
            for index in 0..<configuration.threads {
                let shared = self.shared
                let responder = self.responder
                // Taken here, before the loop's thread exists, so that a failed spawn closes them.
                let listener = shared.takeListener(index)
                let epoll = shared.takeEpoll(index)
                let thread: pthread_t
                do throws(SocketError) {
                    thread = try LoopThread.spawn(name: "http-loop-\(index)") {
                        Self.runLoop(index: index, shared: shared, responder: responder, listener: listener, epoll: epoll)
                    }
                } catch {
                    [listener, epoll].compactMap { $0 }.forEach(Syscall.close)
                    throw error
                }
                threads.append(thread)
            }
            state = .running(threads)
        }
        shared.report(.info, "listening", [
            ("host", configuration.host), ("port", "\(boundPort)"), ("threads", "\(configuration.threads)"),
        ])
    }

    /// Begins a graceful shutdown: stop accepting, close idle connections, finish requests in
    /// flight, and stop each loop when it has no connection left or `drainTimeout` has passed.
    /// Callable from any thread, any number of times.
    public func shutdown() {
        guard !shared.isShuttingDown.exchange(true, ordering: .acquiringAndReleasing) else { return }
        shared.report(.info, "shutting down", [("openConnections", "\(openConnections)")])
        shared.wakeAll()
    }

    /// Blocks until every loop has stopped after `shutdown()`; while waiting, answers SIGTERM and
    /// SIGINT with `shutdown()` if `installSignalHandlers()` was called. Call it from one thread
    /// only (it is what `run()` does after `start()`).
    public func waitUntilStopped() {
        let threads: [pthread_t] = lifecycle.withLock { state in
            guard case .running(let threads) = state else { return [] }
            return threads
        }
        guard !threads.isEmpty else { return }
        var stopped: UInt64 = 0
        while stopped < UInt64(threads.count) {
            var descriptors = [pollfd(fd: shared.stoppedFD, events: Int16(POLLIN), revents: 0)]
            let signalFD = SignalRelay.eventFD
            if handlesSignals.load(ordering: .relaxed), signalFD >= 0 {
                descriptors.append(pollfd(fd: signalFD, events: Int16(POLLIN), revents: 0))
            }
            _ = poll(&descriptors, nfds_t(descriptors.count), -1)
            if descriptors.count > 1, descriptors[1].revents != 0, Syscall.drainEventFD(signalFD) > 0 {
                shared.report(.info, "signal received")
                shutdown()
            }
            stopped += Syscall.drainEventFD(shared.stoppedFD)
        }
        threads.forEach(LoopThread.join)
        lifecycle.withLock { $0 = .stopped }
        shared.report(.info, "stopped")
    }

    /// Starts the server and blocks until it has shut down and drained.
    public func run() throws {
        try start()
        waitUntilStopped()
    }

    /// Makes SIGTERM and SIGINT shut this server down gracefully (while `run` or
    /// `waitUntilStopped` waits) and ignores SIGPIPE. Call before `run`.
    public func installSignalHandlers() {
        SignalRelay.install()
        handlesSignals.store(true, ordering: .relaxed)
    }

    private static func runLoop(index: Int, shared: ServerShared, responder: any HTTPResponder, listener: Int32?, epoll: Int32?) {
        defer { Syscall.signalEventFD(shared.stoppedFD) }
        let handler = responder.makeLoopHandler(loopIndex: index)
        let loop: EventLoop
        do {
            loop = try EventLoop(index: index, shared: shared, handler: handler, listener: listener, epoll: epoll)
        } catch {
            shared.report(.error, "event loop failed to start", [("loop", "\(index)"), ("error", "\(error)")])
            return
        }
        loop.run()
    }
}
