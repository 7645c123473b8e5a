/// The kinds of record the write API edits: timeline events, statements, declaration clauses
/// and sources. The other records (states, people, the summit…) are read-only.
public enum RecordKind: String, Sendable, CaseIterable {
    case event
    case statement
    case clause
    case source

    /// The table that holds the kind's records.
    var table: String {
        switch self {
        case .event: "events"
        case .statement: "statements"
        case .clause: "clauses"
        case .source: "sources"
        }
    }

    /// The kind's list in a fixture document, where validation paths start (`$.events[0]`).
    var listKey: String { table }

    /// The kind in the fixture validator's identifier index.
    var identifierKind: IdentifierIndex.Kind {
        switch self {
        case .event: .event
        case .statement: .statement
        case .clause: .clause
        case .source: .source
        }
    }

    /// Members that GET serves but the store keeps itself (a statement's `respondedBy`, read
    /// from the other statements' `respondsTo`, `disputed`, and `participants`, read from the
    /// speaker, the venue and `about`; an event's `actors`, the ids of its `participants`): a
    /// body may carry them back, as read, and they are ignored.
    package var readOnlyFieldNames: Set<String> {
        switch self {
        case .statement: ["respondedBy", "disputed", "participants"]
        case .event: ["actors"]
        case .clause, .source: []
        }
    }

    /// The structure a record of this kind must have: the fixture's own schema.
    var shape: JSONShape {
        switch self {
        case .event: FixtureSchema.event
        case .statement: FixtureSchema.statement
        case .clause: FixtureSchema.clause
        case .source: FixtureSchema.source
        }
    }

    /// Every member a body may have: the schema's and the read-only ones.
    var fieldNames: Set<String> {
        guard case .object(let fields) = shape else { return readOnlyFieldNames }
        return Set(fields.map(\.name)).union(readOnlyFieldNames)
    }

    /// A problem for each member of a merge patch that no record of this kind has, with its
    /// pointer, as the validator reports an unknown member of a body. Needed before the merge:
    /// a patch that removes such a member (`null`) would otherwise merge to a valid record.
    public func unknownMembers(in patch: JSONValue) -> [WriteProblem] {
        guard case .object(let members) = patch else { return [] }
        let base = JSONPath.root.appending(listKey).appending(0)
        return members.map(\.key).filter { !fieldNames.contains($0) }.map { key in
            WriteProblem(FixtureProblem(path: base.appending(key), reason: .unknownField), under: base)
        }
    }

    /// The members a body must have, in the schema's order (`id` among them; the write API fills
    /// it in from the path or the title when it is absent).
    package var requiredFieldNames: [String] {
        guard case .object(let fields) = shape else { return [] }
        return fields.filter(\.isRequired).map(\.name)
    }

    /// The member whose text a new record's id is made from when the body has no `id`.
    package var slugSourceField: String {
        switch self {
        case .event, .source: "title"
        case .statement, .clause: "summary"
        }
    }
}
