import HTTPServer
import SCOData

/// A problem (RFC 9457) as a page, for a client that prefers HTML: a person who follows a stale
/// link or types a wrong id sees what went wrong and the site's navigation, not a JSON
/// document. The status and the problem's fields are the same; programs keep getting the JSON.
enum ProblemPage {
    /// Whether `request` prefers HTML to JSON (or asks for it with `format=html`).
    static func isWanted(by request: HTTPRequest) -> Bool {
        if let format = request.query.first("format") { return format.lowercased() == "html" }
        guard !request.headers.values(for: .accept).isEmpty else { return false }
        return (try? Representation.negotiate(request: request, offered: Representation.document)) == .html
    }

    /// `problem` with its body as a page; its status and other headers kept.
    static func page(for problem: HTTPResponse) -> HTTPResponse {
        guard case .success(let document) = JSONParser.parse(problem.body) else { return problem }
        let status = Int(document["status"].flatMap { if case .number(let text) = $0 { text } else { nil } } ?? "") ?? problem.status.code
        let title = document["title"]?.stringValue ?? problem.status.reasonPhrase
        let body = HTMLPage.render(title: "\(status) \(title)", lede: document["detail"]?.stringValue, json: nil) { html in
            if case .array(let errors) = document["errors"] {
                html.raw("<ul>")
                for error in errors {
                    html.raw("<li><code>")
                    html.text(error["pointer"]?.stringValue ?? "")
                    html.raw("</code>: ")
                    html.text(error["detail"]?.stringValue ?? "")
                    html.raw("</li>")
                }
                html.raw("</ul>")
            }
            html.raw("<p>")
            html.link("/", "The front page")
            html.text(" links to everything there is.")
            html.raw("</p>")
        }
        var response = HTTPResponse.html(body)
        response.status = problem.status
        for (name, value) in problem.headers where name.lowercased() != "content-type" && name.lowercased() != "content-length" {
            response.headers.set(name, value)
        }
        return response
    }
}
