import HTTPServer
import JSONText
import SCOData

extension Route {
    /// `GET pattern`: a page of records, filtered, sorted and paged as `table` says, in JSON,
    /// CSV or NDJSON; `page` reads it through the loop's reader.
    static func list<Record>(
        _ pattern: String, operationID: String, summary: String, table: FieldTable<Record>,
        page: @escaping @Sendable (any DatasetReader, ListQuery, RouteCall) throws -> Page<Record>
    ) -> Route {
        let spec = table.querySpec
        let title = HTMLRecords.title(pattern)
        return Route(
            .get, pattern, operationID: operationID, summary: summary, caching: .byDataVersion,
            offer: .negotiated(Representation.allCases), documentation: .list(spec, record: table.recordSchema)
        ) { call in
            let data = try call.dataset()
            let list = try ListQueryParser(spec: spec).parse(call.representation == .html ? call.query.nonEmpty : call.query)
            let records = try page(data, list, call)
            let response = try ListEncoding.response(records, table: table, list: list, call: call, title: title, summary: summary)
            call.loop.releaseAfterWriting(records)
            return response
        }
    }

    /// A record's own HTML page, where the generic one (`HTMLRecords.recordPage`) is not enough.
    typealias RecordPage<Record> = @Sendable (Record, RouteCall) throws -> [UInt8]

    /// `GET pattern`: one record in JSON or HTML (`page`, else every field as a table), or a
    /// 404 problem whose detail `missing` gives; `find` reads it through the loop's reader.
    /// `example` resolves, for the OpenAPI document.
    static func record<Record>(
        _ pattern: String, operationID: String, summary: String, table: FieldTable<Record>, example: String = "",
        page: RecordPage<Record>? = nil,
        find: @escaping @Sendable (any DatasetReader, RouteCall) throws -> Record?,
        missing: @escaping @Sendable (RouteCall) throws -> String
    ) -> Route {
        Route(
            .get, pattern, operationID: operationID, summary: summary, caching: .byDataVersion,
            offer: .negotiated(Representation.document), documentation: .record(table.recordSchema, example: example)
        ) { call in
            let record = try find(try call.dataset(), call)
            let fields = try SingleQuery.parseFields(call.query, fieldNames: table.names)
            guard let record else { throw APIError.notFound(detail: try missing(call)) }
            if call.representation == .html {
                if let page { return HTTPResponse.html(try page(record, call)) }
                return HTTPResponse.html(HTMLRecords.recordPage(record, table: table, fields: fields, call: call, links: try call.links()))
            }
            var json = JSONWriter(capacity: 2048)
            table.write(record, to: &json, fields: fields)
            return HTTPResponse.json(json.bytes)
        }
    }
}

extension Route {
    /// `GET pattern`, whose last segment is `{id}`: the record with that id, or a 404 problem
    /// saying that no `noun` has it.
    static func record<Record>(
        byID pattern: String, operationID: String, summary: String, table: FieldTable<Record>, example: String,
        noun: String, page: RecordPage<Record>? = nil, find: @escaping @Sendable (any DatasetReader, String) throws -> Record?
    ) -> Route {
        .record(pattern, operationID: operationID, summary: summary, table: table, example: example, page: page) { data, call in
            try find(data, try call.parameter("id"))
        } missing: { call in
            "No \(noun) has the id '\(try call.parameter("id"))'."
        }
    }
}

extension Route {
    /// What the OpenAPI document calls one route: its `operationId` and summary line.
    typealias Naming = (operationID: String, summary: String)

    /// `GET collection`, a page of the list `records` picks from the loop's reader, and `GET
    /// collection/{id}`, one of its records (`example` resolves) or a 404 problem saying that no
    /// `noun` has the id; then, when `writes` names the record kind and the operation suffix
    /// (`Event` in `createEvent`), the write routes of `Route.writes`.
    static func collection<Record, Field: ListSortField>(
        _ collection: String, table: FieldTable<Record>, noun: String, example: String,
        list: Naming, item: Naming, writes: (kind: RecordKind, operation: String)? = nil, page: RecordPage<Record>? = nil,
        records: @escaping @Sendable (any DatasetReader) -> any RecordList<Record, Field>
    ) -> [Route] {
        let reads: [Route] = [
            .list(collection, operationID: list.operationID, summary: list.summary, table: table) { data, query, _ in
                try records(data).page(try query.request())
            },
            .record(
                byID: collection + "/{id}", operationID: item.operationID, summary: item.summary, table: table, example: example,
                noun: noun, page: page
            ) { data, id in
                try records(data).record(id: id)
            },
        ]
        guard let writes else { return reads }
        return reads + Route.writes(
            writes.kind, collection: collection, noun: noun, operation: writes.operation, table: table, example: example)
    }
}

extension HTTPResponse {
    /// A 200 whose body is JSON.
    static func json(_ body: [UInt8]) -> HTTPResponse {
        var response = HTTPResponse(body: body)
        response.headers.set(.contentType, Representation.json.contentType)
        return response
    }
}

extension QueryParameters {
    /// The parameters that have a value: an HTML form sends its empty fields as `name=`, which
    /// means no filter.
    var nonEmpty: QueryParameters {
        QueryParameters(filter { !$0.1.isEmpty })
    }
}

/// Query checks for routes that serve one resource.
enum SingleQuery {
    /// Probes, metrics and documents take no parameters.
    static func checkNoParameters(_ query: QueryParameters) throws(APIError) {
        if let name = query.names.first {
            throw .badParameter(name: name, detail: "unknown parameter; this endpoint takes none.")
        }
    }

    /// Documents offered as JSON and HTML take `format` only.
    static func checkFormatOnly(_ query: QueryParameters) throws(APIError) {
        for (name, _) in query where name != "format" {
            throw .badParameter(name: name, detail: "unknown parameter; this endpoint takes format only.")
        }
    }

    /// A single record takes `fields` (and `format=json`) only.
    static func parseFields(_ query: QueryParameters, fieldNames: [String]) throws(APIError) -> FieldSelection {
        let spec = ListQuerySpec(filters: [], sortFields: [], defaultSort: "", fieldNames: fieldNames)
        for (name, _) in query where name != "fields" && name != "format" {
            throw .badParameter(name: name, detail: "unknown parameter; this endpoint takes fields and format.")
        }
        if query.values(for: "fields").count > 1 { throw .badParameter(name: "fields", detail: "given more than once.") }
        guard let fields = query.first("fields") else { return .all }
        return try ListQueryParser(spec: spec).parse(QueryParameters([("fields", fields)])).fields
    }
}
