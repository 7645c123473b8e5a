import HTTPServer

/// Every operation the API serves; the route table maps (method, pattern) to one of these, and
/// the loop handler runs it with its own read connection.
enum Endpoint: String, Sendable, CaseIterable {
    case index
    case organization
    case summit
    case memberStates
    case memberState
    case observers
    case observer
    case states
    case state
    case declaration
    case clauses
    case clause
    case timeline
    case event
    case statements
    case statement
    case regions
    case region
    case people
    case person
    case organizations
    case organizationByID
    case search
    case sources
    case source
    case changes
    case createEvent, replaceEvent, updateEvent, deleteEvent
    case createStatement, replaceStatement, updateStatement, deleteStatement
    case createClause, replaceClause, updateClause, deleteClause
    case createSource, replaceSource, updateSource, deleteSource
    case openAPI
    case health
    case ready
    case metrics

    /// The routes, in the order the index and the OpenAPI document list them.
    static let routes: [(method: HTTPMethod, pattern: String, endpoint: Endpoint)] = [
        (.get, "/v1", .index),
        (.get, "/v1/organization", .organization),
        (.get, "/v1/organizations", .organizations),
        (.get, "/v1/organizations/{id}", .organizationByID),
        (.get, "/v1/summit", .summit),
        (.get, "/v1/member-states", .memberStates),
        (.get, "/v1/member-states/{code}", .memberState),
        (.get, "/v1/observers", .observers),
        (.get, "/v1/observers/{code}", .observer),
        (.get, "/v1/states", .states),
        (.get, "/v1/states/{code}", .state),
        (.get, "/v1/declaration", .declaration),
        (.get, "/v1/declaration/clauses", .clauses),
        (.get, "/v1/declaration/clauses/{id}", .clause),
        (.get, "/v1/timeline", .timeline),
        (.get, "/v1/timeline/{id}", .event),
        (.get, "/v1/statements", .statements),
        (.get, "/v1/statements/{id}", .statement),
        (.get, "/v1/regions", .regions),
        (.get, "/v1/regions/{id}", .region),
        (.get, "/v1/people", .people),
        (.get, "/v1/people/{id}", .person),
        (.get, "/v1/search", .search),
        (.get, "/v1/sources", .sources),
        (.get, "/v1/sources/{id}", .source),
        (.get, "/v1/changes", .changes),
        (.post, "/v1/timeline", .createEvent),
        (.put, "/v1/timeline/{id}", .replaceEvent),
        (.patch, "/v1/timeline/{id}", .updateEvent),
        (.delete, "/v1/timeline/{id}", .deleteEvent),
        (.post, "/v1/statements", .createStatement),
        (.put, "/v1/statements/{id}", .replaceStatement),
        (.patch, "/v1/statements/{id}", .updateStatement),
        (.delete, "/v1/statements/{id}", .deleteStatement),
        (.post, "/v1/declaration/clauses", .createClause),
        (.put, "/v1/declaration/clauses/{id}", .replaceClause),
        (.patch, "/v1/declaration/clauses/{id}", .updateClause),
        (.delete, "/v1/declaration/clauses/{id}", .deleteClause),
        (.post, "/v1/sources", .createSource),
        (.put, "/v1/sources/{id}", .replaceSource),
        (.patch, "/v1/sources/{id}", .updateSource),
        (.delete, "/v1/sources/{id}", .deleteSource),
        (.get, "/openapi.json", .openAPI),
        (.get, "/healthz", .health),
        (.get, "/readyz", .ready),
        (.get, "/metrics", .metrics),
    ]

    /// The trie over `routes`: route number `n` is `routes[n]`.
    static func makeRouteTrie() -> RouteTrie {
        var trie = RouteTrie()
        for route in routes { trie.add(route.method, route.pattern) }
        return trie
    }

    /// Whether answers may come from the response cache (they depend only on the data and the
    /// request target); probes and metrics are always fresh, and writes are never cached.
    var isCacheable: Bool {
        switch self {
        case .health, .ready, .metrics: false
        case .createEvent, .replaceEvent, .updateEvent, .deleteEvent, .createStatement, .replaceStatement,
             .updateStatement, .deleteStatement, .createClause, .replaceClause, .updateClause, .deleteClause,
             .createSource, .replaceSource, .updateSource, .deleteSource:
            false
        default: true
        }
    }

    /// Whether the endpoint serves a list (and so CSV and NDJSON besides JSON).
    var isList: Bool {
        switch self {
        case .memberStates, .observers, .states, .clauses, .timeline, .statements, .regions, .people,
             .organizations, .search, .sources:
            true
        default:
            false
        }
    }
}
