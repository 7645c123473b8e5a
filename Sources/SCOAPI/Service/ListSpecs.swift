import JSONText
import SCOData

/// The query each list endpoint takes; the parser checks requests against these and the
/// OpenAPI document describes them, so the two cannot disagree.
extension ListQuerySpec {
    static let memberStates = ListQuerySpec(
        filters: [], sortFields: ["code", "name"], defaultSort: "code", fieldNames: State.fieldNames)

    static let observers = ListQuerySpec(
        filters: [Filter(name: "role", values: .oneOf(["observer", "attending-as-observer"]),
                         summary: "Observer status, or attendance as an observer at the summit.")],
        sortFields: ["code", "name"], defaultSort: "code", fieldNames: State.fieldNames)

    static let states = ListQuerySpec(
        filters: [Filter(name: "role", values: .oneOf(StateRole.allCases.map(\.rawValue)),
                         summary: "States having any of these roles.")],
        sortFields: ["code", "name"], defaultSort: "code", fieldNames: State.fieldNames)

    static let clauses = ListQuerySpec(
        filters: [], sortFields: ["position", "id"], defaultSort: "position", fieldNames: Clause.fieldNames)

    static let timeline = ListQuerySpec(
        filters: [
            Filter(name: "kind", values: .oneOf(EventKind.allCases.map(\.rawValue)), summary: "Event kinds."),
            Filter(name: "actor", values: .text,
                   summary: "Ids of actors: state codes (alpha-2, e.g. RU), people or organizations."),
            Filter(name: "region", values: .text, summary: "Region ids (e.g. south-ossetia)."),
        ],
        sortFields: ["date", "id", "kind", "title"], defaultSort: "date,id", fieldNames: TimelineEvent.fieldNames,
        hasDateRange: true)

    static let statements = ListQuerySpec(
        filters: [
            Filter(name: "speaker", values: .text, summary: "Speaker ids: people, states, organizations or regions."),
            Filter(name: "kind", values: .oneOf(StatementKind.allCases.map(\.rawValue)), summary: "Statement kinds."),
            Filter(name: "about", values: .text, summary: "Ids of what the statement is about."),
        ],
        sortFields: ["date", "id", "speaker", "kind"], defaultSort: "date,id", fieldNames: Statement.fieldNames,
        hasDateRange: true)

    static let regions = ListQuerySpec(
        filters: [
            Filter(name: "kind", values: .oneOf(RegionKind.allCases.map(\.rawValue)), summary: "Region kinds."),
            Filter(name: "state", values: .text, summary: "Codes of the states the regions lie in."),
        ],
        sortFields: ["id", "name"], defaultSort: "id", fieldNames: Region.fieldNames)

    static let people = ListQuerySpec(
        filters: [
            Filter(name: "state", values: .text, summary: "Codes of the people's states."),
            Filter(name: "organization", values: .text, summary: "Ids of the people's organizations."),
        ],
        sortFields: ["id", "name"], defaultSort: "id", fieldNames: Person.fieldNames)

    static let organizations = ListQuerySpec(
        filters: [Filter(name: "kind", values: .oneOf(OrganizationKind.allCases.map(\.rawValue)), summary: "Organization kinds.")],
        sortFields: ["id", "name"], defaultSort: "id", fieldNames: Organization.fieldNames)

    static let sources = ListQuerySpec(
        filters: [], sortFields: ["id", "publishedOn"], defaultSort: "id", fieldNames: Source.fieldNames)

    static let search = ListQuerySpec(
        filters: [Filter(name: "type", values: .oneOf(["clause", "statement", "event"]), summary: "Record types to search.")],
        sortFields: [], defaultSort: "", fieldNames: SearchHitRecord.fieldNames, extraParameters: ["q"])
}

/// A search hit as the API writes it.
struct SearchHitRecord: PositionalAPIRecord {
    static let fieldSchemas: FieldList = [
        ("type", .enumeration(["clause", "statement", "event"])),
        ("id", .string),
        ("title", .string),
        ("snippet", .string),
        ("rank", .number),
        ("href", .string),
    ]

    var hit: SearchHit

    var recordID: String { hit.id }

    func writeField(at index: Int, named name: String, to json: inout JSONWriter) {
        switch index {
        case 0: json.string(hit.kind.rawValue)
        case 1: json.string(hit.id)
        case 2: json.string(hit.title)
        case 3: json.string(hit.snippet)
        case 4: json.double(hit.rank)
        case 5:
            // `href`, written without building it first.
            switch hit.kind {
            case .clause: json.string(prefix: "/v1/declaration/clauses/", hit.id)
            case .statement: json.string(prefix: "/v1/statements/", hit.id)
            case .event: json.string(prefix: "/v1/timeline/", hit.id)
            }
        default: json.null()
        }
    }
}
