import SCOData

extension OpenAPIDocument {
    /// The order `components.schemas` lists the record schemas it has always listed; a record
    /// schema not named here follows them, in route order.
    static let componentOrder = [
        "State", "Person", "Region", "Clause", "Event", "Statement", "Source", "Organization", "Summit", "Declaration",
        "SearchHit",
    ]

    /// Every record schema the routes read or write, once each, in `componentOrder`.
    static func recordSchemas(_ routes: [Route]) -> [RecordSchema] {
        var found: [RecordSchema] = []
        for route in routes {
            let record: RecordSchema? = switch route.documentation {
            case .list(_, let record), .record(let record, _), .write(_, _, let record, _): record
            case .document, .changes: nil
            }
            if let record, !found.contains(where: { $0.name == record.name }) { found.append(record) }
        }
        let rank = { (record: RecordSchema) in componentOrder.firstIndex(of: record.name) ?? componentOrder.count }
        return found.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }

    static func schemas(_ routes: [Route]) -> [(String, OpenAPINode)] {
        var schemas: [(String, OpenAPINode)] = []
        for record in recordSchemas(routes) {
            schemas.append((record.name, recordSchema(record)))
            schemas.append(("\(record.name)List", listSchema(of: record.name)))
        }
        let nullableString: OpenAPINode = .object([("type", .strings(["string", "null"]))])
        schemas.append(("HistoricalDate", .object([
            ("type", .string("object")),
            ("description", .string("A date as precise as the source allows; `value` is ISO 8601 cut to `precision` (\"night\": the night beginning that day). `earliest` and `latest` are the first and last day it may be (inclusive): the whole period of `value` unless the report narrows it. `basis` says whether the report gives the date (`stated`) or it was worked out (`inferred`, with the reasoning in `note`). `text` is the source's own phrase. Lists sort dates by `earliest` and keep a date for `from`/`to` when its bounds overlap the range.")),
            ("required", .strings(["value", "precision", "earliest", "latest", "basis", "text", "note"])),
            ("properties", .object([
                ("value", .object([("type", .string("string")), ("pattern", .string("^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"))])),
                ("precision", .object([("type", .string("string")), ("enum", .strings(DatePrecision.allCases.map(\.rawValue)))])),
                ("earliest", .object([("type", .string("string")), ("format", .string("date"))])),
                ("latest", .object([("type", .string("string")), ("format", .string("date"))])),
                ("basis", .object([("type", .string("string")), ("enum", .strings(DateBasis.allCases.map(\.rawValue)))])),
                ("text", nullableString),
                ("note", nullableString),
            ])),
        ])))
        schemas.append(("SourceQuote", .object([
            ("type", .string("object")),
            ("description", .string("""
                An exact quote (a substring) of the source's text, and where it stands: `start` and `end` are offsets in \
                Unicode code points from the start of the text, `end` exclusive (a W3C TextPositionSelector). A write may \
                leave them out for a quote that occurs once in its source; they are then filled in.
                """)),
            ("required", .strings(["sourceId", "quote"])),
            ("properties", .object([
                ("sourceId", .object([("type", .string("string"))])),
                ("quote", .object([("type", .string("string")), ("minLength", .int(1))])),
                ("start", .object([("type", .string("integer")), ("minimum", .int(0))])),
                ("end", .object([("type", .string("integer")), ("minimum", .int(0))])),
            ])),
        ])))
        schemas.append(("Participant", .object([
            ("type", .string("object")),
            ("description", .string("""
                A party to an event and its part. `role`: `actor` did it, `target` had it done to it, `claimant` said it \
                happened, `denier` said it did not, `critic` criticized it, `mediator` brokered it, `venue` is the \
                organization it took place at, `subject` is what it was about, `host` received it, `attendee` and \
                `observer` took part in a meeting as such, `recipient` received what was handed over, `speaker` said something \
                neither a claim nor a denial (a statement's speaker). `inferred`: the part \
                is read from the report, not said in it (the event's note says how).
                """)),
            ("required", .strings(["id", "role"])),
            ("properties", .object([
                ("id", .object([("type", .string("string")), ("minLength", .int(1))])),
                ("role", .object([("type", .string("string")), ("enum", .strings(ParticipantRole.allCases.map(\.rawValue)))])),
                ("inferred", .object([("type", .string("boolean"))])),
            ])),
        ])))
        schemas.append(("Note", .object([
            ("type", .string("object")),
            ("required", .strings(["text", "sources"])),
            ("properties", .object([
                ("text", .object([("type", .string("string"))])),
                ("sources", .object([("type", .string("array")), ("minItems", .int(1)), ("items", .ref("SourceQuote"))])),
            ])),
        ])))
        schemas.append(("Problem", .object([
            ("type", .string("object")),
            ("description", .string("RFC 9457 problem details.")),
            ("required", .strings(["type", "title", "status"])),
            ("properties", .object([
                ("type", .object([("type", .string("string"))])),
                ("title", .object([("type", .string("string"))])),
                ("status", .object([("type", .string("integer"))])),
                ("detail", .object([("type", .string("string"))])),
                ("parameter", .object([("type", .string("string")), ("description", .string("The query parameter at fault."))])),
                ("errors", .object([("type", .string("array")), ("items", .object([
                    ("type", .string("object")),
                    ("properties", .object([("pointer", .object([("type", .string("string"))])), ("detail", .object([("type", .string("string"))]))])),
                ]))])),
            ])),
        ])))
        schemas.append(("Index", .object([
            ("type", .string("object")),
            ("required", .strings(["name", "links"])),
            ("properties", .object([
                ("name", .object([("type", .string("string"))])),
                ("description", .object([("type", .string("string"))])),
                ("openapi", .object([("type", .string("string"))])),
                ("links", .object([("type", .string("object")), ("additionalProperties", .object([("type", .string("string"))]))])),
            ])),
        ])))
        schemas.append(("Health", .object([
            ("type", .string("object")),
            ("required", .strings(["status"])),
            ("properties", .object([("status", .object([("type", .string("string")), ("enum", .strings(["ok"]))]))])),
        ])))
        let check: OpenAPINode = .object([
            ("type", .string("object")),
            ("properties", .object([("ok", .object([("type", .string("boolean"))])), ("detail", .object([("type", .string("string"))]))])),
        ])
        schemas.append(("Ready", .object([
            ("type", .string("object")),
            ("required", .strings(["status", "checks"])),
            ("properties", .object([
                ("status", .object([("type", .string("string")), ("enum", .strings(["ready"]))])),
                ("checks", .object([("type", .string("object")), ("additionalProperties", check)])),
                ("replication", .object([
                    ("type", .string("object")),
                    ("description", .string(
                        "This server's part in replication: its role, the change sequence it serves (`seq`, as in `SCO-Seq`), "
                            + "and on a replica the Litestream transaction ids applied and in the replica store, and the lag in seconds "
                            + "(null until the store has been listed).")),
                    ("required", .strings(["role", "seq"])),
                    ("properties", .object([
                        ("role", .object([("type", .string("string")), ("enum", .strings(["single", "primary", "replica"]))])),
                        ("seq", .object([("type", .array([.string("integer"), .string("null")]))])),
                        ("appliedTxid", .object([("type", .array([.string("integer"), .string("null")]))])),
                        ("storeTxid", .object([("type", .array([.string("integer"), .string("null")]))])),
                        ("lagSeconds", .object([("type", .array([.string("number"), .string("null")]))])),
                    ])),
                ])),
            ])),
        ])))
        return schemas
    }

    /// A record's schema; keys are not `required` because `fields=` may leave any out.
    private static func recordSchema(_ record: RecordSchema) -> OpenAPINode {
        var properties: [(String, OpenAPINode)] = []
        for (name, schema) in record.fields {
            properties.append((name, node(for: schema)))
        }
        return .object([
            ("type", .string("object")),
            ("description", .string("Every key is present unless `fields=` left it out.")),
            ("properties", .object(properties)),
            ("additionalProperties", .bool(false)),
        ])
    }

    private static func listSchema(of record: String) -> OpenAPINode {
        .object([
            ("type", .string("object")),
            ("required", .strings(["items", "total", "limit", "next"])),
            ("properties", .object([
                ("items", .object([("type", .string("array")), ("items", .ref(record))])),
                ("total", .object([("type", .string("integer")), ("minimum", .int(0)), ("description", .string("Rows matching the filters, over all pages."))])),
                ("limit", .object([("type", .string("integer")), ("minimum", .int(1)), ("maximum", .int(500))])),
                ("next", .object([("type", .strings(["string", "null"])), ("description", .string("Cursor of the next page; null on the last."))])),
            ])),
            ("additionalProperties", .bool(false)),
        ])
    }

    private static func node(for schema: FieldSchema) -> OpenAPINode {
        switch schema {
        case .string: .object([("type", .string("string"))])
        case .nullableString: .object([("type", .strings(["string", "null"]))])
        case .code: .object([("type", .string("string")), ("pattern", .string("^[A-Z]{2}$"))])
        case .integer: .object([("type", .string("integer"))])
        case .number: .object([("type", .string("number"))])
        case .bool: .object([("type", .string("boolean"))])
        case .stringArray: .object([("type", .string("array")), ("items", .object([("type", .string("string"))]))])
        case .enumeration(let values): .object([("type", .string("string")), ("enum", .strings(values))])
        case .enumArray(let values):
            .object([("type", .string("array")), ("items", .object([("type", .string("string")), ("enum", .strings(values))]))])
        case .date: .ref("HistoricalDate")
        case .nullableDate: .object([("oneOf", .array([.ref("HistoricalDate"), .object([("type", .string("null"))])]))])
        case .sources: .object([("type", .string("array")), ("minItems", .int(1)), ("items", .ref("SourceQuote"))])
        case .notes: .object([("type", .string("array")), ("items", .ref("Note"))])
        case .participants: .object([("type", .string("array")), ("items", .ref("Participant"))])
        }
    }
}
