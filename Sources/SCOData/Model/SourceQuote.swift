/// A quotation that backs a record: an exact substring of the text of the source it names.
public struct SourceQuote: Codable, Sendable, Equatable, Hashable {
    /// The id of a `Source` in the same document.
    public var sourceId: String
    /// Byte-for-byte the source's wording, typos included (e.g. "EkaTkeshelashvili").
    public var quote: String

    public init(sourceId: String, quote: String) {
        self.sourceId = sourceId
        self.quote = quote
    }
}
