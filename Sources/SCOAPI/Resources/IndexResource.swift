import HTTPServer
import JSONText

/// `GET /v1`: what the API offers, as links to every collection.
enum IndexResource: Resource {
    static let routes: [Route] = [
        Route(
            .get, "/v1", operationID: "index", summary: "Links to every collection.", caching: .byDataVersion,
            offer: .negotiated(Representation.document),
            documentation: .document(.ref("Index"), mediaType: "application/json", otherResponses: [])
        ) { call in
            try SingleQuery.checkFormatOnly(call.query)
            return call.representation == .html ? HTTPResponse.html(call.service.indexPage) : HTTPResponse.json(call.service.indexDocument)
        },
        Route(
            .get, "/", operationID: "home", summary: "The dataset for people: the summit, the declaration, who said what, the timeline.",
            caching: .byDataVersion, offer: .negotiated(Representation.document),
            documentation: .document(.ref("Index"), mediaType: "application/json", otherResponses: [])
        ) { call in
            try SingleQuery.checkFormatOnly(call.query)
            guard call.representation == .html else { return HTTPResponse.json(call.service.indexDocument) }
            return HTTPResponse.html(try HomePage.render(reader: try call.dataset(), links: try call.links()))
        },
        Route(
            .get, "/assets/{name}", operationID: "stylesheet",
            summary: "The HTML pages' stylesheet, at a name that changes with its content (the pages link it).",
            caching: .never, offer: .fixed,
            documentation: .document(.object([("type", .string("string"))]), mediaType: "text/css", otherResponses: [])
        ) { call in
            try SingleQuery.checkNoParameters(call.query)
            guard call.request.path == Stylesheet.path else {
                throw APIError.notFound(detail: "There is no asset at '\(call.request.path)'; the stylesheet is \(Stylesheet.path).")
            }
            var response = HTTPResponse(body: Stylesheet.bytes)
            response.headers.set(.contentType, "text/css; charset=utf-8")
            response.headers.set(.cacheControl, "public, max-age=31536000, immutable")
            response.headers.set("X-Content-Type-Options", "nosniff")
            return response
        },
    ]

    /// The index as a page: every collection, with what its route's summary says.
    static func page(_ routes: [Route]) -> [UInt8] {
        HTMLPage.render(
            title: "sco-api", lede: "Every collection of the dataset. Each page here is also JSON for programs: ask with Accept: application/json, or add format=json.",
            json: "/v1?format=json"
        ) { html in
            html.raw("<ul>")
            for route in routes where route.method == .get && route.pattern.hasPrefix("/v1/") && !route.pattern.contains("{") {
                html.raw("<li>")
                html.link(route.pattern, String(route.pattern.dropFirst(4)))
                html.text(": " + route.summary)
                html.raw("</li>")
            }
            html.raw("</ul>")
        }
    }

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
            json.key(escaping: String(route.pattern.dropFirst(4)))
            json.string(route.pattern)
        }
        json.endObject()
        json.endObject()
        return json.bytes
    }
}
