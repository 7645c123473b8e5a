/// A place: a separatist region, a city, a coast; nested through `parentId` and `capitalId`.
public struct Region: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var kind: RegionKind
    /// The alpha-2 code of the state it lies in, when the source lets us say.
    public var stateCode: String?
    /// The region this one lies in (Tskhinvali in South Ossetia).
    public var parentId: String?
    /// This region's capital (South Ossetia's is Tskhinvali).
    public var capitalId: String?
    public var notes: [Note]
    public var note: String?
    public var sources: [SourceQuote]

    public init(
        id: String, name: String, kind: RegionKind, stateCode: String? = nil, parentId: String? = nil,
        capitalId: String? = nil, notes: [Note] = [], note: String? = nil, sources: [SourceQuote]
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.stateCode = stateCode
        self.parentId = parentId
        self.capitalId = capitalId
        self.notes = notes
        self.note = note
        self.sources = sources
    }
}
