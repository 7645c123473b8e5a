/// How many records of each kind a dataset holds.
public struct RecordCounts: Sendable, Hashable, CustomStringConvertible {
    public var sources: Int
    public var organizations: Int
    public var summits: Int
    public var states: Int
    public var people: Int
    public var regions: Int
    public var declarations: Int
    public var clauses: Int
    public var events: Int
    public var statements: Int

    /// The counts of a document's records.
    public init(_ document: FixtureDocument) {
        sources = document.sources.count
        organizations = document.organizations.count
        summits = 1
        states = document.states.count
        people = document.people.count
        regions = document.regions.count
        declarations = 1
        clauses = document.clauses.count
        events = document.events.count
        statements = document.statements.count
    }

    /// Each kind with its count, in the document's order, named as the fixture's keys are.
    public var byKind: [(kind: String, count: Int)] {
        [("sources", sources), ("organizations", organizations), ("summits", summits), ("states", states),
         ("people", people), ("regions", regions), ("declarations", declarations), ("clauses", clauses),
         ("events", events), ("statements", statements)]
    }

    /// `1 sources, 11 organizations, …`.
    public var description: String {
        byKind.map { "\($0.count) \($0.kind)" }.joined(separator: ", ")
    }
}
