/// The JSON text columns (`sources`, `notes`, `addresses`): written and read with the module's
/// own JSON parser and serializer, not `JSONDecoder`, because reading them is on the hot path of
/// every list (a page of 50 events parses 50 `sources` arrays).
///
/// Shapes, compact and with members in this order: quotes `[{"sourceId":…,"quote":…,"start":…,"end":…}]`, notes
/// `[{"text":…,"sources":[quotes]}]`, string lists `["…"]`.
enum StoredJSON {
    /// A problem reading a column, described for `DatasetError.corruptValue`.
    struct ShapeError: Error {
        let detail: String
    }

    // MARK: Writing

    static func text(_ quotes: [SourceQuote]) -> String {
        serialize(.array(quotes.map(value)))
    }

    static func text(_ notes: [Note]) -> String {
        serialize(.array(notes.map { note in
            .object([JSONMember(key: "text", value: .string(note.text)),
                     JSONMember(key: "sources", value: .array(note.sources.map(value)))])
        }))
    }

    static func text(strings: [String]) -> String {
        serialize(.array(strings.map(JSONValue.string)))
    }

    private static func value(_ quote: SourceQuote) -> JSONValue {
        var members = [JSONMember(key: "sourceId", value: .string(quote.sourceId)), JSONMember(key: "quote", value: .string(quote.quote))]
        if let start = quote.start { members.append(JSONMember(key: "start", value: .number(String(start)))) }
        if let end = quote.end { members.append(JSONMember(key: "end", value: .number(String(end)))) }
        return .object(members)
    }

    private static func serialize(_ value: JSONValue) -> String {
        String(decoding: value.serialized(), as: UTF8.self)
    }

    // MARK: Reading

    // Each column is read token by token into the model (`JSONParser.read`), with no
    // `JSONValue` tree between: the quotes and notes of every record on an uncached page are
    // read on every request.

    static func quotes(_ bytes: [UInt8]) throws(ShapeError) -> [SourceQuote] {
        try read(bytes) { parser throws(JSONSyntaxError) in
            var quotes: [SourceQuote] = []
            try parser.readArray { parser throws(JSONSyntaxError) in quotes.append(try quote(&parser)) }
            return quotes
        }
    }

    static func notes(_ bytes: [UInt8]) throws(ShapeError) -> [Note] {
        try read(bytes) { parser throws(JSONSyntaxError) in
            var notes: [Note] = []
            try parser.readArray { parser throws(JSONSyntaxError) in
                var text: String?
                var sources: [SourceQuote]?
                var seen: (text: Bool, sources: Bool) = (false, false)
                try parser.readObject(names: noteNames) { parser, name throws(JSONSyntaxError) in
                    // The first of repeated names counts, as a lookup by name finds it.
                    switch name {
                    case 0 where !seen.text:
                        seen.text = true
                        text = try parser.readStringIfAny()
                    case 1 where !seen.sources:
                        seen.sources = true
                        guard parser.peekIsArray else { return try parser.skipValue() }
                        var quotes: [SourceQuote] = []
                        try parser.readArray { parser throws(JSONSyntaxError) in quotes.append(try quote(&parser)) }
                        sources = quotes
                    default: try parser.skipValue()
                    }
                }
                guard let text, let sources else { throw parser.error(Self.notNote) }
                notes.append(Note(text: text, sources: sources))
            }
            return notes
        }
    }

    static func strings(_ bytes: [UInt8]) throws(ShapeError) -> [String] {
        try read(bytes) { parser throws(JSONSyntaxError) in
            var strings: [String] = []
            try parser.readArray { parser throws(JSONSyntaxError) in
                guard let string = try parser.readStringIfAny() else { throw parser.error(Self.notString) }
                strings.append(string)
            }
            return strings
        }
    }

    private static func quote(_ parser: inout JSONParser) throws(JSONSyntaxError) -> SourceQuote {
        guard parser.peekIsObject else { throw parser.error(notQuote) }
        var sourceId: String?
        var quote: String?
        var start: Int?
        var end: Int?
        var seen: (sourceId: Bool, quote: Bool, start: Bool, end: Bool) = (false, false, false, false)
        try parser.readObject(names: quoteNames) { parser, name throws(JSONSyntaxError) in
            // The first of repeated names counts, as a lookup by name finds it.
            switch name {
            case 0 where !seen.sourceId: seen.sourceId = true; sourceId = try parser.readStringIfAny()
            case 1 where !seen.quote: seen.quote = true; quote = try parser.readStringIfAny()
            case 2 where !seen.start: seen.start = true; start = try parser.readIntIfAny()
            case 3 where !seen.end: seen.end = true; end = try parser.readIntIfAny()
            default: try parser.skipValue()
            }
        }
        guard let sourceId, let quote else { throw parser.error(notQuote) }
        return SourceQuote(sourceId: sourceId, quote: quote, start: start, end: end)
    }

    private static let quoteNames = MemberNames("sourceId", "quote", "start", "end")
    private static let noteNames = MemberNames("text", "sources")

    private static let notQuote = "a quote is not {sourceId, quote}"
    private static let notNote = "a note is not {text, sources}"
    private static let notString = "an element is not a string"

    /// Runs `body` over `bytes`, which must hold an array; what does not fit is described by
    /// where and why reading stopped.
    private static func read<T>(_ bytes: [UInt8], _ body: (inout JSONParser) throws(JSONSyntaxError) -> T) throws(ShapeError) -> T {
        do {
            return try JSONParser.read(bytes) { parser throws(JSONSyntaxError) in
                guard parser.peekIsArray else { throw parser.error("expected a JSON array") }
                return try body(&parser)
            }
        } catch {
            throw ShapeError(detail: "\(error.message) (line \(error.line), column \(error.column))")
        }
    }
}
