/// Matches requests by method and path pattern to route numbers (0, 1, … in the order added).
///
/// Patterns are `/`-separated segments: a literal (`member-states`), a parameter (`{code}`) that
/// captures any one decoded segment, or a typed parameter (`{id:int}`) that captures only
/// decimal integers. Literal segments win over parameters; a typed parameter is tried before
/// an untyped one. Matching works on decoded segments, so `%2F` never splits a segment.
///
/// It is deliberately not generic: `Router` keeps the table from route number to whatever it
/// routes to, and matching runs as plain code, where a generic trie walked from another module
/// would pay for a type-metadata lookup at every step.
public struct RouteTrie: Sendable {
    /// What `match(_:)` found for a request.
    public enum Match: Sendable {
        /// The route number, the captured parameters and the pattern (for metrics labels).
        case matched(route: Int, PathParameters, pattern: String)
        case notFound
        /// The path exists but not for this method; `allow` lists what it does take.
        case methodNotAllowed(allow: [HTTPMethod], pattern: String)
    }

    private var root = RouteNode()
    private var registered: [(method: HTTPMethod, pattern: String)] = []

    public init() {}

    /// Every registered (method, pattern), in the order added: the index is the route number.
    public var routes: [(method: HTTPMethod, pattern: String)] { registered }

    /// Every method some route answers, HEAD and OPTIONS included, for `OPTIONS *`.
    public var allMethods: [HTTPMethod] { root.allMethods }

    /// Registers `method` on `pattern` and returns its route number.
    ///
    /// A malformed pattern, or a second registration of the same method and pattern, is a
    /// programmer error and traps.
    @discardableResult
    public mutating func add(_ method: HTTPMethod, _ pattern: String) -> Int {
        let route = registered.count
        root.insert(RouteSegment.parse(pattern)[...], method: method, handler: route, pattern: pattern)
        registered.append((method: method, pattern: pattern))
        return route
    }

    /// Finds the route for a request; HEAD falls back to GET (RFC 9110 §9.3.2).
    public func match(_ request: HTTPRequest) -> Match {
        var parameters = PathParameters()
        guard let node = root.find(request.pathSegments[...], parameters: &parameters) else {
            return .notFound
        }
        if let route = node.route(for: request.method) {
            return .matched(route: route, parameters, pattern: node.pattern)
        }
        if request.method == .head, let route = node.route(for: .get) {
            return .matched(route: route, parameters, pattern: node.pattern)
        }
        return .methodNotAllowed(allow: node.allowedMethods, pattern: node.pattern)
    }
}
