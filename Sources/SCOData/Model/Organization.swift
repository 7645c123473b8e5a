/// A body that acts or speaks in the source: the SCO itself, the OSCE, the Kremlin, "the West"…
public struct Organization: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var abbreviation: String?
    public var kind: OrganizationKind
    public var founded: HistoricalDate?
    /// Why it exists, in the source's words where it gives them.
    public var purpose: String?
    /// The alpha-2 code of the state it belongs to, for government bodies.
    public var stateCode: String?
    public var notes: [Note]
    public var note: String?
    public var sources: [SourceQuote]

    public init(
        id: String, name: String, abbreviation: String? = nil, kind: OrganizationKind,
        founded: HistoricalDate? = nil, purpose: String? = nil, stateCode: String? = nil,
        notes: [Note] = [], note: String? = nil, sources: [SourceQuote]
    ) {
        self.id = id
        self.name = name
        self.abbreviation = abbreviation
        self.kind = kind
        self.founded = founded
        self.purpose = purpose
        self.stateCode = stateCode
        self.notes = notes
        self.note = note
        self.sources = sources
    }
}
