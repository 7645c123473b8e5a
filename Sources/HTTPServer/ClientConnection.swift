import CLinux

/// One client connection, confined to its event loop's thread (hence not Sendable).
///
/// It holds no buffer while idle: unparsed input lives in the loop's read buffer and is copied
/// here only when a request is incomplete (`inbound`), and only output the socket would not
/// take is kept (`outbound`). Both are dropped as soon as they empty, so 10,000 idle
/// keep-alive connections cost little more than their parser and state machine.
///
/// Its mutable state is `@exclusivity(unchecked)`: only the loop's thread touches it, one call
/// at a time, so no two accesses can overlap, and the run-time check Swift otherwise makes on
/// every access through a class reference cost more than the rest of a replayed answer.
final class ClientConnection {
    /// What the loop must do with the connection after an event.
    enum Disposition: Equatable {
        case open
        case close
        /// Close with a RST, discarding unsent output.
        case abort
    }

    let socket: FileDescriptor
    /// Tells events for this connection from events for an earlier one on the same descriptor.
    let serial: UInt32
    /// The client's address, `ip:port`.
    let peer: String
    /// Whether the connection was accepted only to be refused (503) for lack of room.
    let isRefusal: Bool
    @exclusivity(unchecked) var parser: RequestParser
    @exclusivity(unchecked) var machine: ConnectionStateMachine
    /// Received bytes not yet parsed: an incomplete line, or requests held back by backpressure.
    @exclusivity(unchecked) var inbound: [UInt8] = []
    /// Output the socket has not taken yet, from `outboundOffset` on.
    @exclusivity(unchecked) var outbound: [UInt8] = []
    @exclusivity(unchecked) var outboundOffset = 0
    /// The epoll events currently registered for the socket.
    @exclusivity(unchecked) var registeredEvents: UInt32 = EPOLLIN.rawValue
    /// Whether the client has ended its sending side.
    @exclusivity(unchecked) var isPeerClosed = false

    init(socket: FileDescriptor, serial: UInt32, peer: String, isRefusal: Bool = false, limits: RequestParser.Limits,
         timeouts: ConnectionStateMachine.Timeouts, acceptedAt now: MonotonicInstant) {
        self.socket = socket
        self.serial = serial
        self.peer = peer
        self.isRefusal = isRefusal
        self.parser = RequestParser(limits: limits)
        self.machine = ConnectionStateMachine(timeouts: timeouts, acceptedAt: now)
    }

    var hasPendingOutput: Bool { outboundOffset < outbound.count }

    /// The epoll token: the descriptor in the low half, the serial in the high half.
    var token: UInt64 { UInt64(UInt32(bitPattern: socket.rawValue)) | UInt64(serial) << 32 }

    /// The events the connection wants: writability while output is pending (and then no
    /// reading: backpressure), readability otherwise (also while lingering).
    var wantedEvents: UInt32 {
        if machine.isLingering { return EPOLLIN.rawValue }
        return hasPendingOutput ? EPOLLOUT.rawValue : EPOLLIN.rawValue
    }
}
