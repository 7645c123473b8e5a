import Glibc
import Locking
import Synchronization

/// What the server and its loops share across threads: counters, flags and descriptors that
/// outlive every loop (the loops hold it strongly, so it is released after the last one).
final class ServerShared: Sendable {
    let configuration: HTTPServer.Configuration
    /// Connections being served, across loops (refusals not included).
    let openConnections = Atomic<Int>(0)
    /// Connections accepted only to be answered 503 and closed (`refusalReserve`).
    let refusingConnections = Atomic<Int>(0)
    /// Held around every accept(2) and around giving up or taking back a spare descriptor, so
    /// that the descriptor a loop frees to refuse a client is the one its own accept gets, not
    /// one another loop's accept takes to serve a client past the limit. Its value: the spare
    /// descriptors the loops hold.
    let descriptorLock = Lock<Int>(0)
    let isShuttingDown = Atomic<Bool>(false)
    /// One eventfd per loop, written to wake it (shutdown).
    let wakeFDs: [Int32]
    /// An eventfd each loop adds 1 to when it has stopped.
    let stoppedFD: Int32
    /// Listening sockets not yet taken by their loop; closed here if never taken.
    private let listeners: Lock<[Int32?]>
    /// One epoll instance per loop, made here so that running out of descriptors fails
    /// `HTTPServer.init` instead of a loop thread after the server said it was serving.
    private let epolls: Lock<[Int32?]>
    /// When a throttled event was last reported, by message, to keep logs from flooding.
    private let lastReported = Lock<[String: MonotonicInstant]>([:])

    init(configuration: HTTPServer.Configuration, listeners: [Int32], loopCount: Int) throws(SocketError) {
        self.configuration = configuration
        var wakeFDs: [Int32] = []
        var epolls: [Int32] = []
        do throws(SocketError) {
            for _ in 0..<loopCount {
                wakeFDs.append(try Syscall.makeEventFD())
                epolls.append(try Syscall.epollCreate())
            }
            self.stoppedFD = try Syscall.makeEventFD()
        } catch {
            wakeFDs.forEach(Syscall.close)
            epolls.forEach(Syscall.close)
            throw error
        }
        self.wakeFDs = wakeFDs
        self.epolls = Lock(epolls.map { Optional($0) })
        self.listeners = Lock(listeners.map { Optional($0) })
    }

    deinit {
        wakeFDs.forEach(Syscall.close)
        Syscall.close(stoppedFD)
        listeners.withLock { $0.compactMap { $0 }.forEach(Syscall.close) }
        epolls.withLock { $0.compactMap { $0 }.forEach(Syscall.close) }
    }

    /// Hands loop `index` its epoll instance (once); nil when already taken.
    func takeEpoll(_ index: Int) -> Int32? {
        epolls.withLock { list in
            guard index < list.count else { return nil }
            defer { list[index] = nil }
            return list[index]
        }
    }

    /// Hands loop `index` its listening socket (once).
    func takeListener(_ index: Int) -> Int32? {
        listeners.withLock { list in
            guard index < list.count else { return nil }
            defer { list[index] = nil }
            return list[index]
        }
    }

    /// Wakes every loop so it notices a change of the shared flags.
    func wakeAll() {
        wakeFDs.forEach(Syscall.signalEventFD)
    }

    func report(_ level: ServerEventLevel, _ message: String, _ fields: [(String, String)] = []) {
        configuration.eventSink?.serverEvent(level, message, fields)
    }

    /// Reports `message` at most once a second.
    func reportThrottled(_ level: ServerEventLevel, _ message: String, _ fields: [(String, String)] = []) {
        guard configuration.eventSink != nil else { return }
        let now = MonotonicInstant.now()
        let shouldReport = lastReported.withLock { last in
            if let previous = last[message], now.since(previous) < .seconds(1) { return false }
            last[message] = now
            return true
        }
        if shouldReport { report(level, message, fields) }
    }
}
