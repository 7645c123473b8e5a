/// A published text the dataset quotes; every record's quotes are substrings of some source's `text`.
public struct Source: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var publisher: String
    /// The news agency the report comes from, when it is known.
    public var agency: String?
    /// ISO 8601 day, `YYYY-MM-DD`.
    public var publishedOn: String
    /// BCP 47 language tag, e.g. "en".
    public var language: String
    public var note: String?
    /// The whole text, byte-exact; quotes are checked against it.
    public var text: String

    public init(
        id: String, title: String, publisher: String, agency: String? = nil, publishedOn: String,
        language: String, note: String? = nil, text: String
    ) {
        self.id = id
        self.title = title
        self.publisher = publisher
        self.agency = agency
        self.publishedOn = publishedOn
        self.language = language
        self.note = note
        self.text = text
    }
}
