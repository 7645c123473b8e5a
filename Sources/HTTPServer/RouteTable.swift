/// Matches requests by method and path pattern to any `Sendable` value: a handler closure for
/// `Router`, or an application's own endpoint enum when its handlers need per-loop state.
///
/// Patterns are `/`-separated segments: a literal (`member-states`), a parameter (`{code}`) that
/// captures any one decoded segment, or a typed parameter (`{id:int}`) that captures only
/// decimal integers. Literal segments win over parameters; a typed parameter is tried before
/// an untyped one. Matching works on decoded segments, so `%2F` never splits a segment.
public struct RouteTable<Value: Sendable>: Sendable {
    /// What `match(_:)` found for a request.
    public enum Match: Sendable {
        /// The value, the captured parameters and the pattern that matched (for metrics labels).
        case matched(Value, PathParameters, pattern: String)
        case notFound
        /// The path exists but not for this method; `allow` lists what it does take.
        case methodNotAllowed(allow: [HTTPMethod], pattern: String)
    }

    private var root = RouteNode<Value>()
    private var registered: [(method: HTTPMethod, pattern: String)] = []

    public init() {}

    /// Every registered (method, pattern), in the order added (HEAD and OPTIONS that follow from
    /// them are not listed).
    public var routes: [(method: HTTPMethod, pattern: String)] { registered }

    /// Every method some route answers, HEAD and OPTIONS included, for `OPTIONS *`.
    public var allMethods: [HTTPMethod] { root.allMethods }

    /// Registers `value` for `method` on `pattern`.
    ///
    /// A malformed pattern, or a second value for the same method and pattern, is a programmer
    /// error and traps.
    public mutating func add(_ method: HTTPMethod, _ pattern: String, _ value: Value) {
        let segments = RouteSegment.parse(pattern)
        root.insert(segments[...], method: method, handler: value, pattern: pattern)
        registered.append((method: method, pattern: pattern))
    }

    /// Finds the value for a request; HEAD falls back to GET (RFC 9110 §9.3.2).
    public func match(_ request: HTTPRequest) -> Match {
        var parameters = PathParameters()
        guard let node = root.find(request.pathSegments[...], parameters: &parameters) else {
            return .notFound
        }
        if let value = node.handlers[request.method] {
            return .matched(value, parameters, pattern: node.pattern)
        }
        if request.method == .head, let value = node.handlers[.get] {
            return .matched(value, parameters, pattern: node.pattern)
        }
        return .methodNotAllowed(allow: node.allowedMethods, pattern: node.pattern)
    }
}
