/// The joint declaration the summit adopted; its quoted passages are `Clause`s.
public struct Declaration: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var organizationId: String
    public var summitId: String
    public var adoptedOn: HistoricalDate
    public var place: String
    /// How it was endorsed, in a word: "unanimous".
    public var endorsement: String
    public var summary: String
    public var notes: [Note]
    public var note: String?
    public var sources: [SourceQuote]
    /// The timeline events that are this same act (their `sameAs` names it). Kept by the
    /// store, never written in a fixture.
    public var events: [String] = []

    private enum CodingKeys: String, CodingKey {
        case id, title, organizationId, summitId, adoptedOn, place, endorsement, summary, notes, note, sources
    }

    public init(
        id: String, title: String, organizationId: String, summitId: String, adoptedOn: HistoricalDate,
        place: String, endorsement: String, summary: String, notes: [Note] = [], note: String? = nil,
        sources: [SourceQuote]
    ) {
        self.id = id
        self.title = title
        self.organizationId = organizationId
        self.summitId = summitId
        self.adoptedOn = adoptedOn
        self.place = place
        self.endorsement = endorsement
        self.summary = summary
        self.notes = notes
        self.note = note
        self.sources = sources
    }
}
