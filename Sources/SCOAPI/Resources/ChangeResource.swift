import JSONText
import HTTPServer
import SCOData

/// `GET /v1/changes?since=<seq>&limit=<n>`: the change log, oldest first, for incremental sync.
///
/// `since` is exclusive (default 0: from the start); a page is `{"items", "total", "limit",
/// "next"}` like every list, where `next` is the `since` of the following page (the last item's
/// `seq`), null on the last page, and also in `Link: rel="next"`. A client keeps the highest
/// `seq` it has applied and asks again from there; deletions are entries too, and a `seed`
/// entry means the whole dataset was replaced: read everything again. Public like every read:
/// an entry names the token that wrote it, never its secret.
enum ChangeResource: Resource {
    static let routes: [Route] = [
        Route(
            .get, "/v1/changes", operationID: "changes",
            summary: "The change log: every write and seed, oldest first, for incremental sync.",
            caching: .byDataVersion, offer: .negotiated(Representation.document), documentation: .changes
        ) { call in try changes(call) },
    ]

    static func changes(_ call: RouteCall) throws -> HTTPResponse {
        let request = call.request
        var since = 0
        var limit = ListQueryParser.defaultLimit
        var seen: Set<String> = []
        for (name, value) in request.query {
            guard seen.insert(name).inserted else { throw APIError.badParameter(name: name, detail: "given more than once.") }
            switch name {
            case "since":
                guard let number = Int(value), number >= 0 else {
                    throw APIError.badParameter(name: "since", detail: "must be a change's seq, an integer from 0; got '\(value)'.")
                }
                since = number
            case "limit":
                guard let number = Int(value), number >= 1 else {
                    throw APIError.badParameter(
                        name: "limit", detail: "must be an integer from 1 to \(ListQueryParser.maximumLimit); got '\(value)'.")
                }
                limit = min(number, ListQueryParser.maximumLimit)
            case "format":
                break  // negotiated before the handler runs
            default:
                throw APIError.badParameter(name: name, detail: "unknown parameter; this endpoint takes since, limit and format.")
            }
        }
        let page = try call.dataset().changes(after: since, limit: limit + 1)
        let items = page.changes.prefix(limit)
        let next = page.changes.count > limit ? items.last.map { String($0.seq) } : nil

        var json = JSONWriter(capacity: 1024 + items.count * 2048)
        json.beginObject()
        json.key("items")
        json.beginArray()
        for change in items { Self.write(change, to: &json) }
        json.endArray()
        json.key("total")
        json.int(page.total)
        json.key("limit")
        json.int(limit)
        json.key("next")
        json.string(next)
        json.endObject()
        var response = call.representation == .html
            ? HTTPResponse.html(try htmlPage(Array(items), total: page.total, next: next, limit: limit, call: call))
            : HTTPResponse.json(json.bytes)
        if let next {
            response.headers.set(.link, "</v1/changes?since=\(next)&limit=\(limit)>; rel=\"next\"")
        }
        return response
    }

    /// The change log as a table: what was done to which record, when and by which token.
    private static func htmlPage(_ items: [Change], total: Int, next: String?, limit: Int, call: RouteCall) throws -> [UInt8] {
        let links = try call.links()
        return HTMLPage.render(
            title: "Changes", lede: "Every write and seed, oldest first. \(total) in all after this point.",
            json: HTMLPage.address(call.request, format: "json")
        ) { html in
            html.raw("<div class=\"scroll\"><table><thead><tr><th scope=\"col\">seq</th><th scope=\"col\">at</th>")
            html.raw("<th scope=\"col\">operation</th><th scope=\"col\">type</th><th scope=\"col\">record</th><th scope=\"col\">token</th></tr></thead><tbody>")
            for change in items {
                html.raw("<tr><td>\(change.seq)</td><td>")
                html.text(change.at)
                html.raw("</td><td>")
                html.text(change.operation.rawValue)
                html.raw("</td><td>")
                html.text(change.kind)
                html.raw("</td><td>")
                if let target = links.target(change.recordID) {
                    html.link(target.href, change.recordID)
                } else {
                    html.text(change.recordID)
                }
                html.raw("</td><td>")
                html.text(change.tokenName ?? "")
                html.raw("</td></tr>")
            }
            html.raw("</tbody></table></div><nav class=\"pages\" aria-label=\"Pages\">")
            if let next {
                html.link(HTMLRecords.replacing(["since": next, "limit": String(limit)], in: call.request), "Next page", [("rel", "next")])
            }
            html.raw("</nav>")
        }
    }

    /// One entry: `seq`, `at`, `token`, `operation`, `type`, `id`, `before`, `after`.
    private static func write(_ change: Change, to json: inout JSONWriter) {
        json.beginObject()
        json.key("seq")
        json.int(change.seq)
        json.key("at")
        json.string(change.at)
        json.key("token")
        json.string(change.tokenName)
        json.key("operation")
        json.string(change.operation.rawValue)
        json.key("type")
        json.string(change.kind)
        json.key("id")
        json.string(change.recordID)
        // Stored as the JSON the API wrote (the trigger's for a seed): copied as it is.
        json.key("before")
        if let before = change.before { json.raw(before.utf8) } else { json.null() }
        json.key("after")
        if let after = change.after { json.raw(after.utf8) } else { json.null() }
        json.endObject()
    }
}
