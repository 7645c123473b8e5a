import JSONText
import HTTPServer
import SCOData

extension APILoopHandler {
    /// Builds the full 200 answer of an endpoint (errors are thrown).
    func build(
        _ endpoint: Endpoint, parameters: PathParameters, request: HTTPRequest, representation: Representation
    ) throws -> HTTPResponse {
        switch endpoint {
        case .health:
            try SingleQuery.checkNoParameters(request.query)
            return Self.json(Array(#"{"status":"ok"}"#.utf8))
        case .ready:
            try SingleQuery.checkNoParameters(request.query)
            return readiness()
        case .metrics:
            try SingleQuery.checkNoParameters(request.query)
            var response = HTTPResponse(body: service.metrics.render(openConnections: service.openConnections))
            response.headers.set(.contentType, "text/plain; version=0.0.4; charset=utf-8")
            response.headers.set(.cacheControl, "no-store")
            return response
        case .openAPI:
            try SingleQuery.checkNoParameters(request.query)
            return Self.json(service.openAPIDocument)
        case .index:
            try SingleQuery.checkNoParameters(request.query)
            return Self.json(Self.indexDocument)
        case .changes:
            return try changes(request)
        default:
            return try buildData(endpoint, parameters: parameters, request: request, representation: representation)
        }
    }

    static func json(_ body: [UInt8]) -> HTTPResponse {
        var response = HTTPResponse(body: body)
        response.headers.set(.contentType, Representation.json.contentType)
        return response
    }

    /// `/readyz`: the database answers, its migrations are at head and the dataset is there.
    ///
    /// Ready: 200 with each check. Not ready: a 503 problem document whose `detail` names the
    /// failing check and whose `checks` member lists them all.
    private func readiness() -> HTTPResponse {
        let report: ReadinessCheck
        do {
            report = try ReadinessCheck.run(on: try reader())
        } catch {
            return APIError.unavailable(detail: "The database cannot be read: \(error)").makeResponse()
        }
        var json = JSONWriter(capacity: 256)
        json.beginObject()
        if !report.isReady {
            json.key("type")
            json.string("/problems/not-ready")
            json.key("title")
            json.string(HTTPStatus.serviceUnavailable.reasonPhrase)
            json.key("status")
            json.int(503)
            json.key("detail")
            json.string(report.checks.filter { !$0.isOK }.map { "\($0.name): \($0.detail)" }.joined(separator: "; "))
        }
        if report.isReady {
            json.key("status")
            json.string("ready")
        }
        json.key("checks")
        json.beginObject()
        for check in report.checks {
            json.key(check.name)
            json.beginObject()
            json.key("ok")
            json.bool(check.isOK)
            json.key("detail")
            json.string(check.detail)
            json.endObject()
        }
        json.endObject()
        json.endObject()
        if report.isReady {
            var response = Self.json(json.bytes)
            response.headers.set(.cacheControl, "no-store")
            return response
        }
        var response = HTTPResponse(status: .serviceUnavailable, body: json.bytes)
        response.headers.set(.contentType, HTTPResponse.problemContentType)
        response.headers.set(.retryAfter, "1")
        return response
    }

    /// `GET /v1`: what the API offers, as links.
    static let indexDocument: [UInt8] = {
        var json = JSONWriter(capacity: 2048)
        json.beginObject()
        json.key("name")
        json.string("sco-api")
        json.key("description")
        json.string("The 2008 Shanghai Cooperation Organisation summit in Dushanbe and the August 2008 Russia–Georgia war, as structured data; every record quotes its source.")
        json.key("openapi")
        json.string("/openapi.json")
        json.key("links")
        json.beginObject()
        for route in Endpoint.routes where route.method == .get && route.pattern.hasPrefix("/v1/") && !route.pattern.contains("{") {
            json.key(String(route.pattern.dropFirst(4)))
            json.string(route.pattern)
        }
        json.endObject()
        json.endObject()
        return json.bytes
    }()
}

/// Query checks for endpoints that serve one resource.
enum SingleQuery {
    /// Probes, metrics and documents take no parameters.
    static func checkNoParameters(_ query: QueryParameters) throws(APIError) {
        if let name = query.names.first {
            throw .badParameter(name: name, detail: "unknown parameter; this endpoint takes none.")
        }
    }

    /// A single record takes `fields` (and `format=json`) only.
    static func parseFields(_ query: QueryParameters, fieldNames: [String]) throws(APIError) -> FieldSelection {
        let spec = ListQuerySpec(filters: [], sortFields: [], defaultSort: "", fieldNames: fieldNames)
        for (name, _) in query where name != "fields" && name != "format" {
            throw .badParameter(name: name, detail: "unknown parameter; this endpoint takes fields and format.")
        }
        if query.values(for: "fields").count > 1 { throw .badParameter(name: "fields", detail: "given more than once.") }
        guard query.contains("fields") else { return .all }
        var only = QueryParameters()
        only = QueryParameters([("fields", query.first("fields") ?? "")])
        return try ListQueryParser(spec: spec).parse(only).fields
    }
}
