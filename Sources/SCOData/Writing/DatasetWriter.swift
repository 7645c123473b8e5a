import SQLiteStore

/// Edits the dataset one record at a time, each edit with its entry in the change log.
///
/// Made inside `Database.write { connection in … }` on the writer connection, so an edit and its
/// `changes` row commit together or not at all: a write that throws (a refused delete, a
/// source text that would orphan quotes, a constraint) leaves neither. `representation` turns a
/// record into the bytes the read API serves for it; the log stores exactly those, so a
/// change's `before` is what a client last saw and its ETag can be recomputed from it.
public struct DatasetWriter: DatasetEditor {
    public let connection: SQLiteConnection
    /// The name of the token the edits are made with, for the log (never the secret).
    public let tokenName: String
    private let representation: (WritableRecord) -> [UInt8]

    public init(connection: SQLiteConnection, tokenName: String, representation: @escaping (WritableRecord) -> [UInt8]) {
        self.connection = connection
        self.tokenName = tokenName
        self.representation = representation
    }

    /// The stored record of `kind` with `id`, or nil.
    public func record(_ kind: RecordKind, id: String) throws -> WritableRecord? {
        try RecordStore(connection: connection).record(kind, id: id)
    }

    /// The record `body` describes, checked as the fixture validator checks a fixture's records
    /// (see `RecordValidator`); throws `WriteError.invalid` listing every problem, or `.idTaken`.
    /// What the store keeps itself (a statement's `respondedBy` and `isDisputed`) is taken from
    /// the stored record, so the record is as GET will serve it.
    public func validate(_ body: JSONValue, as kind: RecordKind) throws -> WritableRecord {
        let record = try RecordValidator(connection: connection).validate(body, as: kind)
        guard case .statement(var statement) = record,
              case .statement(let stored)? = try RecordStore(connection: connection).record(.statement, id: statement.id)
        else { return record }
        statement.respondedBy = stored.respondedBy
        statement.isDisputed = stored.isDisputed
        return .statement(statement)
    }

    /// Inserts a new record; `.idTaken` if a record of any kind has its id.
    @discardableResult
    public func create(_ record: WritableRecord) throws -> Change {
        let id = record.id
        if let kind = try IdentifierLookup(connection: connection).kinds(of: [id])[id] {
            throw WriteError.idTaken(id: id, kind: kind.rawValue)
        }
        try RecordStore(connection: connection).insert(record)
        return try log(.create, record.kind, id: id, before: nil, after: record)
    }

    /// Replaces `current` by `record` (same kind, same id): `.replace` for PUT, `.update` for PATCH.
    ///
    /// A source whose text changes is checked against every quote of it: the whole dataset is
    /// validated after the update, inside the transaction, and `.quotesWouldBreak` names what
    /// would no longer be found (rolled back with the rest).
    @discardableResult
    public func replace(_ current: WritableRecord, with record: WritableRecord, as operation: ChangeOperation = .replace) throws -> Change {
        precondition(current.kind == record.kind && current.id == record.id, "a replacement keeps its kind and id")
        precondition(operation == .replace || operation == .update, "a replacement is logged as replace or update")
        try RecordStore(connection: connection).update(record)
        if case .source(let old) = current, case .source(let new) = record, old.text != new.text {
            let document = try Exporter.export(from: connection)
            let problems = FixtureValidator.problems(in: document)
            if !problems.isEmpty { throw WriteError.quotesWouldBreak(problems.map { Self.place($0, in: document) }) }
        }
        return try log(operation, record.kind, id: record.id, before: current, after: record)
    }

    /// Deletes `current`; `.referenced` while other records name it.
    @discardableResult
    public func delete(_ current: WritableRecord) throws -> Change {
        let referrers = try ReferenceFinder(connection: connection).referrers(of: current.kind, id: current.id)
        guard referrers.isEmpty else { throw WriteError.referenced(id: current.id, by: referrers) }
        try RecordStore(connection: connection).delete(current.kind, id: current.id)
        return try log(.delete, current.kind, id: current.id, before: current, after: nil)
    }

    /// A new id made from `text` (see `Slug`; at most 60 characters) that no record of any kind
    /// has: the slug, or the slug with `-2`, `-3`… appended.
    public func newID(for kind: RecordKind, from text: String) throws -> String {
        let base = Slug.make(from: text, fallback: kind.rawValue, maximumLength: 60)
        let lookup = IdentifierLookup(connection: connection)
        var candidate = base
        var suffix = 1
        while try !lookup.kinds(of: [candidate]).isEmpty {
            suffix += 1
            candidate = "\(base)-\(suffix)"
        }
        return candidate
    }

    /// The newest change-log entry about one record, or nil.
    public func lastChange(_ kind: RecordKind, id: String) throws -> Change? {
        try ChangeLog.last(kind, id: id, on: connection)
    }

    public func sequence() throws -> Int {
        try ChangeLog.latestSeq(on: connection)
    }

    public func storedAnswer(key: String) throws -> StoredAnswer? {
        try IdempotencyKeys.answer(tokenName: tokenName, key: key, on: connection)
    }

    public func keep(_ answer: StoredAnswer, key: String) throws {
        try IdempotencyKeys.keep(answer, tokenName: tokenName, key: key, on: connection)
    }

    /// Where a problem of an exported document lies, as a record and a pointer into it:
    /// `organization 'sco' (/sources/0/quote)`.
    static func place(_ problem: FixtureProblem, in document: FixtureDocument) -> String {
        let components = problem.path.components
        guard case .key(let list)? = components.first else { return problem.description }
        var record: String?
        var depth = 1
        if case .index(let index)? = components.dropFirst().first {
            depth = 2
            record = switch list {
            case "sources": document.sources.indices.contains(index) ? "source '\(document.sources[index].id)'" : nil
            case "organizations": document.organizations.indices.contains(index) ? "organization '\(document.organizations[index].id)'" : nil
            case "states": document.states.indices.contains(index) ? "state '\(document.states[index].code)'" : nil
            case "people": document.people.indices.contains(index) ? "person '\(document.people[index].id)'" : nil
            case "regions": document.regions.indices.contains(index) ? "region '\(document.regions[index].id)'" : nil
            case "clauses": document.clauses.indices.contains(index) ? "clause '\(document.clauses[index].id)'" : nil
            case "events": document.events.indices.contains(index) ? "event '\(document.events[index].id)'" : nil
            case "statements": document.statements.indices.contains(index) ? "statement '\(document.statements[index].id)'" : nil
            default: nil
            }
        } else if list == "summit" || list == "declaration" {
            record = list == "summit" ? "summit '\(document.summit.id)'" : "declaration '\(document.declaration.id)'"
        }
        guard let record else { return problem.description }
        return "\(record) (\(WriteProblem.pointer(components.dropFirst(depth))))"
    }

    private func log(
        _ operation: ChangeOperation, _ kind: RecordKind, id: String, before: WritableRecord?, after: WritableRecord?
    ) throws -> Change {
        try ChangeLog.append(
            operation, kind: kind, id: id, tokenName: tokenName, before: before.map(text), after: after.map(text),
            on: connection)
    }

    private func text(_ record: WritableRecord) -> String {
        String(decoding: representation(record), as: UTF8.self)
    }
}
