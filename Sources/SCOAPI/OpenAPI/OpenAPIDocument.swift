import JSONText
import SCOData

/// The OpenAPI 3.1 document at `/openapi.json`, built from the routes the router serves: their
/// summaries, their list queries and their records' field tables, so it describes exactly what
/// is served.
enum OpenAPIDocument {
    static func make(_ routes: [Route]) -> [UInt8] {
        var json = JSONWriter(capacity: 64 * 1024)
        makeNode(routes).write(to: &json)
        return json.bytes
    }

    static func makeNode(_ routes: [Route]) -> OpenAPINode {
        var paths: [(String, OpenAPINode)] = []
        var byPattern: [String: [(String, OpenAPINode)]] = [:]
        var order: [String] = []
        for route in routes {
            if byPattern[route.pattern] == nil { order.append(route.pattern) }
            byPattern[route.pattern, default: []].append((route.method.rawValue.lowercased(), operation(route)))
        }
        for pattern in order {
            paths.append((pattern, .object(byPattern[pattern]!)))
        }
        return .object([
            ("openapi", .string("3.1.0")),
            ("info", .object([
                ("title", .string("sco-api")),
                ("version", .string("1.0.0")),
                ("summary", .string("The 2008 SCO summit in Dushanbe and the August 2008 Russia–Georgia war as structured data.")),
                ("description", .string("""
                    Every record carries `sources`: exact quotes from the article it was built from. Lists are \
                    `{items, total, limit, next}` with keyset cursors (`next` is an opaque cursor for `cursor=`, also \
                    in a `Link: rel="next"` header); CSV and NDJSON by `Accept` or `format=`. A browser (a client that \
                    prefers `text/html`) or `format=html` gets every resource as an HTML page; `/` is the dataset's \
                    front page. Errors are RFC 9457 \
                    problem documents. Responses carry strong ETags; `If-None-Match` gives 304. Writes (POST, PUT, \
                    PATCH, DELETE on events, statements, clauses and sources) need a bearer token and, to change an \
                    existing record, `If-Match` with its ETag; `/v1/changes` lists every write for incremental sync.
                    """)),
                ("license", .object([("name", .string("Data quoted from a 2008 news report; code MIT"))])),
            ])),
            ("servers", .array([.object([("url", .string("/"))])])),
            ("paths", .object(paths)),
            ("components", .object([
                ("schemas", .object(schemas(routes) + writeSchemas(routes))),
                ("securitySchemes", .object([("bearerAuth", bearerScheme)])),
            ])),
        ])
    }

    // MARK: - Operations

    private static func operation(_ route: Route) -> OpenAPINode {
        var parameters: [OpenAPINode] = []
        var responses: [(String, OpenAPINode)] = []
        switch route.documentation {
        case .write(let kind, let action, let record, let example):
            return writeOperation(route, kind: kind, action: action, record: record.name, example: example)
        case .changes:
            return changesOperation(route)
        case .list(let spec, let record):
            parameters += listParameters(spec)
            responses.append(("200", .object([
                ("description", .string("A page of records.")),
                ("headers", .object([("ETag", etagHeader), ("Link", linkHeader)])),
                ("content", .object([
                    ("application/json", .object([("schema", .ref("\(record.name)List"))])),
                    ("application/x-ndjson", .object([("schema", .object([("type", .string("string"))]))])),
                    ("text/csv", .object([("schema", .object([("type", .string("string"))]))])),
                    htmlContent,
                ])),
            ])))
        case .record(let record, let example):
            parameters += pathParameters(route.pattern, example: example)
            parameters.append(fieldsParameter(record.fieldNames))
            parameters.append(formatParameter(["json", "html"]))
            responses.append(("200", .object([
                ("description", .string("The record.")),
                ("headers", .object([("ETag", etagHeader)])),
                ("content", .object([("application/json", .object([("schema", .ref(record.name))])), htmlContent])),
            ])))
        case .document(let schema, let mediaType, _):
            parameters += pathParameters(route.pattern, example: String(Stylesheet.path.split(separator: "/").last ?? ""))
            var content: [(String, OpenAPINode)] = [(mediaType, .object([("schema", schema)]))]
            if case .negotiated(let offered) = route.offer, offered.contains(.html) {
                parameters.append(formatParameter(["json", "html"]))
                content.append(htmlContent)
            }
            responses.append(("200", .object([
                ("description", .string("The document.")),
                ("content", .object(content)),
            ])))
        }
        if case .byDataVersion = route.caching {
            responses.append(("304", .object([("description", .string("Not modified: the ETag in If-None-Match is current."))])))
        }
        if case .document(_, _, let others) = route.documentation { responses += others }
        responses.append(("default", problemResponse("An RFC 9457 problem: 400 bad parameter, 404 unknown id, 406 not acceptable, …")))
        var members: [(String, OpenAPINode)] = [
            ("operationId", .string(route.operationID)),
            ("summary", .string(route.summary)),
        ]
        if !parameters.isEmpty { members.append(("parameters", .array(parameters))) }
        members.append(("responses", .object(responses)))
        return .object(members)
    }

    /// The pattern's `{name}` segments as required path parameters.
    static func pathParameters(_ pattern: String, example: String) -> [OpenAPINode] {
        pattern.split(separator: "/").filter { $0.hasPrefix("{") }.map { segment in
            let name = String(segment.dropFirst().dropLast())
            return .object([
                ("name", .string(name)), ("in", .string("path")), ("required", .bool(true)),
                ("description", .string(name == "code"
                    ? "ISO 3166-1 alpha-2 or alpha-3 code, any case (ru, RUS)." : "The record's id (a slug).")),
                ("schema", .object([("type", .string("string")), ("minLength", .int(1))])),
                ("example", .string(example)),
            ])
        }
    }

    /// A problem: RFC 9457 JSON, or the same problem as a page for a client that prefers HTML.
    static func problemResponse(_ description: String) -> OpenAPINode {
        .object([
            ("description", .string(description)),
            ("content", .object([("application/problem+json", .object([("schema", .ref("Problem"))])), htmlContent])),
        ])
    }

    static let etagHeader: OpenAPINode = .object([
        ("description", .string("Strong validator of this representation.")),
        ("schema", .object([("type", .string("string"))])),
    ])

    static let linkHeader: OpenAPINode = .object([
        ("description", .string("`<…>; rel=\"next\"` when there is a next page.")),
        ("schema", .object([("type", .string("string"))])),
    ])

    private static func listParameters(_ spec: ListQuerySpec) -> [OpenAPINode] {
        var parameters: [OpenAPINode] = []
        if spec.extraParameters.contains("q") {
            parameters.append(query("q",
                description: "FTS5 query: words, \"phrases\", prefix* terms, AND/OR/NOT. A syntax error is a 400. Required but for HTML, where the page without it is the search form.",
                schema: .object([("type", .string("string")), ("minLength", .int(1))])))
        }
        for filter in spec.filters {
            var pattern: [(String, OpenAPINode)] = [("type", .string("string"))]
            if case .oneOf(let values) = filter.values {
                let alternatives = values.map { NSRegularExpressionLite.escape($0) }.joined(separator: "|")
                pattern.append(("pattern", .string("^(\(alternatives))(,(\(alternatives)))*$")))
            } else {
                pattern.append(("pattern", .string("^[^,]+(,[^,]+)*$")))
            }
            parameters.append(query(filter.name,
                description: "\(filter.summary) Comma-separated alternatives.", schema: .object(pattern)))
        }
        if spec.hasDateRange {
            let date: OpenAPINode = .object([
                ("type", .string("string")),
                ("pattern", .string("^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")),
            ])
            parameters.append(query("from", description: "Keeps records whose date may fall on or after the start of this period (its `latest` bound is on or after it): YYYY, YYYY-MM or YYYY-MM-DD.", schema: date))
            parameters.append(query("to", description: "Keeps records whose date may fall on or before the end of this period (its `earliest` bound is on or before it): YYYY, YYYY-MM or YYYY-MM-DD.", schema: date))
        }
        if !spec.sortFields.isEmpty {
            let keys = spec.sortFields.map { "-?\($0)" }.joined(separator: "|")
            parameters.append(query("sort",
                description: "Sort keys, comma-separated, `-` for descending; default `\(spec.defaultSort)`. The id breaks ties.",
                schema: .object([("type", .string("string")), ("pattern", .string("^(\(keys))(,(\(keys)))*$"))])))
        }
        parameters.append(fieldsParameter(spec.fieldNames))
        parameters.append(query("limit", description: "Page size, 1 to 500 (larger is lowered to 500); default 50.",
            schema: .object([("type", .string("integer")), ("minimum", .int(1))])))
        parameters.append(query("cursor", description: "The `next` value of the previous page.",
            schema: .object([("type", .string("string")), ("minLength", .int(1))])))
        parameters.append(formatParameter(["json", "csv", "ndjson", "html"]))
        return parameters
    }

    private static func fieldsParameter(_ names: [String]) -> OpenAPINode {
        let alternatives = names.joined(separator: "|")
        return query("fields", description: "Keys to include, comma-separated: \(names.joined(separator: ", ")).",
            schema: .object([("type", .string("string")), ("pattern", .string("^(\(alternatives))(,(\(alternatives)))*$"))]))
    }

    /// The HTML page a browser gets (see `HTMLPage`).
    static let htmlContent: (String, OpenAPINode) =
        ("text/html", .object([("schema", .object([("type", .string("string"))]))]))

    static func formatParameter(_ formats: [String]) -> OpenAPINode {
        query("format", description: "Representation, for clients that cannot set Accept.",
              schema: .object([("type", .string("string")), ("enum", .strings(formats))]))
    }

    static func query(_ name: String, required: Bool = false, description: String, schema: OpenAPINode) -> OpenAPINode {
        .object([
            ("name", .string(name)), ("in", .string("query")), ("required", .bool(required)),
            ("description", .string(description)), ("schema", schema),
        ])
    }
}

/// Regular-expression escaping for the few characters our enum values could hold.
enum NSRegularExpressionLite {
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "\\^$.|?*+()[]{}".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
