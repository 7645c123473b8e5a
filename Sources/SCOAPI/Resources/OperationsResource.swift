import HTTPServer
import JSONText
import SCOData

/// What operators and tools use: `/openapi.json` (the contract), the probes `/healthz` and
/// `/readyz`, and `/metrics` (Prometheus text).
enum OperationsResource: Resource {
    static let routes: [Route] = [
        Route(
            .get, "/openapi.json", operationID: "openAPI", summary: "This document.", caching: .byDataVersion,
            offer: .negotiated([.json]),
            documentation: .document(.object([("type", .string("object"))]), mediaType: "application/json", otherResponses: [])
        ) { call in
            try SingleQuery.checkNoParameters(call.query)
            return HTTPResponse.json(call.service.openAPIDocument)
        },
        Route(
            .get, "/healthz", operationID: "health", summary: "Liveness: the process answers.", caching: .never, offer: .fixed,
            documentation: .document(.ref("Health"), mediaType: "application/json", otherResponses: [])
        ) { call in
            try SingleQuery.checkNoParameters(call.query)
            return HTTPResponse.json(Array(#"{"status":"ok"}"#.utf8))
        },
        Route(
            .get, "/readyz", operationID: "ready", summary: "Readiness: database readable, migrations at head, dataset present.",
            caching: .never, offer: .fixed,
            documentation: .document(.ref("Ready"), mediaType: "application/json", otherResponses: [
                ("503", OpenAPIDocument.problemResponse("Not ready: the problem's `checks` member says what failed.")),
            ])
        ) { call in
            try SingleQuery.checkNoParameters(call.query)
            return readiness(call)
        },
        Route(
            .get, "/metrics", operationID: "metrics", summary: "Prometheus metrics.", caching: .never, offer: .fixed,
            documentation: .document(.object([("type", .string("string"))]), mediaType: "text/plain", otherResponses: [])
        ) { call in
            try SingleQuery.checkNoParameters(call.query)
            var response = HTTPResponse(body: call.service.metrics.render(openConnections: call.service.openConnections))
            response.headers.set(.contentType, "text/plain; version=0.0.4; charset=utf-8")
            response.headers.set(.cacheControl, "no-store")
            return response
        },
    ]

    /// `/readyz`: the database answers, its migrations are at head and the dataset is there.
    ///
    /// Ready: 200 with each check. Not ready: a 503 problem document whose `detail` names the
    /// failing check and whose `checks` member lists them all.
    static func readiness(_ call: RouteCall) -> HTTPResponse {
        var report: Readiness
        do {
            report = try call.dataset().readiness()
        } catch {
            return APIError.unavailable(detail: "The database cannot be read: \(error)").makeResponse()
        }
        if let file = report.checks.first(where: { $0.name == "file" }), !file.isOK {
            call.service.logReplacedFileOnce(file.detail)
        }
        let replication = ReplicationReport(call)
        report.checks += replication.checks
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
        } else {
            json.key("status")
            json.string("ready")
        }
        json.key("checks")
        json.beginObject()
        for check in report.checks {
            json.key(escaping: check.name)
            json.beginObject()
            json.key("ok")
            json.bool(check.isOK)
            json.key("detail")
            json.string(check.detail)
            json.endObject()
        }
        json.endObject()
        replication.write(to: &json)
        json.endObject()
        guard report.isReady else {
            var response = HTTPResponse(status: .serviceUnavailable, body: json.bytes)
            response.headers.set(.contentType, HTTPResponse.problemContentType)
            response.headers.set(.retryAfter, "1")
            return response
        }
        var response = HTTPResponse.json(json.bytes)
        response.headers.set(.cacheControl, "no-store")
        return response
    }
}
