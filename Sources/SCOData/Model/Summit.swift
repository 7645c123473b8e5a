/// The summit the dataset is about: where, when, who hosted it, and what it adopted.
public struct Summit: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var organizationId: String
    /// The place as the source names it ("Dushanbe").
    public var place: String
    /// The `Region` id of the place.
    public var placeId: String?
    /// The alpha-2 code of the country the summit was held in.
    public var countryCode: String?
    /// The alpha-2 code of the host state.
    public var hostStateCode: String?
    public var date: HistoricalDate
    public var declarationId: String?
    public var notes: [Note]
    /// Editorial remarks, such as which fields are inferred.
    public var note: String?
    public var sources: [SourceQuote]
    /// The timeline events that are this same act (their `sameAs` names it). Kept by the
    /// store, never written in a fixture.
    public var events: [String] = []

    private enum CodingKeys: String, CodingKey {
        case id, name, organizationId, place, placeId, countryCode, hostStateCode, date, declarationId, notes, note, sources
    }

    public init(
        id: String, name: String, organizationId: String, place: String, placeId: String? = nil,
        countryCode: String? = nil, hostStateCode: String? = nil, date: HistoricalDate,
        declarationId: String? = nil, notes: [Note] = [], note: String? = nil, sources: [SourceQuote]
    ) {
        self.id = id
        self.name = name
        self.organizationId = organizationId
        self.place = place
        self.placeId = placeId
        self.countryCode = countryCode
        self.hostStateCode = hostStateCode
        self.date = date
        self.declarationId = declarationId
        self.notes = notes
        self.note = note
        self.sources = sources
    }
}
