/// A person the source names.
public struct Person: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    /// The name exactly as the source prints it, when that differs ("EkaTkeshelashvili").
    public var nameInSource: String?
    /// The title or role the source gives ("Russian President", "analyst").
    public var title: String
    public var stateCode: String?
    public var organizationId: String?
    public var notes: [Note]
    public var note: String?
    public var sources: [SourceQuote]

    public init(
        id: String, name: String, nameInSource: String? = nil, title: String, stateCode: String? = nil,
        organizationId: String? = nil, notes: [Note] = [], note: String? = nil, sources: [SourceQuote]
    ) {
        self.id = id
        self.name = name
        self.nameInSource = nameInSource
        self.title = title
        self.stateCode = stateCode
        self.organizationId = organizationId
        self.notes = notes
        self.note = note
        self.sources = sources
    }
}
