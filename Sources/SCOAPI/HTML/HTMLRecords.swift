import HTTPServer
import JSONText
import SCOData

/// The HTML of any record and any list, made from the record's field table: a record as a table
/// of every field with its quotes and what else it links to, a list as a table with its query
/// as a form and its pages as links.
enum HTMLRecords {
    /// Keys a list's table leaves out unless `fields=` asks for them: the quotes and notes (on
    /// each record's own page) and what another column already shows.
    static let hiddenInLists: Set<String> = ["sources", "notes", "note", "actors"]

    /// The record's JSON, key by key, for the keys `selection` names.
    static func members<Record>(_ record: Record, table: FieldTable<Record>, fields selection: FieldSelection) -> [JSONMember] {
        table.fields.compactMap { field in
            guard selection.includes(field.name) else { return nil }
            var json = JSONWriter(capacity: 256)
            field.write(record, &json)
            guard case .success(let value) = JSONParser.parse(json.bytes) else { return nil }
            return JSONMember(key: field.name, value: value)
        }
    }

    /// The record's heading: its title, name, measure or summary, else its id.
    static func heading(_ members: [JSONMember]) -> String {
        for key in ["title", "name", "measure", "summary", "id", "code"] {
            if let text = members.first(where: { $0.key == key })?.value.stringValue { return text }
        }
        return "Record"
    }

    static func id(_ members: [JSONMember]) -> String? {
        members.first { $0.key == "id" || $0.key == "code" }?.value.stringValue
    }

    /// A record's page.
    static func recordPage<Record>(
        _ record: Record, table: FieldTable<Record>, fields: FieldSelection, call: RouteCall, links: LinkIndex
    ) -> [UInt8] {
        let members = members(record, table: table, fields: fields)
        let values = HTMLValues(links: links)
        let id = id(members)
        let noun = id.flatMap { links.target($0)?.noun }
        return HTMLPage.render(
            title: heading(members), lede: noun.map { "One \($0) of the dataset, with the words of the report it is built from." },
            json: HTMLPage.address(call.request, format: "json")
        ) { html in
            html.raw("<div class=\"scroll\"><table class=\"record\"><tbody>")
            for member in members where member.key != "sources" {
                html.raw("<tr><th scope=\"row\">")
                html.text(member.key)
                html.raw("</th><td>")
                values.write(member.value, key: member.key, to: &html)
                html.raw("</td></tr>")
            }
            html.raw("</tbody></table></div>")
            if let sources = members.first(where: { $0.key == "sources" })?.value {
                html.element("h2", [("id", "sources")], text: "In the report’s words")
                values.write(sources, key: "sources", to: &html)
            }
            if let id, let noun, ["state", "organization", "person", "region"].contains(noun) {
                html.element("h2", [("id", "related")], text: "Related")
                html.raw("<ul>")
                html.raw("<li>")
                html.link("/v1/timeline?actor=\(QueryEncoding.encode(id))", "Events it took part in")
                html.raw("</li><li>")
                html.link("/v1/statements?speaker=\(QueryEncoding.encode(id))", "Statements it made")
                html.raw("</li><li>")
                html.link("/v1/statements?about=\(QueryEncoding.encode(id))", "Statements about it")
                html.raw("</li><li>")
                html.link("/v1/search?q=\(QueryEncoding.encode(links.target(id)?.label ?? id))", "Everything that mentions it")
                html.raw("</li></ul>")
            }
        }
    }

    /// A list's page: the query form, the table, and links to the next and first pages.
    static func listPage<Record>(
        _ page: Page<Record>, next: String?, table: FieldTable<Record>, list: ListQuery, call: RouteCall, title: String,
        summary: String, links: LinkIndex
    ) -> [UInt8] {
        let request = call.request
        let asked = request.query.first("fields") != nil
        let columns = table.fields.indices.filter {
            list.fields.includes(table.fields[$0].name)
                && (asked || !(hiddenInLists.contains(table.fields[$0].name) || (table.schemaName == "Source" && table.fields[$0].name == "text")))
        }
        let values = HTMLValues(links: links)
        let sorted = list.sort.first
        return HTMLPage.render(title: title, lede: summary, json: HTMLPage.address(request, format: "json"), capacity: 32_768) { html in
            queryForm(table: table, request: request, to: &html)
            html.element("p", [("class", "meta")], text: page.total == 1 ? "1 record." : "\(page.total) records.")
            html.raw("<div class=\"scroll\"><table><thead><tr>")
            for index in columns {
                let name = table.fields[index].name
                html.raw("<th scope=\"col\">")
                if let key = table.sortKeys.first(where: { sortKey(for: name, key: $0) }) {
                    let descending = sorted?.field == key && sorted?.isDescending == false
                    var label = name
                    if sorted?.field == key { label += sorted!.isDescending ? " ↓" : " ↑" }
                    html.link(replacing(["sort": (descending ? "-" : "") + key, "cursor": nil], in: request), label,
                              [("title", "Sort by \(key)" + (descending ? ", descending" : ""))])
                } else {
                    html.text(name)
                }
                html.raw("</th>")
            }
            html.raw("</tr></thead><tbody>")
            for item in page.items {
                let members = members(item, table: table, fields: list.fields)
                html.raw("<tr>")
                for index in columns {
                    let name = table.fields[index].name
                    guard let member = members.first(where: { $0.key == name }) else { continue }
                    html.raw("<td>")
                    if (name == "id" || name == "code"), let id = member.value.stringValue {
                        let href = members.first(where: { $0.key == "href" })?.value.stringValue
                            ?? links.target(id)?.href ?? request.path + "/" + id
                        html.link(href, id)
                    } else {
                        values.write(member.value, key: name, to: &html)
                    }
                    html.raw("</td>")
                }
                html.raw("</tr>")
            }
            html.raw("</tbody></table></div><nav class=\"pages\" aria-label=\"Pages\">")
            if request.query.first("cursor") != nil {
                html.link(replacing(["cursor": nil], in: request), "First page")
                html.text(" ")
            }
            if let next {
                html.link(replacing(["cursor": next], in: request), "Next page", [("rel", "next")])
            }
            html.raw("</nav>")
        }
    }

    /// Whether the sort key `key` orders by the field `name` (`speaker` sorts `speakerId`).
    static func sortKey(for name: String, key: String) -> Bool {
        name == key || name == key + "Id" || (name == "date" && key == "date")
    }

    /// The request's own address with some parameters replaced (nil removes one).
    static func replacing(_ changes: [String: String?], in request: HTTPRequest) -> String {
        var parts: [String] = []
        for (name, value) in request.query where changes[name] == nil && !value.isEmpty {
            parts.append(QueryEncoding.encode(name) + "=" + QueryEncoding.encode(value))
        }
        for (name, value) in changes.sorted(by: { $0.key < $1.key }) {
            if let value { parts.append(QueryEncoding.encode(name) + "=" + QueryEncoding.encode(value)) }
        }
        return parts.isEmpty ? request.path : request.path + "?" + parts.joined(separator: "&")
    }

    /// The list's query as a form: a field per filter, the date range, the search terms, the
    /// order and the page size, each holding the value the page was asked with.
    static func queryForm<Record>(table: FieldTable<Record>, request: HTTPRequest, to html: inout HTMLWriter) {
        let spec = table.querySpec
        html.open("form", [("class", "query"), ("method", "get"), ("action", request.path), ("role", "search")])
        func input(_ name: String, _ label: String, type: String = "text") {
            html.raw("<label>")
            html.text(label)
            html.open("input", [("type", type), ("name", name), ("value", request.query.first(name) ?? "")])
            html.raw("</label>")
        }
        if spec.extraParameters.contains("q") { input("q", "Search for", type: "search") }
        for filter in spec.filters {
            switch filter.values {
            case .text:
                input(filter.name, filter.name)
            case .oneOf(let choices):
                html.raw("<label>")
                html.text(filter.name)
                html.open("select", [("name", filter.name)])
                html.element("option", [("value", "")], text: "any")
                let current = request.query.first(filter.name)
                for choice in choices {
                    var attributes = [("value", choice)]
                    if current == choice { attributes.append(("selected", "selected")) }
                    html.element("option", attributes, text: choice)
                }
                html.raw("</select></label>")
            }
        }
        if spec.hasDateRange {
            input("from", "from (YYYY, YYYY-MM or YYYY-MM-DD)")
            input("to", "to")
        }
        if !spec.sortFields.isEmpty {
            html.raw("<label>sort")
            html.open("select", [("name", "sort")])
            let current = request.query.first("sort") ?? spec.defaultSort
            var options: [String] = []
            for option in [spec.defaultSort] + spec.sortFields.flatMap({ [$0, "-" + $0] })
            where !option.isEmpty && !options.contains(option) {
                options.append(option)
            }
            for option in options {
                var attributes = [("value", option)]
                if current == option { attributes.append(("selected", "selected")) }
                html.element("option", attributes, text: option)
            }
            html.raw("</select></label>")
        }
        input("limit", "per page", type: "number")
        if request.query.first("format") == "html" {
            html.open("input", [("type", "hidden"), ("name", "format"), ("value", "html")])
        }
        html.raw("<button type=\"submit\">Show</button></form>")
    }
}

extension HTMLRecords {
    /// A list's heading from its path: `/v1/member-states` is "Member states".
    static func title(_ pattern: String) -> String {
        let last = pattern.split(separator: "/").last.map(String.init) ?? pattern
        let words = last.split(separator: "-").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
