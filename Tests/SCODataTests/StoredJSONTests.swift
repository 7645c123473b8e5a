import Testing

@testable import SCOData

/// The stored JSON columns (quotes, notes, lists of strings): written, then read token by token.
@Suite struct StoredJSONTests {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func whatIsWrittenIsReadBack() throws {
        let quotes = [
            SourceQuote(sourceId: "article", quote: "He said \"no\" \\ then\nleft\t— «Грузия» 🇬🇪", start: 3, end: 40),
            SourceQuote(sourceId: "article", quote: "", start: nil, end: nil),
        ]
        #expect(try StoredJSON.quotes(bytes(StoredJSON.text(quotes))) == quotes)
        let notes = [Note(text: "a \"note\"", sources: quotes), Note(text: "", sources: [])]
        #expect(try StoredJSON.notes(bytes(StoredJSON.text(notes))) == notes)
        let strings = ["", "a", "\u{1}\u{1F}", "ü"]
        #expect(try StoredJSON.strings(bytes(StoredJSON.text(strings: strings))) == strings)
        #expect(try StoredJSON.quotes(bytes("[]")) == [])
    }

    @Test func membersInAnyOrderWithWhitespaceUnknownNamesAndEscapesAreRead() throws {
        let text = #" [ { "end" : 9 , "extra": {"a": [1, null, true]}, "quote" : "\u00e9\ud83c\udf0d" , "sourceId":"s", "start": 2 } ] "#
        #expect(try StoredJSON.quotes(bytes(text)) == [SourceQuote(sourceId: "s", quote: "é🌍", start: 2, end: 9)])
    }

    @Test func theFirstOfRepeatedNamesCounts() throws {
        let text = #"[{"sourceId": "first", "quote": "q", "sourceId": "second", "start": 1, "start": 2}]"#
        #expect(try StoredJSON.quotes(bytes(text)) == [SourceQuote(sourceId: "first", quote: "q", start: 1, end: nil)])
        let note = #"[{"text": "kept", "sources": [], "text": 5}]"#
        #expect(try StoredJSON.notes(bytes(note)) == [Note(text: "kept", sources: [])])
    }

    /// Names are matched however they are spelled: escaped, or beside names that only share a
    /// prefix or differ in length.
    @Test func escapedNamesMatchAndNearNamesDoNot() throws {
        let text = #"[{"sourc\u0065Id": "s", "quot": "no", "quotes": "no", "quote": "q", "\u00e9nd": 7, "end": 4}]"#
        #expect(try StoredJSON.quotes(bytes(text)) == [SourceQuote(sourceId: "s", quote: "q", start: nil, end: 4)])
        #expect(throws: StoredJSON.ShapeError.self) { try StoredJSON.quotes([0x5B, 0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D, 0x5D]) }
    }

    /// Positions are what `Int(_:)` makes of the number as written.
    @Test(arguments: ["0", "7", "-3", "-0", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
                      "12345678901234567890123", "1.5", "1e3", "2E-1", "10.0"])
    func positionsAreReadAsIntWouldReadThem(_ number: String) throws {
        let text = #"[{"sourceId": "s", "quote": "q", "start": "# + number + "}]"
        #expect(try StoredJSON.quotes(bytes(text)).first?.start == Int(number))
    }

    @Test func positionsThatAreNotWholeNumbersAreAbsent() throws {
        let text = #"[{"sourceId": "s", "quote": "q", "start": "3", "end": 1.5}]"#
        #expect(try StoredJSON.quotes(bytes(text)) == [SourceQuote(sourceId: "s", quote: "q", start: nil, end: nil)])
    }

    @Test(arguments: [
        "", "{}", "[1]", "[{\"sourceId\": \"s\"}]", "[{\"sourceId\": 1, \"quote\": \"q\"}]", "[{\"sourceId\": \"s\", \"quote\": \"q\"}",
        "[{\"sourceId\": \"s\", \"quote\": \"q\"}] x", "[{\"sourceId\": \"s\", \"quote\": \"\\x\"}]", "[{\"sourceId\": \"s\" \"quote\": \"q\"}]",
        "[{\"sourceId\": \"s\", \"quote\": \"\u{1}\"}]", "[{\"sourceId\": \"s\", \"quote\": \"\\ud800\"}]", "[,]", "[{\"sourceId\": \"s\", \"quote\": \"q\",}]",
    ])
    func quotesOfTheWrongShapeOrNotJSONAreRefused(_ text: String) {
        #expect(throws: StoredJSON.ShapeError.self) { try StoredJSON.quotes(bytes(text)) }
    }

    @Test(arguments: ["[1]", "[{\"text\": \"t\"}]", "[{\"text\": \"t\", \"sources\": {}}]", "[{\"text\": 1, \"sources\": []}]",
                      "[{\"text\": \"t\", \"sources\": [{}]}]"])
    func notesOfTheWrongShapeAreRefused(_ text: String) {
        #expect(throws: StoredJSON.ShapeError.self) { try StoredJSON.notes(bytes(text)) }
    }

    @Test func aListWithSomethingOtherThanAStringIsRefused() {
        #expect(throws: StoredJSON.ShapeError.self) { try StoredJSON.strings(bytes("[\"a\", null]")) }
        #expect(throws: StoredJSON.ShapeError.self) { try StoredJSON.strings(bytes("\"a\"")) }
    }
}
