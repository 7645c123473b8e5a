import SCOData

/// Writes a record's JSON values as HTML, the way a reader wants them: an id that names another
/// record as a link to it, a date with its bounds and how it is known, a quote as a quotation
/// linked to its place in the source, a party with its role.
///
/// It reads the same JSON the API serves (each field's own writer), so the HTML shows every
/// field and cannot drift from the JSON.
struct HTMLValues {
    let links: LinkIndex

    /// Keys whose string values (or whose arrays' strings) are ids of other records.
    static let referenceKeys: Set<String> = [
        "actors", "regions", "sameAs", "respondsTo", "respondedBy", "about", "events", "addresses", "members",
    ]

    static func isReference(_ key: String) -> Bool {
        (key.hasSuffix("Id") || key.hasSuffix("Code") || referenceKeys.contains(key)) && key != "id"
    }

    /// `value`, found under `key`.
    func write(_ value: JSONValue, key: String, to html: inout HTMLWriter) {
        switch value {
        case .null:
            html.element("span", [("class", "muted")], text: "none")
        case .bool(let flag):
            html.text(flag ? "yes" : "no")
        case .number(let text):
            html.text(text)
        case .string(let text):
            writeString(text, key: key, to: &html)
        case .array(let items):
            writeArray(items, key: key, to: &html)
        case .object(let members):
            writeObject(members, value: value, to: &html)
        }
    }

    private func writeString(_ text: String, key: String, to html: inout HTMLWriter) {
        if key == "href" {
            html.link(text, text)
        } else if key == "snippet" {
            Self.writeSnippet(text, to: &html)
        } else if Self.isReference(key), let target = links.target(text) {
            html.link(target.href, target.label)
        } else {
            html.text(text)
        }
    }

    private func writeArray(_ items: [JSONValue], key: String, to html: inout HTMLWriter) {
        if items.isEmpty {
            html.element("span", [("class", "muted")], text: "none")
            return
        }
        let scalars = items.allSatisfy { if case .object = $0 { false } else if case .array = $0 { false } else { true } }
        html.raw(scalars ? "<ul class=\"inline\">" : "<ul class=\"plain\">")
        for item in items {
            html.raw("<li>")
            write(item, key: key, to: &html)
            html.raw("</li>")
        }
        html.raw("</ul>")
    }

    private func writeObject(_ members: [JSONMember], value: JSONValue, to html: inout HTMLWriter) {
        if let quote = value["quote"]?.stringValue, let sourceID = value["sourceId"]?.stringValue {
            writeQuote(quote, sourceID: sourceID, start: Self.int(value["start"]), end: Self.int(value["end"]), to: &html)
        } else if let precision = value["precision"]?.stringValue, let shown = value["value"]?.stringValue {
            writeDate(value, precision: precision, shown: shown, to: &html)
        } else if let id = value["id"]?.stringValue, let role = value["role"]?.stringValue, members.count <= 3 {
            writeString(id, key: "participantId", to: &html)
            html.text(" (\(role)")
            if case .bool(true) = value["inferred"] { html.text(", inferred") }
            html.text(")")
        } else if let text = value["text"]?.stringValue, let sources = value["sources"] {
            html.element("p", text: text)
            write(sources, key: "sources", to: &html)
        } else {
            html.raw("<dl class=\"pairs\">")
            for member in members {
                html.element("dt", text: member.key)
                html.raw("<dd>")
                write(member.value, key: member.key, to: &html)
                html.raw("</dd>")
            }
            html.raw("</dl>")
        }
    }

    /// A quotation, linked to its own mark on the source's page.
    func writeQuote(_ quote: String, sourceID: String, start: Int?, end: Int?, to html: inout HTMLWriter) {
        html.raw("<blockquote><p>")
        html.text(quote)
        html.raw("</p><p class=\"meta\">")
        var href = links.target(sourceID)?.href ?? "/v1/sources/\(sourceID)"
        if let start, let end { href += "#" + LinkIndex.Span.anchor(start: start, end: end) }
        html.link(href, "Read it in the article", [("class", "quote-link")])
        html.raw("</p></blockquote>")
    }

    /// `2008-08 (a month, between 2008-08-07 and 2008-08-28; inferred: note)`.
    private func writeDate(_ date: JSONValue, precision: String, shown: String, to html: inout HTMLWriter) {
        html.open("time", [("datetime", shown)])
        html.text(shown)
        html.close("time")
        var parts = [precision]
        if let earliest = date["earliest"]?.stringValue, let latest = date["latest"]?.stringValue, earliest != latest {
            parts.append("between \(earliest) and \(latest)")
        }
        if let basis = date["basis"]?.stringValue { parts.append(basis) }
        html.element("span", [("class", "meta")], text: " (" + parts.joined(separator: ", ") + ")")
        if let text = date["text"]?.stringValue { html.text(" “\(text)”") }
        if let note = date["note"]?.stringValue { html.element("span", [("class", "meta")], text: " \(note)") }
    }

    /// A search snippet, whose matched terms FTS5 put between `[` and `]`, with them marked.
    static func writeSnippet(_ snippet: String, to html: inout HTMLWriter) {
        var rest = Substring(snippet)
        while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
            html.text(String(rest[..<open]))
            html.element("mark", text: String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        html.text(String(rest))
    }

    static func int(_ value: JSONValue?) -> Int? {
        if case .number(let text) = value { return Int(text) }
        return nil
    }
}
