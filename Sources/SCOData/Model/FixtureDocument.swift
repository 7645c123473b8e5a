/// The whole dataset as one JSON document: what the fixture holds and what export writes.
public struct FixtureDocument: Codable, Sendable, Equatable {
    /// The format this code writes. Format 2 gave every date `earliest`, `latest` and `basis`,
    /// every quote its position, every event's party its part, made a statement's `respondsTo`
    /// a list, and added `quantities`.
    public static let currentFormatVersion = 2
    /// The formats this code reads: a format-1 document is converted as it loads (each date's
    /// bounds and basis derived from its value, precision and phrase, `HistoricalDate`; each
    /// `respondsTo` made a list, `FixtureUpgrade`).
    public static let readableFormatVersions: ClosedRange<Int> = 1...2

    public var formatVersion: Int
    public var sources: [Source]
    public var organizations: [Organization]
    public var summit: Summit
    /// JSON key `states`: every state the source names.
    public var states: [State]
    public var people: [Person]
    public var regions: [Region]
    public var declaration: Declaration
    public var clauses: [Clause]
    public var events: [TimelineEvent]
    public var statements: [Statement]
    /// The numbers the report gives, structured (empty in a format-1 document).
    public var quantities: [Quantity]

    public init(
        formatVersion: Int = FixtureDocument.currentFormatVersion, sources: [Source], organizations: [Organization],
        summit: Summit, states: [State], people: [Person], regions: [Region], declaration: Declaration,
        clauses: [Clause], events: [TimelineEvent], statements: [Statement], quantities: [Quantity] = []
    ) {
        self.formatVersion = formatVersion
        self.sources = sources
        self.organizations = organizations
        self.summit = summit
        self.states = states
        self.people = people
        self.regions = regions
        self.declaration = declaration
        self.clauses = clauses
        self.events = events
        self.statements = statements
        self.quantities = quantities
    }
}
