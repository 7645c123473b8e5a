/// Where quotes stand in their sources' texts, in Unicode code points (W3C TextPositionSelector).
public enum QuotePositions {
    /// Every place `quote` occurs in `text` (UTF-8), as code point ranges, in order; overlapping
    /// occurrences count.
    public static func occurrences(of quote: String, in text: [UInt8]) -> [Range<Int>] {
        let needle = Array(quote.utf8)
        guard let first = needle.first, needle.count <= text.count else { return [] }
        let length = quote.unicodeScalars.count
        var found: [Range<Int>] = []
        var scalars = 0
        var index = 0
        while index <= text.count - needle.count {
            if text[index] == first, text[index..<(index + needle.count)].elementsEqual(needle) {
                found.append(scalars..<(scalars + length))
            }
            if !isContinuation(text[index]) { scalars += 1 }
            index += 1
        }
        return found
    }

    /// Whether `text[start..<end]`, in code points, is `quote`.
    public static func holds(_ quote: String, at start: Int, _ end: Int, in text: [UInt8]) -> Bool {
        guard start >= 0, end >= start, let from = byteOffset(ofScalar: start, in: text),
              let to = byteOffset(ofScalar: end, in: text)
        else { return false }
        return text[from..<to].elementsEqual(quote.utf8)
    }

    /// `quotes` with the positions of those that lack them filled in, where the quote occurs
    /// exactly once in its source's text.
    public static func filled(_ quotes: [SourceQuote], texts: [String: [UInt8]]) -> [SourceQuote] {
        quotes.map { quote in
            guard quote.start == nil, quote.end == nil, let text = texts[quote.sourceId],
                  let only = onlyOccurrence(of: quote.quote, in: text)
            else { return quote }
            return SourceQuote(sourceId: quote.sourceId, quote: quote.quote, start: only.lowerBound, end: only.upperBound)
        }
    }

    /// Where `quote` stands in `text` when it occurs there exactly once.
    private static func onlyOccurrence(of quote: String, in text: [UInt8]) -> Range<Int>? {
        let found = occurrences(of: quote, in: text)
        return found.count == 1 ? found[0] : nil
    }

    /// A document tree with `start` and `end` added to every `{sourceId, quote}` object that
    /// lacks both and whose quote occurs exactly once in its source, whose text is taken from
    /// the tree's own `sources`; anything else as it is, for the checks to report.
    static func filled(_ tree: JSONValue) -> JSONValue {
        guard case .object(let members) = tree,
              case .array(let sources)? = members.first(where: { $0.key == "sources" })?.value
        else { return tree }
        var texts: [String: [UInt8]] = [:]
        for source in sources {
            if case .string(let id)? = source["id"], case .string(let text)? = source["text"] { texts[id] = Array(text.utf8) }
        }
        return fill(tree, texts: texts)
    }

    private static func fill(_ value: JSONValue, texts: [String: [UInt8]]) -> JSONValue {
        switch value {
        case .array(let elements):
            return .array(elements.map { fill($0, texts: texts) })
        case .object(let members):
            if case .string(let sourceId)? = value["sourceId"], case .string(let quote)? = value["quote"],
               value["start"] == nil, value["end"] == nil, let text = texts[sourceId] {
                guard let only = onlyOccurrence(of: quote, in: text) else { return value }
                return .object(members + [
                    JSONMember(key: "start", value: .number(String(only.lowerBound))),
                    JSONMember(key: "end", value: .number(String(only.upperBound))),
                ])
            }
            return .object(members.map { JSONMember(key: $0.key, value: fill($0.value, texts: texts)) })
        default:
            return value
        }
    }

    private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// The byte offset of code point `scalar` (`text.count` for the end), or nil past the end.
    private static func byteOffset(ofScalar scalar: Int, in text: [UInt8]) -> Int? {
        var scalars = 0
        for index in text.indices where !isContinuation(text[index]) {
            if scalars == scalar { return index }
            scalars += 1
        }
        return scalars == scalar ? text.count : nil
    }
}
