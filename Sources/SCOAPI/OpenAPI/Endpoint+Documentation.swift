import SCOData

/// What the OpenAPI document says of each endpoint.
struct EndpointDocumentation {
    enum Shape {
        /// A list of `record` (component schema name), queried as `spec` says.
        case list(ListQuerySpec, record: String)
        /// One record, by the component schema name.
        case single(record: String)
        /// A fixed document with its schema and media type.
        case document(OpenAPINode, mediaType: String)
        /// A write to a record of `kind` (see `OpenAPIDocument+Writes`).
        case write(RecordKind, WriteAction)
        /// The change log.
        case changes
    }

    var summary: String
    var shape: Shape
    var fieldNames: [String] = []
}

extension Endpoint {
    var documentation: EndpointDocumentation {
        switch self {
        case .index: .init(summary: "Links to every collection.", shape: .document(.ref("Index"), mediaType: "application/json"))
        case .organization: single("The Shanghai Cooperation Organisation.", Organization.self)
        case .organizations: list("Organizations and bodies the article names.", .organizations, Organization.self)
        case .organizationByID: single("One organization by id.", Organization.self)
        case .summit: single("The Dushanbe summit of 28 August 2008.", Summit.self)
        case .memberStates: list("The six member states.", .memberStates, State.self)
        case .memberState: single("One member state by ISO 3166-1 alpha-2 or alpha-3 code.", State.self)
        case .observers: list("States with observer status or that attended as observers.", .observers, State.self)
        case .observer: single("One observer by ISO 3166-1 alpha-2 or alpha-3 code.", State.self)
        case .states: list("Every state the article names, with its roles.", .states, State.self)
        case .state: single("One state by ISO 3166-1 alpha-2 or alpha-3 code.", State.self)
        case .declaration: single("The joint declaration.", Declaration.self)
        case .clauses: list("The declaration's quoted passages, in order.", .clauses, Clause.self)
        case .clause: single("One clause of the declaration.", Clause.self)
        case .timeline: list("Dated events, 1968 to 28 August 2008.", .timeline, TimelineEvent.self)
        case .event: single("One timeline event.", TimelineEvent.self)
        case .statements: list("Statements, claims, denials and appeals, with their speakers.", .statements, Statement.self)
        case .statement: single("One statement.", Statement.self)
        case .regions: list("Regions and places.", .regions, Region.self)
        case .region: single("One region.", Region.self)
        case .people: list("People the article names.", .people, Person.self)
        case .person: single("One person.", Person.self)
        case .search: list("Full-text search over clauses, statements and events, best match first; a query matching more than 1,000 records lists its hits in index order instead.", .search, SearchHitRecord.self)
        case .sources: list("The source documents every quote comes from.", .sources, Source.self)
        case .source: single("One source document, with its full text.", Source.self)
        case .changes: .init(summary: "The change log: every write and seed, oldest first, for incremental sync.", shape: .changes)
        case .createEvent, .replaceEvent, .updateEvent, .deleteEvent, .createStatement, .replaceStatement,
             .updateStatement, .deleteStatement, .createClause, .replaceClause, .updateClause, .deleteClause,
             .createSource, .replaceSource, .updateSource, .deleteSource:
            writeDocumentation
        case .openAPI: .init(summary: "This document.", shape: .document(.object([("type", .string("object"))]), mediaType: "application/json"))
        case .health: .init(summary: "Liveness: the process answers.", shape: .document(.ref("Health"), mediaType: "application/json"))
        case .ready: .init(summary: "Readiness: database readable, migrations at head, dataset present.", shape: .document(.ref("Ready"), mediaType: "application/json"))
        case .metrics: .init(summary: "Prometheus metrics.", shape: .document(.object([("type", .string("string"))]), mediaType: "text/plain"))
        }
    }

    /// A real id or code for the path parameter, so the document's examples resolve.
    var exampleID: String {
        switch self {
        case .memberState: "KZ"
        case .observer: "IR"
        case .state: "GE"
        case .clause, .replaceClause, .updateClause, .deleteClause: "territorial-integrity"
        case .event, .replaceEvent, .updateEvent, .deleteEvent: "georgian-offensive-on-south-ossetia"
        case .statement, .replaceStatement, .updateStatement, .deleteStatement: "azimov-denies-ethnic-cleansing"
        case .region: "south-ossetia"
        case .person: "dmitry-medvedev"
        case .organizationByID: "osce"
        case .source, .replaceSource, .updateSource, .deleteSource: "article-2008-08-28-sco-dushanbe"
        default: ""
        }
    }

    /// A write endpoint's summary and shape.
    private var writeDocumentation: EndpointDocumentation {
        guard let (kind, action) = write else { preconditionFailure("\(self) is not a write endpoint") }
        let noun = switch kind {
        case .event: "timeline event"
        case .statement: "statement"
        case .clause: "declaration clause"
        case .source: "source"
        }
        let summary = switch action {
        case .create: "Add a \(noun); its id is the body's, or made from its \(kind.slugSourceField)."
        case .replace: "Create or replace the \(noun) with this id (If-Match required to replace)."
        case .update: "Change some fields of the \(noun) with a JSON Merge Patch (If-Match required)."
        case .delete: "Delete the \(noun) (If-Match required); refused while other records refer to it."
        }
        return EndpointDocumentation(summary: summary, shape: .write(kind, action))
    }

    private func list<Record: APIRecord>(_ summary: String, _ spec: ListQuerySpec, _ record: Record.Type) -> EndpointDocumentation {
        EndpointDocumentation(summary: summary, shape: .list(spec, record: OpenAPIDocument.schemaName(record)), fieldNames: Record.fieldNames)
    }

    private func single<Record: APIRecord>(_ summary: String, _ record: Record.Type) -> EndpointDocumentation {
        EndpointDocumentation(summary: summary, shape: .single(record: OpenAPIDocument.schemaName(record)), fieldNames: Record.fieldNames)
    }
}
