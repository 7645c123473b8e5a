import HTTPServer
import JSONText
import SCOData

/// A page of records in the negotiated representation, with `Link: rel="next"` when there is
/// more.
///
/// JSON: `{"items": […], "total": n, "limit": n, "next": "<cursor>" | null}`. NDJSON: one
/// record per line. CSV (RFC 4180): a header row of the selected fields, then a row per record.
/// The total is also in `X-Total-Count` and the next page in `Link`, which is where the line
/// formats, having nowhere else to put them, carry them.
enum ListEncoding {
    static func response<Record>(
        _ page: Page<Record>, table: FieldTable<Record>, list: ListQuery, call: RouteCall, title: String, summary: String
    ) throws -> HTTPResponse {
        let next = page.next.map(CursorCodec.encode)
        var body: [UInt8]
        switch call.representation {
        case .json:
            var json = JSONWriter(capacity: 512 + page.items.count * 1280)
            json.beginObject()
            json.key("items")
            json.beginArray()
            // By index: `for item in` copies each record out, retaining its strings.
            for index in page.items.indices { table.write(page.items[index], to: &json, fields: list.fields) }
            json.endArray()
            json.key("total")
            json.int(page.total)
            json.key("limit")
            json.int(list.limit)
            json.key("next")
            json.string(next)
            json.endObject()
            body = json.bytes
        case .ndjson:
            var json = JSONWriter(capacity: 512 + page.items.count * 768)
            for index in page.items.indices {
                table.write(page.items[index], to: &json, fields: list.fields)
                json.newline()
            }
            body = json.bytes
        case .html:
            return HTTPResponse.html(HTMLRecords.listPage(
                page, next: next, table: table, list: list, call: call, title: title, summary: summary, links: try call.links()))
        case .csv:
            var csv = CSVWriter()
            let columns = table.columns(list.fields)
            csv.row(table.csvHeader(columns: columns))
            for item in page.items { csv.row(table.csvRow(item, columns: columns)) }
            body = csv.bytes
        }
        // Its own fields, then ETag, Cache-Control, X-Request-ID and Vary from the handler.
        var response = HTTPResponse(headers: HTTPHeaders(minimumCapacity: 8), body: body)
        response.headers.set(.contentType, call.representation.contentType)
        response.headers.set("X-Total-Count", String(page.total))
        if let next {
            response.headers.set(.link, "<\(nextLink(request: call.request, cursor: next))>; rel=\"next\"")
        }
        return response
    }

    /// The request's own path and query with `cursor` replaced by the next page's.
    static func nextLink(request: HTTPRequest, cursor: String) -> String {
        var parts: [String] = []
        for (name, value) in request.query where name != "cursor" {
            parts.append(QueryEncoding.encode(name) + "=" + QueryEncoding.encode(value))
        }
        parts.append("cursor=" + QueryEncoding.encode(cursor))
        return request.path + "?" + parts.joined(separator: "&")
    }
}

/// Percent-encoding of query names and values (RFC 3986 §3.4: unreserved characters stay).
enum QueryEncoding {
    static func encode(_ text: String) -> String {
        var encoded = ""
        let hex = Array("0123456789ABCDEF")
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"), UInt8(ascii: "*"), UInt8(ascii: ","):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                encoded.append("%")
                encoded.append(hex[Int(byte >> 4)])
                encoded.append(hex[Int(byte & 0xF)])
            }
        }
        return encoded
    }
}
