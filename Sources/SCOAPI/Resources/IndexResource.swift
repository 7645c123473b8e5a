import HTTPServer
import JSONText

/// `GET /v1`: what the API offers, as links to every collection.
enum IndexResource: Resource {
    static let routes: [Route] = [
        Route(
            .get, "/v1", operationID: "index", summary: "Links to every collection.", caching: .byDataVersion,
            offer: .negotiated([.json]), documentation: .document(.ref("Index"), mediaType: "application/json", otherResponses: [])
        ) { call in
            try SingleQuery.checkNoParameters(call.query)
            return HTTPResponse.json(call.service.indexDocument)
        },
    ]

    /// The index document: each GET route under `/v1/` without a parameter, by its path.
    static func document(_ routes: [Route]) -> [UInt8] {
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
        for route in routes where route.method == .get && route.pattern.hasPrefix("/v1/") && !route.pattern.contains("{") {
            json.key(String(route.pattern.dropFirst(4)))
            json.string(route.pattern)
        }
        json.endObject()
        json.endObject()
        return json.bytes
    }
}
