/// What a handler knows besides the request: path parameters, its loop, its peer.
public struct RequestContext: Sendable {
    /// The parameters the route pattern captured.
    public let parameters: PathParameters
    /// The index of the event loop running the handler (0 ..< threads).
    public let loopIndex: Int
    /// The client's address as `ip:port` (`[ip]:port` for IPv6).
    public let peer: String

    public init(parameters: PathParameters = PathParameters(), loopIndex: Int = 0, peer: String = "") {
        self.parameters = parameters
        self.loopIndex = loopIndex
        self.peer = peer
    }

    /// The same context with other path parameters.
    public func with(parameters: PathParameters) -> RequestContext {
        RequestContext(parameters: parameters, loopIndex: loopIndex, peer: peer)
    }
}
