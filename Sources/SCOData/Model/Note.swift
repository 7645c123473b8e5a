/// A sourced fact about a record, in our words, backed by one or more quotes.
public struct Note: Codable, Sendable, Equatable {
    public var text: String
    public var sources: [SourceQuote]

    public init(text: String, sources: [SourceQuote]) {
        self.text = text
        self.sources = sources
    }
}
