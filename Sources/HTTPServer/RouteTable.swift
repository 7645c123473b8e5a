/// A `RouteTrie` whose routes lead to values: handler closures for `Router`, say.
public struct RouteTable<Value: Sendable>: Sendable {
    /// What `match(_:)` found for a request.
    public enum Match: Sendable {
        /// The value, the captured parameters and the pattern that matched.
        case matched(Value, PathParameters, pattern: String)
        case notFound
        /// The path exists but not for this method; `allow` lists what it does take.
        case methodNotAllowed(allow: [HTTPMethod], pattern: String)
    }

    private var trie = RouteTrie()
    private var values: [Value] = []

    public init() {}

    /// Every registered (method, pattern), in the order added.
    public var routes: [(method: HTTPMethod, pattern: String)] { trie.routes }

    /// Every method some route answers, HEAD and OPTIONS included, for `OPTIONS *`.
    public var allMethods: [HTTPMethod] { trie.allMethods }

    /// Registers `value` for `method` on `pattern` (see `RouteTrie.add`).
    public mutating func add(_ method: HTTPMethod, _ pattern: String, _ value: Value) {
        trie.add(method, pattern)
        values.append(value)
    }

    /// Finds the value for a request (see `RouteTrie.match`).
    public func match(_ request: HTTPRequest) -> Match {
        switch trie.match(request) {
        case .matched(let route, let parameters, let pattern): .matched(values[route], parameters, pattern: pattern)
        case .notFound: .notFound
        case .methodNotAllowed(let allow, let pattern): .methodNotAllowed(allow: allow, pattern: pattern)
        }
    }
}
