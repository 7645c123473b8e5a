/// Something someone said, claimed or denied, as the source reports it; the dataset gives no verdict.
public struct Statement: Codable, Sendable, Equatable {
    public var id: String
    /// The id of a person, organization, state (alpha-2) or region (South Ossetia "claimed").
    public var speakerId: String
    /// The speaker's role as the source gives it when speaking.
    public var speakerRole: String?
    public var date: HistoricalDate
    /// Where it was said, as the source names it.
    public var place: String?
    /// The `Region` id of `place`.
    public var regionId: String?
    /// The organization it was said at or on (the OSCE, Ekho Moskvy radio).
    public var venueId: String?
    /// The organization the source credits with reporting it (RIA-Novosti).
    public var reportedById: String?
    public var kind: StatementKind
    /// An exact substring of a source: the speaker's words when `isDirectQuote`, else the source's report of them.
    public var quote: String
    /// Whether the source puts `quote` in quotation marks as the speaker's own words.
    public var isDirectQuote: Bool
    /// The statement this one answers; a denial names what it denies.
    public var respondsTo: String?
    public var summary: String
    /// Ids of whatever the statement is about: states, people, organizations, regions, events…
    public var about: [String]
    public var note: String?
    public var sources: [SourceQuote]

    public init(
        id: String, speakerId: String, speakerRole: String? = nil, date: HistoricalDate, place: String? = nil,
        regionId: String? = nil, venueId: String? = nil, reportedById: String? = nil, kind: StatementKind,
        quote: String, isDirectQuote: Bool, respondsTo: String? = nil, summary: String, about: [String] = [],
        note: String? = nil, sources: [SourceQuote]
    ) {
        self.id = id
        self.speakerId = speakerId
        self.speakerRole = speakerRole
        self.date = date
        self.place = place
        self.regionId = regionId
        self.venueId = venueId
        self.reportedById = reportedById
        self.kind = kind
        self.quote = quote
        self.isDirectQuote = isDirectQuote
        self.respondsTo = respondsTo
        self.summary = summary
        self.about = about
        self.note = note
        self.sources = sources
    }
}
