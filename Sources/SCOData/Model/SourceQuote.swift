/// A quotation that backs a record: an exact substring of the text of the source it names, and
/// where in that text it stands.
///
/// `start` and `end` are offsets in Unicode code points from the start of the source's text,
/// `end` exclusive: a W3C Web Annotation TextPositionSelector. They say which occurrence is
/// meant when the words occur more than once. A quote read without them (a format-1 fixture, a
/// write that leaves them out) has them filled in when it occurs exactly once; more often, they
/// must be given (`QuotePositions`).
public struct SourceQuote: Codable, Sendable, Equatable, Hashable {
    /// The id of a `Source` in the same document.
    public var sourceId: String
    /// Byte-for-byte the source's wording, typos included (e.g. "EkaTkeshelashvili").
    public var quote: String
    /// The first code point of `quote` in the source's text.
    public var start: Int?
    /// The code point after the last of `quote`.
    public var end: Int?

    public init(sourceId: String, quote: String, start: Int? = nil, end: Int? = nil) {
        self.sourceId = sourceId
        self.quote = quote
        self.start = start
        self.end = end
    }
}
