/// The application as one event loop sees it: created on the loop's thread, used only there.
///
/// It is deliberately not `Sendable`: it may hold per-loop state (a database connection, caches)
/// without locks, because only its own loop ever calls it.
public protocol HTTPLoopHandler: AnyObject {
    /// Answers a complete request.
    func respond(to request: HTTPRequest, context: RequestContext) -> HTTPResponse
    /// The server refused bytes it could not accept (or a request that timed out); it is writing
    /// `response` and closing. For access logs and metrics.
    func didRefuse(_ response: HTTPResponse, peer: String)
    /// The loop has handled everything one wake-up brought: a place to flush what was batched
    /// (access-log lines, say) with one system call instead of one per request.
    func didProcessEvents()
}

extension HTTPLoopHandler {
    public func didProcessEvents() {}
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
