import SQLiteStore

/// Checks one request body as a record of its kind against the database, with the fixture
/// validator's own rules, and reports every problem at once.
///
/// The body is checked as if it stood at `$.events[0]` (or its kind's list) of a fixture
/// document whose other records are the database's: the structure against `FixtureSchema`
/// (required, unknown and mistyped members, closed sets, empty strings and lists), then the
/// meaning with `RecordChecker` (dates are real, references name records of the right kind,
/// quotes are exact substrings of their source's text, verbatim text is in a cited source, a
/// denial names what it denies). The checker sees an identifier index and source texts read
/// from the database for just the ids the record refers to. Problems come back as RFC 6901
/// pointers into the body.
struct RecordValidator {
    /// Longer ids are refused: an id is a path segment and a log field.
    static let maximumIDLength = 128

    let connection: SQLiteConnection

    /// The record the body describes, or `WriteError.invalid` with every problem, or
    /// `.idTaken` when its id belongs to a record of another kind.
    func validate(_ body: JSONValue, as kind: RecordKind) throws -> WritableRecord {
        var body = body
        var sentActors = false
        if case .object(var members) = body, !kind.readOnlyFieldNames.isEmpty {
            // An event written the first edition's way, with `actors` and no `participants`:
            // each actor takes part as an `actor`.
            if kind == .event, !members.contains(where: { $0.key == "participants" }),
               let actors = members.first(where: { $0.key == "actors" })?.value {
                members.append(JSONMember(key: "participants", value: FixtureUpgrade.participants(fromActors: actors)))
                sentActors = true
            }
            body = .object(members.filter { !kind.readOnlyFieldNames.contains($0.key) })
        }
        let base = JSONPath.root.appending(kind.listKey).appending(0)
        var structure = ProblemReport(limit: FixtureValidator.problemLimit)
        kind.shape.check(body, at: base, into: &structure)
        guard case .object = body else {
            throw WriteError.invalid(structure.problems.map { WriteProblem($0, under: base) })
        }
        var record = Self.decodeLeniently(body, as: kind)
        var meaning = ProblemReport(limit: FixtureValidator.problemLimit)
        var extra: [WriteProblem] = []
        let id = record.id
        if !id.isEmpty, !IdentifierIndex.isSlug(id) {
            meaning.add(base.appending("id"), .malformedId(id, expected: "a lowercase slug (a-z, 0-9, single hyphens)"))
        } else if id.utf8.count > Self.maximumIDLength {
            extra.append(WriteProblem(pointer: "/id", message: "an id is at most \(Self.maximumIDLength) characters"))
        }

        let lookup = IdentifierLookup(connection: connection)
        var known = try lookup.kinds(of: Self.referencedIDs(of: record).union([id]))
        if let existing = known[id], existing != kind.identifierKind {
            throw WriteError.idTaken(id: id, kind: existing.rawValue)
        }
        known[id] = kind.identifierKind
        let cited = Set(Self.quotes(of: record).map(\.sourceId).filter { known[$0] == .source })
        let texts = try lookup.sourceTexts(cited)
        record = record.fillingQuotePositions(texts: texts.mapValues { Array($0.utf8) })
        let checker = RecordChecker(index: Self.index(of: known), records: Self.records(sourceTexts: texts))
        switch record {
        case .event(let event):
            checker.check(event, at: base, into: &meaning)
        case .statement(let statement):
            checker.check(statement, at: base, into: &meaning)
        case .clause(let clause):
            checker.check(clause, at: base, into: &meaning)
            extra += try positionProblems(clause)
        case .source(let source):
            if !HistoricalDate.isWellFormed(source.publishedOn, precision: .day) {
                meaning.add(base.appending("publishedOn"), .malformedDate(source.publishedOn, precision: DatePrecision.day.rawValue))
            }
        }

        let structural = structure.problems
        let problems = structural + meaning.problems.filter { found in
            !structural.contains { $0.path.isPrefix(of: found.path) }
        }
        var reported = problems.map { WriteProblem($0, under: base) }
            + extra.filter { problem in !Self.isCovered(problem.pointer, by: problems, under: base) }
        if sentActors {
            // Problems of the participants made from `actors` point at what was sent.
            reported = reported.map { problem in
                guard problem.pointer.hasPrefix("/participants") else { return problem }
                var pointer = "/actors" + problem.pointer.dropFirst("/participants".count)
                if pointer.hasSuffix("/id") { pointer.removeLast(3) }
                return WriteProblem(pointer: pointer, message: problem.message)
            }
        }
        guard reported.isEmpty else { throw WriteError.invalid(reported) }
        return record
    }

    /// A clause's position: 1 or more, and no other clause of its declaration's.
    private func positionProblems(_ clause: Clause) throws -> [WriteProblem] {
        if clause.position < 1 { return [WriteProblem(pointer: "/position", message: "a position is 1 or more")] }
        let holder = try connection.queryFirst(
            "SELECT id FROM clauses WHERE declaration_id = ? AND position = ? AND id <> ?",
            [.text(clause.declarationId), .int(clause.position), .text(clause.id)]) { try $0.string(0) }
        guard let holder else { return [] }
        return [WriteProblem(pointer: "/position", message: "position \(clause.position) is the clause '\(holder)''s")]
    }

    /// Whether a problem already found is at or above `pointer`.
    private static func isCovered(_ pointer: String, by problems: [FixtureProblem], under base: JSONPath) -> Bool {
        problems.contains { problem in
            let found = WriteProblem(problem, under: base).pointer
            return pointer == found || pointer.hasPrefix(found + "/")
        }
    }

    // MARK: The document the checker sees

    /// An index holding the known ids with their kinds, built the only way `IdentifierIndex`
    /// is built: from a document tree, here one of stub records that carry just their id.
    static func index(of kinds: [String: IdentifierIndex.Kind]) -> IdentifierIndex {
        var lists: [String: [JSONValue]] = [:]
        var members: [JSONMember] = []
        for (id, kind) in kinds.sorted(by: { $0.key < $1.key }) {
            switch kind {
            case .summit, .declaration:
                members.append(JSONMember(key: kind.rawValue, value: .object([JSONMember(key: "id", value: .string(id))])))
            case .state:
                lists["states", default: []].append(.object([JSONMember(key: "code", value: .string(id))]))
            default:
                lists[listKey(of: kind), default: []].append(.object([JSONMember(key: "id", value: .string(id))]))
            }
        }
        members += lists.map { JSONMember(key: $0.key, value: .array($0.value)) }
        var ignored = ProblemReport(limit: 1)
        return IdentifierIndex(.object(members), report: &ignored)
    }

    /// Decoded records holding just these sources, for the checker's source texts.
    static func records(sourceTexts: [String: String]) -> DecodedRecords {
        let sources: [JSONValue] = sourceTexts.sorted(by: { $0.key < $1.key }).map { id, text in
            .object([
                JSONMember(key: "id", value: .string(id)), JSONMember(key: "title", value: .string(id)),
                JSONMember(key: "publisher", value: .string(id)), JSONMember(key: "publishedOn", value: .string("2000-01-01")),
                JSONMember(key: "language", value: .string("en")), JSONMember(key: "text", value: .string(text)),
            ])
        }
        var ignored = ProblemReport(limit: 1)
        return DecodedRecords(.object([JSONMember(key: "sources", value: .array(sources))]), report: &ignored)
    }

    private static func listKey(of kind: IdentifierIndex.Kind) -> String {
        switch kind {
        case .source: "sources"
        case .organization: "organizations"
        case .state: "states"
        case .person: "people"
        case .region: "regions"
        case .summit: "summit"
        case .declaration: "declaration"
        case .clause: "clauses"
        case .event: "events"
        case .statement: "statements"
        case .quantity: "quantities"
        }
    }
}
