import HTTPServer

/// The frame every HTML page shares: the document head, the site's navigation, a `main`
/// landmark for the page's own content, and a footer that links the same resource as JSON.
enum HTMLPage {
    /// The links of the site's navigation, in order.
    static let navigation: [(href: String, label: String)] = [
        ("/v1/summit", "Summit"), ("/v1/declaration", "Declaration"), ("/v1/timeline", "Timeline"),
        ("/v1/statements", "Statements"), ("/v1/states", "States"), ("/v1/people", "People"),
        ("/v1/search", "Search"), ("/v1/sources/article-2008-08-28-sco-dushanbe", "The article"),
    ]

    /// The `Content-Security-Policy` of every page: nothing but the app's own stylesheet and
    /// forms that submit to the app. Pages have no script, no frame, no image, so nothing else is allowed.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    /// A whole page: `title` in the head and as its `h1`, then what `content` writes.
    /// `json` is the address of the same resource as JSON, for the footer.
    static func render(
        title: String, lede: String? = nil, json: String?, capacity: Int = 16_384, content: (inout HTMLWriter) -> Void
    ) -> [UInt8] {
        var html = HTMLWriter(capacity: capacity)
        html.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        html.raw("<meta name=\"color-scheme\" content=\"light dark\">")
        html.element("title", text: title == "sco-api" ? title : title + " · sco-api")
        html.open("link", [("rel", "stylesheet"), ("href", Stylesheet.path)])
        html.raw("</head><body><a class=\"skip\" href=\"#main\">Skip to the content</a>")
        html.raw("<header class=\"site\"><a class=\"name\" href=\"/\">SCO Dushanbe 2008</a>")
        html.raw("<nav aria-label=\"Site\"><ul>")
        for item in navigation {
            html.raw("<li>")
            html.link(item.href, item.label)
            html.raw("</li>")
        }
        html.raw("</ul></nav></header><main id=\"main\">")
        html.element("h1", text: title)
        if let lede { html.element("p", [("class", "lede")], text: lede) }
        content(&html)
        html.raw("</main><footer class=\"site\"><p>")
        if let json {
            html.text("This page as data: ")
            html.link(json, "JSON")
            html.text(". ")
        }
        html.text("Every fact quotes ")
        html.link("/v1/sources/article-2008-08-28-sco-dushanbe", "its source")
        html.text("; the API is described by ")
        html.link("/openapi.json", "its OpenAPI document")
        html.raw(".</p></footer></body></html>\n")
        return html.bytes
    }

    /// The request's path and query with `format` set to `format` (the same resource in
    /// another representation).
    static func address(_ request: HTTPRequest, format: String) -> String {
        HTMLRecords.replacing(["format": format], in: request)
    }
}

extension HTTPResponse {
    /// A 200 whose body is an HTML page, with the headers every page carries.
    static func html(_ body: [UInt8]) -> HTTPResponse {
        var response = HTTPResponse(body: body)
        response.headers.set(.contentType, Representation.html.contentType)
        response.headers.set("Content-Security-Policy", HTMLPage.contentSecurityPolicy)
        response.headers.set("X-Content-Type-Options", "nosniff")
        response.headers.set("Referrer-Policy", "same-origin")
        return response
    }
}
