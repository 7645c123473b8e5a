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

    static func quotes(_ text: String) throws(ShapeError) -> [SourceQuote] {
        try elements(of: text).map { element throws(ShapeError) in try quote(element) }
    }

    static func notes(_ text: String) throws(ShapeError) -> [Note] {
        try elements(of: text).map { element throws(ShapeError) in
            guard case .string(let noteText) = element["text"], case .array(let sources) = element["sources"] else {
                throw ShapeError(detail: "a note is not {text, sources}")
            }
            return Note(text: noteText, sources: try sources.map { source throws(ShapeError) in try quote(source) })
        }
    }

    static func strings(_ text: String) throws(ShapeError) -> [String] {
        try elements(of: text).map { element throws(ShapeError) in
            guard case .string(let string) = element else { throw ShapeError(detail: "an element is not a string") }
            return string
        }
    }

    private static func quote(_ value: JSONValue) throws(ShapeError) -> SourceQuote {
        guard case .string(let sourceId) = value["sourceId"], case .string(let quote) = value["quote"] else {
            throw ShapeError(detail: "a quote is not {sourceId, quote}")
        }
        return SourceQuote(sourceId: sourceId, quote: quote, start: position(value["start"]), end: position(value["end"]))
    }

    private static func position(_ value: JSONValue?) -> Int? {
        guard case .number(let text)? = value else { return nil }
        return Int(text)
    }

    private static func elements(of text: String) throws(ShapeError) -> [JSONValue] {
        switch JSONParser.parse(Array(text.utf8)) {
        case .success(.array(let elements)): return elements
        case .success(let other): throw ShapeError(detail: "expected a JSON array, found \(other.typeName)")
        case .failure(let error): throw ShapeError(detail: "not JSON: \(error.message)")
        }
    }
}
