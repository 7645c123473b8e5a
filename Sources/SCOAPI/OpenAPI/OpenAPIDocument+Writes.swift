import SCOData

/// The write operations, their request bodies and refusals, and `/v1/changes`.
extension OpenAPIDocument {
    static let bearerScheme: OpenAPINode = .object([
        ("type", .string("http")),
        ("scheme", .string("bearer")),
        ("description", .string("A token configured by SCO_API_TOKENS or --tokens-file (`name:token`); only its name is logged.")),
    ])

    static func writeOperation(
        _ route: Route, kind: RecordKind, action: WriteAction, record: String, example: String
    ) -> OpenAPINode {
        var parameters: [OpenAPINode] = []
        if action != .create {
            parameters.append(.object([
                ("name", .string("id")), ("in", .string("path")), ("required", .bool(true)),
                ("description", .string("The record's id (a slug).")),
                ("schema", .object([("type", .string("string")), ("minLength", .int(1))])),
                ("example", .string(example)),
            ]))
            parameters.append(header("If-Match",
                "The ETag of the version being changed (from a GET or an earlier write); required when the record exists. `*`: any version."))
        }
        if action == .replace {
            parameters.append(header("If-None-Match", "`*`: create only, 412 if the record exists."))
        }
        parameters.append(.object([
            ("name", .string("Idempotency-Key")), ("in", .string("header")), ("required", .bool(false)),
            ("description", .string(
                "A name for this write, so that a retry is safe: the same request again with the same key (from the same token) "
                    + "gets the first 2xx again, marked `Idempotent-Replayed: true`, and writes nothing; the same key on a different "
                    + "request is a 422. Kept for a day.")),
            ("schema", .object([
                ("type", .string("string")), ("minLength", .int(1)), ("maxLength", .int(255)),
                ("pattern", .string(#"^[!#-\[\]-~]+$"#)),
            ])),
            ("example", .string("5b3c8e62-0d4f-4b7e-9a51-2f8c1d6e7a90")),
        ]))
        var responses: [(String, OpenAPINode)] = []
        let written: OpenAPINode = .object([("application/json", .object([("schema", .ref(record))]))])
        let validator: OpenAPINode = .object([("ETag", etagHeader)])
        switch action {
        case .create, .replace:
            if action == .replace {
                responses.append(("200", .object([
                    ("description", .string("Replaced (or already as sent): the record as GET now serves it.")),
                    ("headers", validator), ("content", written),
                ])))
            }
            responses.append(("201", .object([
                ("description", .string("Created: the record as GET serves it.")),
                ("headers", .object([
                    ("ETag", etagHeader),
                    ("Location", .object([("description", .string("The new record's URL.")), ("schema", .object([("type", .string("string"))]))])),
                ])),
                ("content", written),
            ])))
        case .update:
            responses.append(("200", .object([
                ("description", .string("Patched: the record as GET now serves it.")), ("headers", validator), ("content", written),
            ])))
        case .delete:
            responses.append(("204", .object([("description", .string("Deleted (or already deleted).")) ])))
        }
        var refusals: [(String, String)] = [
            ("401", "No token, or not one the server accepts (`WWW-Authenticate: Bearer`)."),
            ("403", "Writes are disabled: the server has no tokens configured."),
        ]
        if action != .delete {
            refusals += [
                ("400", "The body is not JSON, a query parameter was sent, or the Idempotency-Key is not 1 to 255 visible characters."),
                ("415", action == .update ? "Content-Type is not application/merge-patch+json or application/json." : "Content-Type is not application/json."),
                ("422", "Invalid fields: `errors` lists each with a JSON Pointer (`/date/value`); or the Idempotency-Key was used for a different request."),
            ]
        } else {
            refusals += [
                ("400", "A query parameter was sent, or the Idempotency-Key is not 1 to 255 visible characters."),
                ("422", "The Idempotency-Key was used for a different request."),
            ]
        }
        if action != .create { refusals.append(("404", "No record has this id.")) }
        if action == .update || action == .delete || action == .replace {
            refusals.append(("412", "If-Match names a version that is no longer current (or If-None-Match: * and the record exists)."))
            refusals.append(("428", "The record exists and If-Match was not sent."))
        }
        refusals.append(("409", action == .delete
            ? "Other records refer to this one." : "The id is taken (by a record of any kind), or a source's new text drops quoted text."))
        for (status, description) in refusals.sorted(by: { $0.0 < $1.0 }) {
            responses.append((status, problemResponse(description)))
        }
        responses.append(("default", problemResponse("Another RFC 9457 problem (406, 413, 503 with Retry-After …).")))
        var members: [(String, OpenAPINode)] = [
            ("operationId", .string(route.operationID)),
            ("summary", .string(route.summary)),
            ("security", .array([.object([("bearerAuth", .array([]))])])),
            ("parameters", .array(parameters)),
        ]
        switch action {
        case .create, .replace:
            members.append(("requestBody", .object([
                ("required", .bool(true)),
                ("content", .object([("application/json", .object([("schema", .ref("\(record)Input"))]))])),
            ])))
        case .update:
            let patch: OpenAPINode = .object([("schema", .ref("\(record)Patch"))])
            members.append(("requestBody", .object([
                ("required", .bool(true)),
                ("content", .object([("application/merge-patch+json", patch), ("application/json", patch)])),
            ])))
        case .delete:
            break
        }
        members.append(("responses", .object(responses)))
        return .object(members)
    }

    static func changesOperation(_ route: Route) -> OpenAPINode {
        .object([
            ("operationId", .string(route.operationID)),
            ("summary", .string(route.summary)),
            ("parameters", .array([
                query("since", description: "Entries after this seq (exclusive); 0, the default, starts at the beginning. A page's `next` is the next page's `since`.",
                      schema: .object([("type", .string("integer")), ("minimum", .int(0))])),
                query("limit", description: "Page size, 1 to 500 (larger is lowered to 500); default 50.",
                      schema: .object([("type", .string("integer")), ("minimum", .int(1))])),
                formatParameter(["json", "html"]),
            ])),
            ("responses", .object([
                ("200", .object([
                    ("description", .string("A page of the change log, oldest first.")),
                    ("headers", .object([("ETag", etagHeader), ("Link", linkHeader)])),
                    ("content", .object([("application/json", .object([("schema", .ref("ChangeList"))])), htmlContent])),
                ])),
                ("304", .object([("description", .string("Not modified: the ETag in If-None-Match is current."))])),
                ("default", problemResponse("An RFC 9457 problem: 400 bad parameter, 406 not acceptable, …")),
            ])),
        ])
    }

    // MARK: Schemas

    /// The request bodies of the writes, for each kind of record written, in `RecordKind` order.
    static func writeSchemas(_ routes: [Route]) -> [(String, OpenAPINode)] {
        var written: [RecordKind: RecordSchema] = [:]
        for route in routes {
            if case .write(let kind, _, let record, _) = route.documentation { written[kind] = record }
        }
        var schemas: [(String, OpenAPINode)] = []
        for kind in RecordKind.allCases {
            guard let record = written[kind] else { continue }
            let name = record.name
            let fields = record.fields
            let required = kind.requiredFieldNames.filter { $0 != "id" }
            // `id` may be null or absent: POST makes one, PUT takes the path's.
            let properties = fields.map { field in
                if kind.readOnlyFieldNames.contains(field.name) {
                    return (field.name, OpenAPINode.object([
                        ("readOnly", .bool(true)), ("description", .string("Kept by the store; ignored when written.")),
                    ]))
                }
                return (field.name, field.name == "id" ? inputNode(.nullableString, field: "id") : inputNode(field.schema, field: field.name))
            }
            schemas.append(("\(name)Input", .object([
                ("type", .string("object")),
                ("description", .string("""
                    A \(kind.rawValue) to write. `id` may be left out (POST makes one from `\(kind.slugSourceField)`; PUT takes the \
                    path's); every quote must be an exact substring of its source's text, and every id must name a record.
                    """)),
                ("required", .strings(required)),
                ("properties", .object(properties)),
                ("additionalProperties", .bool(false)),
            ])))
            schemas.append(("\(name)Patch", .object([
                ("type", .string("object")),
                ("description", .string("A JSON Merge Patch (RFC 7396): members to set; null removes an optional one. The result is validated as a whole.")),
                ("properties", .object(properties)),
                ("additionalProperties", .bool(false)),
            ])))
        }
        let nullableText: OpenAPINode = .object([("type", .strings(["string", "null"])), ("minLength", .int(1))])
        schemas.append(("HistoricalDateInput", .object([
            ("type", .string("object")),
            ("required", .strings(["value", "precision"])),
            ("properties", .object([
                ("value", .object([("type", .string("string")), ("pattern", .string("^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"))])),
                ("precision", .object([("type", .string("string")), ("enum", .strings(DatePrecision.allCases.map(\.rawValue)))])),
                ("earliest", .object([
                    ("type", .string("string")), ("format", .string("date")),
                    ("description", .string("The first day the date may be; the start of `value`'s period when absent.")),
                ])),
                ("latest", .object([
                    ("type", .string("string")), ("format", .string("date")),
                    ("description", .string("The last day the date may be, within `value`'s period; its end when absent.")),
                ])),
                ("basis", .object([
                    ("type", .string("string")), ("enum", .strings(DateBasis.allCases.map(\.rawValue))),
                    ("description", .string("`stated` by the report or `inferred`; `stated` when absent and `text` is given, else `inferred`.")),
                ])),
                ("text", nullableText),
                ("note", nullableText),
            ])),
            ("additionalProperties", .bool(false)),
        ])))
        let json: OpenAPINode = .object([("type", .strings(["object", "null"]))])
        schemas.append(("Change", .object([
            ("type", .string("object")),
            ("required", .strings(["seq", "at", "token", "operation", "type", "id", "before", "after"])),
            ("properties", .object([
                ("seq", .object([("type", .string("integer")), ("minimum", .int(1))])),
                ("at", .object([("type", .string("string")), ("description", .string("When it committed, ISO 8601 UTC."))])),
                ("token", .object([("type", .strings(["string", "null"])), ("description", .string("The writing token's name; null for a seed."))])),
                ("operation", .object([("type", .string("string")), ("enum", .strings(ChangeOperation.allCases.map(\.rawValue)))])),
                ("type", .object([("type", .string("string")), ("enum", .strings(RecordKind.allCases.map(\.rawValue) + ["dataset"]))])),
                ("id", .object([("type", .string("string"))])),
                ("before", json),
                ("after", json),
            ])),
            ("additionalProperties", .bool(false)),
        ])))
        schemas.append(("ChangeList", .object([
            ("type", .string("object")),
            ("required", .strings(["items", "total", "limit", "next"])),
            ("properties", .object([
                ("items", .object([("type", .string("array")), ("items", .ref("Change"))])),
                ("total", .object([("type", .string("integer")), ("minimum", .int(0))])),
                ("limit", .object([("type", .string("integer")), ("minimum", .int(1)), ("maximum", .int(500))])),
                ("next", .object([("type", .strings(["string", "null"])), ("description", .string("The next page's `since`; null on the last page."))])),
            ])),
            ("additionalProperties", .bool(false)),
        ])))
        return schemas
    }

    /// A member's schema in a request body: strings non-empty, optional ones nullable.
    private static func inputNode(_ schema: FieldSchema, field: String) -> OpenAPINode {
        let text: OpenAPINode = .object([("type", .string("string")), ("minLength", .int(1))])
        return switch schema {
        case .string, .code: text
        case .nullableString: .object([("type", .strings(["string", "null"])), ("minLength", .int(1))])
        case .integer: .object([("type", .string("integer")), ("minimum", .int(field == "position" ? 1 : 0))])
        case .number: .object([("type", .string("number"))])
        case .bool: .object([("type", .string("boolean"))])
        case .stringArray: .object([("type", .string("array")), ("items", text)])
        case .enumeration(let values): .object([("type", .string("string")), ("enum", .strings(values))])
        case .enumArray(let values): .object([("type", .string("array")), ("items", .object([("type", .string("string")), ("enum", .strings(values))]))])
        case .date, .nullableDate: .ref("HistoricalDateInput")
        case .sources: .object([("type", .string("array")), ("minItems", .int(1)), ("items", .ref("SourceQuote"))])
        case .notes: .object([("type", .string("array")), ("items", .ref("Note"))])
        case .participants: .object([("type", .string("array")), ("items", .ref("Participant"))])
        }
    }

    private static func header(_ name: String, _ description: String) -> OpenAPINode {
        .object([
            ("name", .string(name)), ("in", .string("header")), ("required", .bool(false)),
            ("description", .string(description)), ("schema", .object([("type", .string("string"))])),
        ])
    }
}
