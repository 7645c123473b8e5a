/// A passage of the declaration that the source quotes verbatim.
public struct Clause: Codable, Sendable, Equatable {
    public var id: String
    public var declarationId: String
    /// 1-based, in the order the source quotes the passages (the declaration's own order is unknown).
    public var position: Int
    /// The passage, verbatim: a substring of one of the clause's sources.
    public var text: String
    /// Topic slugs the passage addresses ("territorial-integrity", "use-of-force").
    public var addresses: [String]
    public var summary: String
    public var note: String?
    public var sources: [SourceQuote]

    public init(
        id: String, declarationId: String, position: Int, text: String, addresses: [String],
        summary: String, note: String? = nil, sources: [SourceQuote]
    ) {
        self.id = id
        self.declarationId = declarationId
        self.position = position
        self.text = text
        self.addresses = addresses
        self.summary = summary
        self.note = note
        self.sources = sources
    }
}
