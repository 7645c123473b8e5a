/// The application as one event loop sees it: created on the loop's thread, used only there.
///
/// It is deliberately not `Sendable`: it may hold per-loop state (a database connection, caches)
/// without locks, because only its own loop ever calls it.
public protocol HTTPLoopHandler: AnyObject {
    /// Answers a complete request.
    func respond(to request: HTTPRequest, context: RequestContext) -> HTTPResponse
    /// Answers a complete request whose whole head (and nothing else) was `head`, valid only
    /// during the call: a handler that keeps a template of the response under those bytes can
    /// answer them again with `replay` (nil when the request arrived in pieces or with a body).
    func respond(to request: HTTPRequest, context: RequestContext, head: UnsafeRawBufferPointer?) -> HTTPResponse
    /// Whether the handler may answer through `replay`; asked once per loop.
    var replays: Bool { get }
    /// Answers the request whose head is `head` (up to and including its empty line) by
    /// appending a whole response to `output`, if the handler answered exactly these bytes
    /// before and would answer them the same way now on a connection kept open; otherwise
    /// appends nothing and returns false, and the request is parsed and answered as usual.
    ///
    /// The same bytes parse to the same request, so a handler whose answer depends only on
    /// the request, its data and the time (which `date` and its own fill supply) may skip both.
    func replay(_ head: UnsafeRawBufferPointer, peer: String, date: [UInt8], into output: inout ResponseOutput) -> Bool
    /// The server refused bytes it could not accept (or a request that timed out); it is writing
    /// `response` and closing. For access logs and metrics.
    func didRefuse(_ response: HTTPResponse, peer: String)
    /// The loop has handled everything one wake-up brought: a place to flush what was batched
    /// (access-log lines, say) with one system call instead of one per request.
    func didProcessEvents()
    /// The loop has had nothing to do for `Configuration.idleGrace` since it last handled events,
    /// or is stopping: a place to let go of what is worth keeping only while requests keep
    /// coming (a read transaction, say), without paying to take it again for each request.
    func didBecomeIdle()
}

extension HTTPLoopHandler {
    public func didProcessEvents() {}

    public func didBecomeIdle() {}

    public func respond(to request: HTTPRequest, context: RequestContext, head: UnsafeRawBufferPointer?) -> HTTPResponse {
        respond(to: request, context: context)
    }

    public var replays: Bool { false }

    public func replay(_ head: UnsafeRawBufferPointer, peer: String, date: [UInt8], into output: inout ResponseOutput) -> Bool {
        false
    }
}

/// Makes one `HTTPLoopHandler` per event loop; called on that loop's thread.
public protocol HTTPResponder: Sendable {
    func makeLoopHandler(loopIndex: Int) -> any HTTPLoopHandler
}

/// A responder that answers every request through a `Router`.
public struct RouterResponder: HTTPResponder {
    public let router: Router<HTTPHandler>

    public init(router: Router<HTTPHandler>) {
        self.router = router
    }

    public func makeLoopHandler(loopIndex: Int) -> any HTTPLoopHandler {
        RouterLoopHandler(router: router)
    }
}

/// The per-loop handler of `RouterResponder`.
final class RouterLoopHandler: HTTPLoopHandler {
    let router: Router<HTTPHandler>

    init(router: Router<HTTPHandler>) {
        self.router = router
    }

    func respond(to request: HTTPRequest, context: RequestContext) -> HTTPResponse {
        router.respond(to: request, context: context)
    }

    func didRefuse(_ response: HTTPResponse, peer: String) {}
}
