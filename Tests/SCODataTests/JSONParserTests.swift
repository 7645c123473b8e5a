import Testing

@testable import SCOData

/// The parser: bytes in, a value or a located error out.
@Suite struct JSONParserTests {
    private func parse(_ text: String) -> Result<JSONValue, JSONSyntaxError> {
        JSONParser.parse(Array(text.utf8))
    }

    private func error(_ text: String) -> JSONSyntaxError? {
        if case .failure(let error) = parse(text) { return error }
        return nil
    }

    @Test func refusesMalformedTextWithItsPosition() {
        #expect(error("[1,\n 2,,]").map { [$0.line, $0.column] } == [2, 4])
        #expect(error("{\"a\": tru}").map { [$0.line, $0.column] } == [1, 10])
        #expect(error("\"abc").map(\.message) == "unterminated string")
        #expect(error("[1] x")?.message.contains("after the document's value") == true)
        #expect(error("[01]")?.message == "leading zero in a number")
        #expect(error("[\"\\ud83d\"]")?.message.contains("surrogate") == true)
        #expect(error("\"tab\there\"")?.message.contains("control character") == true)
        #expect(error("\u{FEFF}[]") != nil)
        #expect(error("") != nil)
    }

    @Test func keepsMembersInOrderWithDuplicates() throws {
        let value = try parse(#"{"b": 1, "a": [true, false, null], "b": "x"}"#).get()
        #expect(value == .object([
            JSONMember(key: "b", value: .number("1")),
            JSONMember(key: "a", value: .array([.bool(true), .bool(false), .null])),
            JSONMember(key: "b", value: .string("x")),
        ]))
        #expect(value["b"] == .number("1"))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try parse(#"["\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00 —"]"#).get()
        #expect(value == .array([.string("\"\\/\u{8}\u{C}\n\r\té😀 —")]))
    }

    @Test func keepsNumbersAsWritten() throws {
        #expect(try parse("[-0.5e+10, 12, 0]").get() == .array([.number("-0.5e+10"), .number("12"), .number("0")]))
    }

    @Test func serializationRoundTrips() throws {
        let text = #"{"a":[1,"x\"y\n\u0001",{"b":null}],"c":true}"#
        let value = try parse(text).get()
        #expect(String(decoding: value.serialized(), as: UTF8.self) == text)
        #expect(try JSONParser.parse(value.serialized()).get() == value)
    }

    /// Strings read eight bytes at a look: an escape, a control character or a non-ASCII
    /// character at any offset from either end of strings up to three words long is found.
    @Test func readsEveryStringWhereverItsSpecialCharacterLies() throws {
        for length in 0...24 {
            for special in ["\\\"", "\\\\", "\\n", "\\u00e9", "é", "—", "\t"] {
                for position in 0...length {
                    var characters = Array(repeating: "a", count: length)
                    characters.insert(special, at: position)
                    let text = "[\"" + characters.joined() + "\"]"
                    let expected = characters.joined()
                        .replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
                        .replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\u00e9", with: "é")
                    if special == "\t" {
                        #expect(error(text)?.message.contains("control character") == true, "\(length) \(position)")
                    } else {
                        #expect(try parse(text).get() == .array([.string(expected)]), "\(length) \(position) \(special)")
                    }
                }
            }
        }
    }

    @Test func refusesInvalidUTF8WhereverItLies() {
        for length in 0...24 {
            for position in 0...length {
                var bytes = Array("[\"".utf8) + Array(repeating: UInt8(ascii: "a"), count: length) + Array("\"]".utf8)
                bytes.insert(0xFF, at: 2 + position)
                guard case .failure(let error) = JSONParser.parse(bytes) else {
                    Issue.record("accepted 0xFF at \(position) of \(length)")
                    continue
                }
                #expect(error.message.contains("UTF-8"), "\(length) \(position)")
            }
        }
    }
}

