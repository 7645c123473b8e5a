import JSONText
import HTTPServer
import SCOData

extension APILoopHandler {
    /// The data endpoints: parse the query, read through the loop's repositories, encode.
    func buildData(
        _ endpoint: Endpoint, parameters: PathParameters, request: HTTPRequest, representation: Representation
    ) throws -> HTTPResponse {
        let data = try dataset()
        let query = request.query
        switch endpoint {
        case .organization:
            return try single(query, try data.organizations.organization(id: "sco"), missing: "The SCO is not in the dataset.")
        case .organizationByID:
            let id = try parameters.get("id", as: String.self)
            return try single(query, try data.organizations.organization(id: id), missing: "No organization has the id '\(id)'.")
        case .summit:
            return try single(query, try data.summits.summit(), missing: "The summit is not in the dataset.")
        case .declaration:
            return try single(query, try data.declarations.declaration(), missing: "The declaration is not in the dataset.")
        case .memberStates, .observers, .states:
            let spec: ListQuerySpec = endpoint == .memberStates ? .memberStates : endpoint == .observers ? .observers : .states
            let list = try ListQueryParser(spec: spec).parse(query)
            var roles = list.values("role").compactMap(StateRole.init(rawValue:))
            if roles.isEmpty {
                switch endpoint {
                case .memberStates: roles = [.member]
                case .observers: roles = [.observer, .attendingAsObserver]
                default: break
                }
            }
            let page = try data.states.states(StateQuery(
                roles: roles, sort: try sort(list), limit: list.limit, position: try position(list)))
            return try encodeList(page, list: list, request: request, representation: representation)
        case .memberState, .observer, .state:
            let code = try parameters.get("code", as: String.self)
            let state = try data.states.state(code: code)
            let isInList: Bool
            switch endpoint {
            case .memberState: isInList = state?.roles.contains(.member) ?? false
            case .observer: isInList = state.map { $0.roles.contains(.observer) || $0.roles.contains(.attendingAsObserver) } ?? false
            default: isInList = state != nil
            }
            let kind = endpoint == .memberState ? "member state" : endpoint == .observer ? "observer" : "state"
            return try single(query, isInList ? state : nil,
                              missing: "No \(kind) has the code '\(code)' (ISO 3166-1 alpha-2 or alpha-3).")
        case .clauses:
            let list = try ListQueryParser(spec: .clauses).parse(query)
            let page = try data.declarations.clauses(ClauseQuery(sort: try sort(list), limit: list.limit, position: try position(list)))
            return try encodeList(page, list: list, request: request, representation: representation)
        case .clause:
            let id = try parameters.get("id", as: String.self)
            return try single(query, try data.declarations.clause(id: id), missing: "No clause has the id '\(id)'.")
        case .timeline:
            let list = try ListQueryParser(spec: .timeline).parse(query)
            let page = try data.timeline.events(TimelineQuery(
                kinds: list.values("kind").compactMap(EventKind.init(rawValue:)), actors: list.values("actor"),
                regions: list.values("region"), from: list.from, to: list.to, sort: try sort(list),
                limit: list.limit, position: try position(list)))
            return try encodeList(page, list: list, request: request, representation: representation)
        case .event:
            let id = try parameters.get("id", as: String.self)
            return try single(query, try data.timeline.event(id: id), missing: "No timeline event has the id '\(id)'.")
        case .statements:
            let list = try ListQueryParser(spec: .statements).parse(query)
            let page = try data.statements.statements(StatementQuery(
                speakers: list.values("speaker"), kinds: list.values("kind").compactMap(StatementKind.init(rawValue:)),
                about: list.values("about"), from: list.from, to: list.to, sort: try sort(list),
                limit: list.limit, position: try position(list)))
            return try encodeList(page, list: list, request: request, representation: representation)
        case .statement:
            let id = try parameters.get("id", as: String.self)
            return try single(query, try data.statements.statement(id: id), missing: "No statement has the id '\(id)'.")
        case .regions:
            let list = try ListQueryParser(spec: .regions).parse(query)
            let page = try data.regions.regions(RegionQuery(
                kinds: list.values("kind").compactMap(RegionKind.init(rawValue:)), states: list.values("state"),
                sort: try sort(list), limit: list.limit, position: try position(list)))
            return try encodeList(page, list: list, request: request, representation: representation)
        case .region:
            let id = try parameters.get("id", as: String.self)
            return try single(query, try data.regions.region(id: id), missing: "No region has the id '\(id)'.")
        case .people:
            let list = try ListQueryParser(spec: .people).parse(query)
            let page = try data.people.people(PersonQuery(
                states: list.values("state"), organizations: list.values("organization"),
                sort: try sort(list), limit: list.limit, position: try position(list)))
            return try encodeList(page, list: list, request: request, representation: representation)
        case .person:
            let id = try parameters.get("id", as: String.self)
            return try single(query, try data.people.person(id: id), missing: "No person has the id '\(id)'.")
        case .organizations:
            let list = try ListQueryParser(spec: .organizations).parse(query)
            let page = try data.organizations.organizations(OrganizationQuery(
                kinds: list.values("kind").compactMap(OrganizationKind.init(rawValue:)),
                sort: try sort(list), limit: list.limit, position: try position(list)))
            return try encodeList(page, list: list, request: request, representation: representation)
        case .sources:
            let list = try ListQueryParser(spec: .sources).parse(query)
            let page = try data.sources.sources(SourceQuery(sort: try sort(list), limit: list.limit, position: try position(list)))
            return try encodeList(page, list: list, request: request, representation: representation)
        case .source:
            let id = try parameters.get("id", as: String.self)
            return try single(query, try data.sources.source(id: id), missing: "No source has the id '\(id)'.")
        case .search:
            let list = try ListQueryParser(spec: .search).parse(query)
            guard let text = query.first("q"), !text.trimmingSpaces().isEmpty else {
                throw APIError.badParameter(name: "q", detail: "is required: the words to search for (prefix terms like secur* work).")
            }
            let page: Page<SearchHit>
            do {
                page = try data.search.search(SearchQuery(
                    text: text, kinds: list.values("type").compactMap(SearchKind.init(rawValue:)),
                    limit: list.limit, position: try position(list)))
            } catch let error as SearchError {
                throw APIError.badParameter(name: "q", detail: error.description)
            }
            let hits = page.map(SearchHitRecord.init)
            return try encodeList(hits, list: list, request: request, representation: representation)
        default:
            throw APIError.notFound(detail: "There is no resource at '\(request.path)'.")
        }
    }

    /// The loop's dataset reader, opened on first use. The requests of one wake-up of the loop
    /// share a read transaction (ended in `didProcessEvents`, and whenever a commit moves the
    /// data version: `DatasetReader.shareTransactions`).
    func dataset() throws(APIError) -> DatasetReader {
        if let openedDataset { return openedDataset }
        let reader = DatasetReader(connection: try reader())
        let database = service.database
        reader.shareTransactions { database.dataVersion }
        openedDataset = reader
        return reader
    }

    /// One record as JSON, or a 404 problem.
    private func single<Record: APIRecord>(_ query: QueryParameters, _ record: Record?, missing: String) throws -> HTTPResponse {
        let fields = try SingleQuery.parseFields(query, fieldNames: Record.fieldNames)
        guard let record else { throw APIError.notFound(detail: missing) }
        var json = JSONWriter(capacity: 2048)
        record.write(to: &json, fields: fields)
        return Self.json(json.bytes)
    }

    /// The repository's sort for a parsed `sort=`.
    private func sort<Field: ListSortField>(_ list: ListQuery) throws(APIError) -> ListSort<Field> {
        var keys: [ListSort<Field>.Key] = []
        for key in list.sort {
            guard let field = Field(rawValue: key.field) else {
                throw .badParameter(name: "sort", detail: "'\(key.field)' is not sortable here.")
            }
            keys.append(.init(field, descending: key.isDescending))
        }
        return keys.isEmpty ? ListSort<Field>([]) : ListSort(keys)
    }

    /// The repository's position for a `cursor=`; a malformed one is a 400 naming `cursor`.
    private func position(_ list: ListQuery) throws(APIError) -> ListPosition? {
        guard let cursor = list.cursor else { return nil }
        return try CursorCodec.decode(cursor)
    }
}
