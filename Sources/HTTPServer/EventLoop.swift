import CLinux
import Glibc

/// One event-loop thread's world: an epoll instance, a listening socket, its connections and
/// the per-loop application handler. Never leaves its thread, so nothing in it is locked, and
/// the state touched on every request is `@exclusivity(unchecked)` as in `ClientConnection`.
final class EventLoop {
    static let wakeToken: UInt64 = .max
    static let listenerToken: UInt64 = .max - 1
    /// How long accepting pauses, out of room to accept or to refuse, unless a connection of
    /// the loop closes first.
    static let acceptBackoff: Duration = .milliseconds(100)

    let index: Int
    let configuration: HTTPServer.Configuration
    let handler: any HTTPLoopHandler
    let shared: ServerShared
    /// Shared by every connection of the loop: the one buffer `read` fills.
    let readBuffer: UnsafeMutableRawBufferPointer
    /// Shared by every connection of the loop: responses are serialized here, then sent.
    @exclusivity(unchecked) var output = ResponseOutput()
    @exclusivity(unchecked) var date = HTTPDate()
    /// Whether the handler answers some requests through `HTTPLoopHandler.replay`.
    let replays: Bool

    private let epoll: FileDescriptor
    private var listener: FileDescriptor?
    /// Connections indexed by descriptor.
    @exclusivity(unchecked) private var connections: [ClientConnection?] = []
    private(set) var connectionCount = 0
    private var nextSerial: UInt32 = 1
    private let events: UnsafeMutableBufferPointer<epoll_event>
    private let parserLimits: RequestParser.Limits
    private let timeouts: ConnectionStateMachine.Timeouts
    /// A refusal lingers only long enough for the request a client sends on connecting, so a
    /// client that never closes holds a place in `refusalReserve` briefly.
    private let refusalTimeouts: ConnectionStateMachine.Timeouts
    private let sweepInterval: Duration
    /// `Configuration.idleGrace` in nanoseconds, added to the clock after every wake-up.
    private let idleGrace: Int64
    @exclusivity(unchecked) private var nextSweep: MonotonicInstant
    /// When the loop counts as idle if no event comes first; nil once the handler was told.
    @exclusivity(unchecked) private var idleAt: MonotonicInstant?
    @exclusivity(unchecked) private var acceptPausedUntil: MonotonicInstant?
    @exclusivity(unchecked) private var drainDeadline: MonotonicInstant?
    /// Descriptors held on /dev/null, each given up to refuse one client when accept(2) fails
    /// with EMFILE; taken back when a connection closes.
    private var spares: [FileDescriptor] = []

    /// Makes a loop; `listener` (which it then owns) may be nil for a loop fed by `adopt`, and
    /// `epoll` (owned too; `ServerShared.takeEpoll`) nil for a loop that makes its own.
    init(index: Int, shared: ServerShared, handler: any HTTPLoopHandler, listener: Int32?, epoll takenEpoll: Int32?) throws(SocketError) {
        self.index = index
        self.configuration = shared.configuration
        self.shared = shared
        self.handler = handler
        self.replays = handler.replays
        self.parserLimits = configuration.parserLimits
        self.timeouts = configuration.timeouts
        var refusalTimeouts = configuration.timeouts
        refusalTimeouts.linger = min(refusalTimeouts.linger, .milliseconds(250))
        self.refusalTimeouts = refusalTimeouts
        self.sweepInterval = configuration.sweepInterval
        self.idleGrace = configuration.idleGrace.nanoseconds
        self.nextSweep = MonotonicInstant.now() + sweepInterval
        let listenerDescriptor = listener.map(FileDescriptor.init)
        if let takenEpoll {
            self.epoll = FileDescriptor(takenEpoll)
        } else {
            self.epoll = FileDescriptor(try Syscall.epollCreate())
        }
        self.readBuffer = .allocate(byteCount: configuration.readBufferSize, alignment: 16)
        self.events = .allocate(capacity: 512)
        self.output.bytes.reserveCapacity(16 * 1024)
        try Syscall.epollControl(epoll.rawValue, EPOLL_CTL_ADD, shared.wakeFDs[index],
                                 events: EPOLLIN.rawValue, token: Self.wakeToken)
        if let listenerDescriptor {
            try Syscall.epollControl(epoll.rawValue, EPOLL_CTL_ADD, listenerDescriptor.rawValue,
                                     events: EPOLLIN.rawValue, token: Self.listenerToken)
            self.listener = listenerDescriptor
        }
        refillSpareDescriptors()
    }

    deinit {
        for connection in connections {
            if let connection { closeConnection(connection) }
        }
        readBuffer.deallocate()
        events.deallocate()
    }

    var isDraining: Bool { drainDeadline != nil }

    /// Runs until shutdown has drained every connection (or the drain timeout passed).
    func run() {
        while !runOnce() {}
        handler.didBecomeIdle()
    }

    /// Waits for events once (at most until the next deadline) and handles them. Returns true
    /// when the loop has finished draining and must stop.
    @discardableResult
    func runOnce(maximumWait: Duration? = nil) -> Bool {
        let before = MonotonicInstant.now()
        var wakeAt = nextSweep
        if let acceptPausedUntil { wakeAt = min(wakeAt, acceptPausedUntil) }
        if let drainDeadline { wakeAt = min(wakeAt, drainDeadline) }
        if let maximumWait { wakeAt = min(wakeAt, before + maximumWait) }
        if let idleAt { wakeAt = min(wakeAt, idleAt) }
        let timeout = Int32(clamping: wakeAt.millisecondsRoundedUp(since: before))
        let count = Syscall.epollWait(epoll.rawValue, events, timeoutMilliseconds: timeout)
        let now = MonotonicInstant.now()
        date.refresh()
        for event in events[..<count] {
            dispatch(event, now: now)
        }
        if count > 0 {
            handler.didProcessEvents()
            idleAt = now.advanced(byNanoseconds: idleGrace)
        } else if let idleAt, now >= idleAt {
            self.idleAt = nil
            handler.didBecomeIdle()
        }
        if drainDeadline == nil, shared.isShuttingDown.load(ordering: .acquiring) {
            beginDrain(now: now)
        }
        if now >= nextSweep {
            sweep(now: now)
            nextSweep = now + sweepInterval
        }
        if let acceptPausedUntil, now >= acceptPausedUntil {
            resumeAccepting()
        }
        if output.bytes.capacity > 4 * configuration.outputHighWaterMark {
            output = ResponseOutput()
            output.bytes.reserveCapacity(16 * 1024)
        }
        guard let drainDeadline else { return false }
        if connectionCount == 0 { return true }
        if now >= drainDeadline {
            shared.report(.warning, "drain timeout passed; closing connections",
                          [("loop", "\(index)"), ("connections", "\(connectionCount)")])
            for connection in connections {
                if let connection { closeConnection(connection, reset: true) }
            }
            return true
        }
        return false
    }

    /// Takes ownership of a connected socket and starts serving it.
    func adopt(_ fd: Int32, peer: String, now: MonotonicInstant) {
        guard let connection = register(fd, peer: peer, now: now, isRefusal: false) else { return }
        if isDraining, connection.drainStarted() == .close {
            closeConnection(connection)
        }
    }

    /// Takes ownership of a connected socket only to answer it 503 with `Retry-After` and close
    /// it (lingering, so the answer is not lost to a RST): the server has no room for it.
    func refuse(_ fd: Int32, peer: String, now: MonotonicInstant) {
        guard let connection = register(fd, peer: peer, now: now, isRefusal: true) else { return }
        settle(connection, connection.refuseForLackOfRoom(loop: self, now: now))
    }

    private func register(_ fd: Int32, peer: String, now: MonotonicInstant, isRefusal: Bool) -> ClientConnection? {
        let socket = FileDescriptor(fd)
        let serial = nextSerial
        nextSerial = nextSerial == .max ? 1 : nextSerial + 1
        let connection = ClientConnection(socket: socket, serial: serial, peer: peer, isRefusal: isRefusal,
                                    limits: parserLimits, timeouts: isRefusal ? refusalTimeouts : timeouts,
                                    acceptedAt: now)
        do {
            try Syscall.epollControl(epoll.rawValue, EPOLL_CTL_ADD, fd, events: EPOLLIN.rawValue, token: connection.token)
        } catch {
            shared.report(.error, "cannot watch an accepted connection", [("error", "\(error)")])
            return nil
        }
        let slot = Int(fd)
        if slot >= connections.count {
            connections.append(contentsOf: repeatElement(nil, count: max(slot + 1 - connections.count, 256)))
        }
        connections[slot] = connection
        connectionCount += 1
        count(connection, by: 1)
        return connection
    }

    /// Adjusts the shared count the connection is part of: served, or being refused.
    private func count(_ connection: ClientConnection, by delta: Int) {
        if connection.isRefusal {
            shared.refusingConnections.add(delta, ordering: .relaxed)
        } else {
            shared.openConnections.add(delta, ordering: .relaxed)
        }
    }

    private func dispatch(_ event: epoll_event, now: MonotonicInstant) {
        let token = event.data.u64
        if token == Self.wakeToken {
            Syscall.drainEventFD(shared.wakeFDs[index])
            return
        }
        if token == Self.listenerToken {
            acceptConnections(now: now)
            return
        }
        let slot = Int(token & 0xFFFF_FFFF)
        guard slot < connections.count, let connection = connections[slot],
              connection.serial == UInt32(truncatingIfNeeded: token >> 32) else { return }
        let flags = event.events
        var disposition = ClientConnection.Disposition.open
        if flags & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0 {
            disposition = .close
        } else {
            if flags & EPOLLIN.rawValue != 0 {
                disposition = connection.readable(loop: self, now: now)
            }
            if disposition == .open, flags & EPOLLOUT.rawValue != 0 {
                disposition = connection.writable(loop: self, now: now)
            }
        }
        settle(connection, disposition)
    }

    /// Closes the connection or brings its epoll interest up to date.
    private func settle(_ connection: ClientConnection, _ disposition: ClientConnection.Disposition) {
        guard disposition == .open else {
            closeConnection(connection, reset: disposition == .abort)
            return
        }
        let wanted = connection.wantedEvents
        guard wanted != connection.registeredEvents else { return }
        do {
            try Syscall.epollControl(epoll.rawValue, EPOLL_CTL_MOD, connection.socket.rawValue,
                                     events: wanted, token: connection.token)
            connection.registeredEvents = wanted
        } catch {
            closeConnection(connection)
        }
    }

    /// Closes a connection; with `reset`, by RST (SO_LINGER 0), dropping unsent output at once.
    private func closeConnection(_ connection: ClientConnection, reset: Bool = false) {
        let slot = Int(connection.socket.rawValue)
        guard slot >= 0, slot < connections.count, connections[slot] === connection else { return }
        connections[slot] = nil
        if reset {
            var option = linger(l_onoff: 1, l_linger: 0)
            _ = setsockopt(connection.socket.rawValue, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
        }
        if spares.count < configuration.spareDescriptors {
            // The descriptor freed goes back to the reserve before any accept can take it.
            shared.descriptorLock.withLock { held in
                connection.socket.close()
                openSpareDescriptors(counting: &held)
            }
        } else {
            connection.socket.close()
        }
        connectionCount -= 1
        count(connection, by: -1)
        // Room has come back: a client waiting for it need not wait out the pause.
        if acceptPausedUntil != nil { resumeAccepting() }
    }

    /// What accepting with a spare descriptor came to.
    enum SpareAccept {
        case accepted(fd: Int32, peer: String)
        /// Nothing was waiting: accept(2) reports EMFILE before it looks at the queue.
        case nothingWaiting
        /// No spare was left, or accept(2) failed even so.
        case failed
    }

    /// Gives up one spare descriptor and accepts in its place, both under `descriptorLock`.
    func acceptWithSpareDescriptor(_ listenerFD: Int32) -> SpareAccept {
        shared.descriptorLock.withLock { held in
            guard let spare = spares.popLast() else { return .failed }
            spare.close()
            held -= 1
            do throws(SocketError) {
                if let (fd, peer) = try Syscall.accept(listenerFD) { return .accepted(fd: fd, peer: peer) }
                openSpareDescriptors(counting: &held)
                return .nothingWaiting
            } catch {
                openSpareDescriptors(counting: &held)
                return .failed
            }
        }
    }

    private func refillSpareDescriptors() {
        guard spares.count < configuration.spareDescriptors else { return }
        shared.descriptorLock.withLock { held in openSpareDescriptors(counting: &held) }
    }

    /// Opens spare descriptors up to `spareDescriptors`, as many as the process can spare now;
    /// called with `descriptorLock` held, whose count of spares held it keeps.
    private func openSpareDescriptors(counting held: inout Int) {
        while spares.count < configuration.spareDescriptors {
            let fd = open("/dev/null", O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return }
            spares.append(FileDescriptor(fd))
            held += 1
        }
    }

    private func sweep(now: MonotonicInstant) {
        for connection in connections {
            guard let connection, let deadline = connection.machine.deadline, now >= deadline else { continue }
            settle(connection, connection.checkTimeouts(loop: self, now: now))
        }
    }

    /// The open connections (for tests).
    var connectionsForTesting: [ClientConnection] { connections.compactMap { $0 } }

    /// The listening socket's descriptor, while the loop has one.
    var currentListener: Int32? { listener?.rawValue }

    /// Stops watching the listener for `acceptBackoff`; the socket stays open and its backlog
    /// keeps queueing connections.
    func pauseAccepting(now: MonotonicInstant) {
        guard let listener, acceptPausedUntil == nil else { return }
        try? Syscall.epollControl(epoll.rawValue, EPOLL_CTL_DEL, listener.rawValue, events: 0, token: 0)
        acceptPausedUntil = now + Self.acceptBackoff
    }

    private func resumeAccepting() {
        acceptPausedUntil = nil
        refillSpareDescriptors()
        guard let listener, !isDraining else { return }
        do {
            try Syscall.epollControl(epoll.rawValue, EPOLL_CTL_ADD, listener.rawValue,
                                     events: EPOLLIN.rawValue, token: Self.listenerToken)
        } catch {
            shared.report(.error, "cannot watch the listening socket again", [("error", "\(error)")])
        }
    }

    private func beginDrain(now: MonotonicInstant) {
        drainDeadline = now + configuration.drainTimeout
        acceptPausedUntil = nil
        if let listener {
            listener.close()
            self.listener = nil
        }
        for connection in connections {
            if let connection { settle(connection, connection.drainStarted()) }
        }
    }
}
