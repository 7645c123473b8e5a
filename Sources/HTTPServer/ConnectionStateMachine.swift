/// The timing and keep-alive decisions of one connection, as a pure state machine.
///
/// It performs no I/O and reads no clock: the connection reports what happened with the time it
/// happened, and the machine answers with an `Action`. Tests drive it with made-up instants.
///
/// Input and output are tracked apart because pipelining overlaps them. While output is
/// pending the server is not reading (backpressure), so the input timers are suspended and
/// only the stalled-writer timer runs; they restart when the output drains.
struct ConnectionStateMachine {
    /// The timeouts the machine enforces.
    struct Timeouts: Sendable, Equatable {
        /// From the first byte of a request (or from accepting the connection) to its full head.
        var header: Duration
        /// From the full head to the last byte of the body.
        var body: Duration
        /// Between a response and the first byte of the next request.
        var idle: Duration
        /// Without any progress while output is pending.
        var write: Duration
        /// After the server half-closed, waiting for the client's end (a lingering close).
        var linger: Duration
    }

    /// Where the connection is in reading requests.
    enum Input: Equatable {
        /// Accepted, no byte yet: the header timeout applies (slow-loris connections).
        case awaitingFirstRequest(since: MonotonicInstant)
        /// Between requests on a kept-alive connection: the idle timeout applies.
        case awaitingRequest(since: MonotonicInstant)
        case receivingHead(since: MonotonicInstant)
        case receivingBody(since: MonotonicInstant)
        /// No further request will be read: the connection closes once its output is sent.
        case finished
    }

    /// What the connection must do.
    enum Action: Equatable {
        case none
        /// Close now, without a response (idle, lingering over, drained).
        case close
        /// Reset the connection (RST): the client stopped reading, so its unsent output is
        /// discarded rather than left in kernel buffers (nginx `reset_timedout_connection`).
        case abort
        /// Answer 408 Request Timeout and close (RFC 9110 §15.5.9).
        case respondWithTimeoutAndClose
    }

    let timeouts: Timeouts
    private(set) var input: Input
    /// Since when output has been waiting without progress; nil when nothing is pending.
    private(set) var outputStalledSince: MonotonicInstant?
    /// Since when the server has been lingering after its half-close; nil when not lingering.
    private(set) var lingeringSince: MonotonicInstant?
    /// Whether the server is shutting down: no new request will be kept alive.
    private(set) var isDraining = false

    init(timeouts: Timeouts, acceptedAt now: MonotonicInstant) {
        self.timeouts = timeouts
        self.input = .awaitingFirstRequest(since: now)
    }

    /// Whether a finished request may keep the connection open.
    var allowsKeepAlive: Bool { !isDraining }

    /// Whether the connection should close once its pending output is written.
    var closesAfterOutput: Bool { input == .finished }

    var isLingering: Bool { lingeringSince != nil }

    /// The parser has advanced; timers start at the first byte of a head and at the end of it,
    /// and more bytes never restart them, so trickling a request cannot stretch its deadline.
    mutating func requestProgressed(to progress: RequestProgress, at now: MonotonicInstant) {
        switch (input, progress) {
        case (.awaitingFirstRequest, .head), (.awaitingRequest, .head):
            input = .receivingHead(since: now)
        case (.awaitingFirstRequest, .body), (.awaitingRequest, .body), (.receivingHead, .body):
            input = .receivingBody(since: now)
        default:
            break
        }
    }

    /// A request was answered; the connection waits for the next one or finishes.
    mutating func requestCompleted(keepAlive: Bool, at now: MonotonicInstant) {
        guard input != .finished else { return }
        input = keepAlive && !isDraining ? .awaitingRequest(since: now) : .finished
    }

    /// No more requests will be read: a refusal, a timeout answer, or the client's end of stream.
    mutating func inputFinished() {
        input = .finished
    }

    /// Output could not all be written; the stalled-writer timer runs from now unless running.
    mutating func outputBlocked(at now: MonotonicInstant) {
        if outputStalledSince == nil { outputStalledSince = now }
    }

    /// Some pending output was written; the stalled-writer timer restarts.
    mutating func outputProgressed(at now: MonotonicInstant) {
        outputStalledSince = now
    }

    /// All output is written; input timers resume from now. Returns `.close` if nothing more is
    /// to come: the input finished, or the server is draining and no request is under way.
    mutating func outputDrained(at now: MonotonicInstant) -> Action {
        outputStalledSince = nil
        switch input {
        case .finished:
            return .close
        case .awaitingFirstRequest, .awaitingRequest:
            if isDraining { return .close }
            input = .awaitingRequest(since: now)
        case .receivingHead:
            input = .receivingHead(since: now)
        case .receivingBody:
            input = .receivingBody(since: now)
        }
        return .none
    }

    /// The server half-closed after its last response and now waits for the client's FIN.
    mutating func lingeringStarted(at now: MonotonicInstant) {
        input = .finished
        lingeringSince = now
    }

    /// The server began a graceful shutdown: idle connections close now, busy ones after their
    /// current request.
    mutating func drainStarted() -> Action {
        isDraining = true
        guard outputStalledSince == nil, lingeringSince == nil else { return .none }
        switch input {
        case .awaitingFirstRequest, .awaitingRequest: return .close
        default: return .none
        }
    }

    /// The earliest instant at which `timedOut(at:)` may answer something other than `.none`.
    var deadline: MonotonicInstant? {
        if let lingeringSince { return lingeringSince + timeouts.linger }
        if let outputStalledSince { return outputStalledSince + timeouts.write }
        switch input {
        case .awaitingFirstRequest(let since): return since + timeouts.header
        case .awaitingRequest(let since): return since + timeouts.idle
        case .receivingHead(let since): return since + timeouts.header
        case .receivingBody(let since): return since + timeouts.body
        case .finished: return nil
        }
    }

    /// What to do about time passing: close idle or stalled connections, answer 408 to requests
    /// that did not arrive in time.
    func timedOut(at now: MonotonicInstant) -> Action {
        guard let deadline, now >= deadline else { return .none }
        if lingeringSince != nil { return .close }
        if outputStalledSince != nil { return .abort }
        switch input {
        case .awaitingFirstRequest, .awaitingRequest, .finished: return .close
        case .receivingHead, .receivingBody: return .respondWithTimeoutAndClose
        }
    }
}
