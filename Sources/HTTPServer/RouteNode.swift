/// One segment of a route pattern.
enum RouteSegment: Equatable {
    case literal(String)
    case parameter(name: String, constraint: RouteConstraint)

    /// Splits a pattern such as `/v1/items/{id:int}`; a malformed one traps (a programmer error).
    static func parse(_ pattern: String) -> [RouteSegment] {
        precondition(pattern.hasPrefix("/"), "A route pattern starts with '/': \(pattern)")
        if pattern == "/" { return [] }
        return pattern.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map { piece in
            guard piece.hasPrefix("{") else {
                precondition(!piece.isEmpty && !piece.contains("{") && !piece.contains("}"),
                    "Malformed segment '\(piece)' in route pattern \(pattern)")
                return .literal(String(piece))
            }
            precondition(piece.hasSuffix("}") && piece.count > 2, "Malformed parameter '\(piece)' in \(pattern)")
            let inner = piece.dropFirst().dropLast()
            let parts = inner.split(separator: ":", maxSplits: 1)
            let name = String(parts[0])
            let constraint: RouteConstraint
            switch parts.count == 2 ? String(parts[1]) : "" {
            case "": constraint = .any
            case "int": constraint = .integer
            case let other: preconditionFailure("Unknown parameter type '\(other)' in \(pattern)")
            }
            return .parameter(name: name, constraint: constraint)
        }
    }
}

/// What a parameter segment accepts.
enum RouteConstraint: Equatable, Sendable {
    /// Any non-empty segment.
    case any
    /// An optional minus sign and decimal digits that fit an `Int`.
    case integer

    func accepts(_ segment: String) -> Bool {
        switch self {
        case .any: !segment.isEmpty
        case .integer: Int(segment) != nil
        }
    }
}

/// A node of the routing trie: the handlers for the path so far and the edges onwards.
struct RouteNode: Sendable {
    struct ParameterEdge: Sendable {
        var name: String
        var constraint: RouteConstraint
        var node: RouteNode
    }

    var literals: [String: RouteNode] = [:]
    /// Typed edges first, so `{id:int}` is tried before `{slug}`.
    var parameters: [ParameterEdge] = []
    /// Route ids by method; a handful at most, so a list beats hashing the method's name.
    var handlers: [(method: HTTPMethod, route: Int)] = []
    /// The pattern that registered the handlers here, for metrics and logs.
    var pattern = ""

    /// The route id registered for `method` here, if any.
    func route(for method: HTTPMethod) -> Int? {
        for entry in handlers where entry.method == method { return entry.route }
        return nil
    }

    mutating func insert(_ segments: ArraySlice<RouteSegment>, method: HTTPMethod, handler: Int, pattern: String) {
        guard let segment = segments.first else {
            precondition(route(for: method) == nil, "Two handlers for \(method) \(pattern)")
            handlers.append((method: method, route: handler))
            self.pattern = pattern
            return
        }
        let rest = segments.dropFirst()
        switch segment {
        case .literal(let literal):
            literals[literal, default: RouteNode()].insert(rest, method: method, handler: handler, pattern: pattern)
        case .parameter(let name, let constraint):
            if let index = parameters.firstIndex(where: { $0.constraint == constraint }) {
                precondition(parameters[index].name == name,
                    "Route \(pattern) names parameter '\(name)' where another route has '\(parameters[index].name)'")
                parameters[index].node.insert(rest, method: method, handler: handler, pattern: pattern)
            } else {
                var edge = ParameterEdge(name: name, constraint: constraint, node: RouteNode())
                edge.node.insert(rest, method: method, handler: handler, pattern: pattern)
                parameters.append(edge)
                parameters.sort { $0.constraint == .integer && $1.constraint != .integer }
            }
        }
    }

    /// The node that serves `segments` (literals first, then parameters, backtracking), or nil.
    func find(_ segments: ArraySlice<String>, parameters captured: inout PathParameters) -> RouteNode? {
        guard let segment = segments.first else {
            return handlers.isEmpty ? nil : self
        }
        let rest = segments.dropFirst()
        if let child = literals[segment], let found = child.find(rest, parameters: &captured) {
            return found
        }
        for edge in parameters where edge.constraint.accepts(segment) {
            captured.append(name: edge.name, value: segment)
            if let found = edge.node.find(rest, parameters: &captured) {
                return found
            }
            captured.removeLast()
        }
        return nil
    }

    /// The methods this node answers, for `Allow`: its own, HEAD where GET is, and OPTIONS.
    var allowedMethods: [HTTPMethod] {
        Self.completed(Set(handlers.map(\.method)))
    }

    /// The methods any node of the trie answers, for `OPTIONS *`.
    var allMethods: [HTTPMethod] {
        var methods = Set<HTTPMethod>()
        collectMethods(into: &methods)
        return Self.completed(methods)
    }

    private func collectMethods(into methods: inout Set<HTTPMethod>) {
        methods.formUnion(handlers.map(\.method))
        for child in literals.values { child.collectMethods(into: &methods) }
        for edge in parameters { edge.node.collectMethods(into: &methods) }
    }

    static func completed(_ methods: Set<HTTPMethod>) -> [HTTPMethod] {
        var all = methods
        if all.contains(.get) { all.insert(.head) }
        all.insert(.options)
        return all.sorted { ($0.canonicalOrder, $0.rawValue) < ($1.canonicalOrder, $1.rawValue) }
    }
}
