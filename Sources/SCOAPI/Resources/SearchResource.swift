import SCOData

/// `/v1/search?q=`: full-text search (SQLite FTS5) over every record with prose and its notes.
enum SearchResource: Resource {
    static let table = FieldTable<SearchHit>(schema: "SearchHit", [
        Field("type", .enumeration(SearchKind.allCases.map(\.rawValue)),
              filter: .oneOf("type", SearchKind.allCases.map(\.rawValue), "Record types to search.")) {
            $1.string($0.kind.rawValue)
        },
        .id,
        Field("title", .string) { $1.string($0.title) },
        Field("snippet", .string) { $1.string($0.snippet) },
        Field("rank", .number) { $1.double($0.rank) },
        Field("href", .string) { hit, json in
            switch hit.kind {
            case .clause: json.string(prefix: "/v1/declaration/clauses/", hit.id)
            case .statement: json.string(prefix: "/v1/statements/", hit.id)
            case .event: json.string(prefix: "/v1/timeline/", hit.id)
            case .state: json.string(prefix: "/v1/states/", hit.id)
            case .organization: json.string(prefix: "/v1/organizations/", hit.id)
            case .person: json.string(prefix: "/v1/people/", hit.id)
            case .region: json.string(prefix: "/v1/regions/", hit.id)
            case .summit: json.string("/v1/summit")
            case .declaration: json.string("/v1/declaration")
            case .quantity: json.string(prefix: "/v1/quantities/", hit.id)
            }
        },
    ], extraParameters: ["q"])

    static let routes: [Route] = [
        .list("/v1/search", operationID: "search", summary: """
            Full-text search over every record with prose (clauses, statements, events, states, organizations, people, \
            regions, the summit, the declaration, quantities) and its notes, best match first; a query matching more than \
            1,000 records lists its hits in index order instead.
            """, table: table) { data, list, call in
            guard let text = call.query.first("q"), !text.trimmingOWS().isEmpty else {
                // A person who opens the search page has not searched yet: the form, no hits.
                if call.representation == .html { return Page(items: [], total: 0, next: nil) }
                throw APIError.badParameter(name: "q", detail: "is required: the words to search for (prefix terms like secur* work).")
            }
            do {
                return try data.search.search(SearchQuery(
                    text: text, kinds: list.values("type", as: SearchKind.self), limit: list.limit,
                    position: try list.position()))
            } catch let error as SearchError {
                throw APIError.badParameter(name: "q", detail: error.description)
            }
        },
    ]
}
