import Foundation
import Testing
@testable import SCOAPI

@Suite struct JSONWriterTests {
    @Test func escapesQuotesBackslashesAndControlCharacters() throws {
        var json = JSONWriter()
        json.beginObject()
        json.key("text")
        json.string("a \"quoted\" \\ line\nwith\ttab and \u{01} and é — ✓")
        json.endObject()
        let text = String(decoding: json.bytes, as: UTF8.self)
        #expect(text == #"{"text":"a \"quoted\" \\ line\nwith\ttab and \u0001 and é — ✓"}"#)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: String]
        #expect(parsed?["text"] == "a \"quoted\" \\ line\nwith\ttab and \u{01} and é — ✓")
    }

    @Test func separatesMembersAndElementsWithCommas() {
        var json = JSONWriter()
        json.beginObject()
        json.key("a")
        json.beginArray()
        json.int(1)
        json.int(-2)
        json.null()
        json.bool(true)
        json.endArray()
        json.key("b")
        json.beginObject()
        json.endObject()
        json.key("c")
        json.double(2.5)
        json.endObject()
        #expect(String(decoding: json.bytes, as: UTF8.self) == #"{"a":[1,-2,null,true],"b":{},"c":2.5}"#)
    }

    @Test func writesNonFiniteNumbersAsNull() {
        var json = JSONWriter()
        json.beginArray()
        json.double(.nan)
        json.double(.infinity)
        json.double(3)
        json.endArray()
        #expect(String(decoding: json.bytes, as: UTF8.self) == "[null,null,3]")
    }
}

@Suite struct CSVWriterTests {
    @Test func quotesFieldsHoldingCommasQuotesAndLineBreaks() {
        var csv = CSVWriter()
        csv.row(["id", "text"])
        csv.row(["a", "plain"])
        csv.row(["b", "comma, \"quote\"\nnewline"])
        #expect(String(decoding: csv.bytes, as: UTF8.self)
            == "id,text\r\na,plain\r\nb,\"comma, \"\"quote\"\"\nnewline\"\r\n")
    }
}
