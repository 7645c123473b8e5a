import FoundationEssentials

/// The records of a document that decode, each kept with the index it had, so that one broken
/// record hides none of the problems in the others.
struct DecodedRecords {
    /// A record and its index in its list.
    struct Indexed<Record> {
        let index: Int
        let record: Record
    }

    private(set) var formatVersion: Int?
    private(set) var sources: [Indexed<Source>] = []
    private(set) var organizations: [Indexed<Organization>] = []
    private(set) var summit: Summit?
    private(set) var states: [Indexed<State>] = []
    private(set) var people: [Indexed<Person>] = []
    private(set) var regions: [Indexed<Region>] = []
    private(set) var declaration: Declaration?
    private(set) var clauses: [Indexed<Clause>] = []
    private(set) var events: [Indexed<TimelineEvent>] = []
    private(set) var statements: [Indexed<Statement>] = []
    private(set) var quantities: [Indexed<Quantity>] = []
    /// Whether every list element and object decoded.
    private(set) var isComplete = true

    init(_ tree: JSONValue, report: inout ProblemReport) {
        let root = JSONPath.root
        formatVersion = decode(Int.self, tree["formatVersion"], at: root.appending("formatVersion"), report: &report)
        sources = decodeList(tree, "sources", report: &report)
        organizations = decodeList(tree, "organizations", report: &report)
        summit = decode(Summit.self, tree["summit"], at: root.appending("summit"), report: &report)
        states = decodeList(tree, "states", report: &report)
        people = decodeList(tree, "people", report: &report)
        regions = decodeList(tree, "regions", report: &report)
        declaration = decode(Declaration.self, tree["declaration"], at: root.appending("declaration"), report: &report)
        clauses = decodeList(tree, "clauses", report: &report)
        events = decodeList(tree, "events", report: &report)
        statements = decodeList(tree, "statements", report: &report)
        quantities = decodeList(tree, "quantities", report: &report)
    }

    /// The whole document, when every part of it decoded.
    var document: FixtureDocument? {
        guard isComplete, let formatVersion, let summit, let declaration else { return nil }
        return FixtureDocument(
            formatVersion: formatVersion, sources: sources.map(\.record),
            organizations: organizations.map(\.record), summit: summit, states: states.map(\.record),
            people: people.map(\.record), regions: regions.map(\.record), declaration: declaration,
            clauses: clauses.map(\.record), events: events.map(\.record), statements: statements.map(\.record),
            quantities: quantities.map(\.record)
        )
    }

    private mutating func decodeList<Record: Decodable>(
        _ tree: JSONValue, _ key: String, report: inout ProblemReport
    ) -> [Indexed<Record>] {
        guard case .array(let elements) = tree[key] else {
            isComplete = false
            return []
        }
        let path = JSONPath.root.appending(key)
        return elements.enumerated().compactMap { index, element in
            decode(Record.self, element, at: path.appending(index), report: &report).map { Indexed(index: index, record: $0) }
        }
    }

    /// Decodes one value; a failure the structural pass did not already explain is reported.
    private mutating func decode<Value: Decodable>(
        _ type: Value.Type, _ value: JSONValue?, at path: JSONPath, report: inout ProblemReport
    ) -> Value? {
        guard let value, !report.hasProblem(under: path) else {
            isComplete = false
            return nil
        }
        do {
            return try JSONDecoder().decode(Value.self, from: Data(value.serialized()))
        } catch {
            isComplete = false
            let problem = Self.problem(for: error, under: path)
            report.add(problem.path, problem.reason)
            return nil
        }
    }

    /// Maps a `DecodingError`'s coding path onto the document's JSON path.
    static func problem(for error: any Error, under path: JSONPath) -> FixtureProblem {
        guard let error = error as? DecodingError else {
            return FixtureProblem(path: path, reason: .undecodable(String(describing: error)))
        }
        switch error {
        case .keyNotFound(let key, let context):
            return FixtureProblem(path: path.appending(codingPath: context.codingPath + [key]), reason: .missingField)
        case .valueNotFound(let type, let context):
            return FixtureProblem(path: path.appending(codingPath: context.codingPath), reason: .wrongType(expected: "\(type)", found: "null"))
        case .typeMismatch(let type, let context):
            return FixtureProblem(path: path.appending(codingPath: context.codingPath), reason: .wrongType(expected: "\(type)", found: context.debugDescription))
        case .dataCorrupted(let context):
            return FixtureProblem(path: path.appending(codingPath: context.codingPath), reason: .undecodable(context.debugDescription))
        @unknown default:
            return FixtureProblem(path: path, reason: .undecodable(String(describing: error)))
        }
    }
}

extension JSONPath {
    /// This path extended by a `Codable` coding path: integer keys are indexes, others member names.
    func appending(codingPath: [any CodingKey]) -> JSONPath {
        codingPath.reduce(self) { path, key in
            if let index = key.intValue { return path.appending(index) }
            return path.appending(key.stringValue)
        }
    }
}
