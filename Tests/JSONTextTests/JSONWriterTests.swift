import Foundation
import Testing
@testable import JSONText

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

    /// The word-at-a-time scan never misses a byte that needs escaping, whatever its position in
    /// the word and whatever the other bytes are.
    @Test func wordScanFindsEveryByteThatNeedsEscaping() {
        let fillers: [UInt8] = [UInt8(ascii: "a"), 0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xC3, 0xFF]
        for filler in fillers {
            #expect(!JSONWriter.mayNeedEscaping(UInt64(filler) &* 0x0101_0101_0101_0101) || filler < 0x20, "filler \(filler)")
            for position in 0..<8 {
                for byte in UInt8(0)...UInt8(255) where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                    var lanes = [UInt8](repeating: filler, count: 8)
                    lanes[position] = byte
                    let word = lanes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    #expect(JSONWriter.mayNeedEscaping(word), "byte \(byte) at \(position) among \(filler)")
                }
            }
        }
    }

    /// The clean prefix, sixteen bytes at a time where the machine can and eight where not,
    /// is where a byte-by-byte look finds the first byte that needs escaping: at every position
    /// of texts up to four blocks long, among fillers on both sides of each boundary the block
    /// compares test (0x1F and 0x20, 0x7F and 0x80, bytes read as negative when signed).
    @Test func cleanPrefixStopsAtTheFirstByteThatNeedsEscaping() {
        func reference(_ bytes: [UInt8]) -> Int {
            bytes.firstIndex { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } ?? bytes.count
        }
        let fillers: [UInt8] = [UInt8(ascii: "a"), 0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0x9F, 0xA0, 0xC3, 0xFF]
        let specials: [UInt8] = [0x00, 0x01, 0x0A, 0x1F, 0x22, 0x5C]
        for length in 0...64 {
            for filler in fillers {
                let clean = [UInt8](repeating: filler, count: length)
                #expect(clean.withUnsafeBufferPointer(JSONWriter.cleanPrefix) == length, "\(length) of \(filler)")
                for position in 0..<length {
                    for special in specials {
                        var bytes = clean
                        bytes[position] = special
                        // A second one later must not hide the first.
                        if position + 5 < length { bytes[position + 5] = 0x22 }
                        let found = bytes.withUnsafeBufferPointer(JSONWriter.cleanPrefix)
                        #expect(found == reference(bytes), "\(special) at \(position) of \(length) among \(filler)")
                    }
                }
            }
        }
    }

    /// Escapes at every offset from the start and end of strings of every length up to three
    /// words, next to multi-byte characters, match a byte-by-byte escaper.
    @Test func escapesAtEveryOffsetMatchTheByteByByteResult() throws {
        func reference(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        // Two at every pair of positions: an escape already written may lie in the last word.
        for length in 0...18 {
            for first in 0...length {
                for second in first...length {
                    var characters = Array(repeating: "b", count: length)
                    characters.insert("\"", at: second)
                    characters.insert("\u{02}", at: first)
                    let text = characters.joined()
                    var json = JSONWriter()
                    json.string(text)
                    #expect(String(decoding: json.bytes, as: UTF8.self) == reference(text), "\(length) \(first) \(second)")
                }
            }
        }
        for length in 0...24 {
            for special in ["\"", "\\", "\n", "\u{01}", "\u{1F}", "é", "✓"] {
                for position in 0...length {
                    var characters = Array(repeating: "a", count: length)
                    characters.insert(special, at: position)
                    let text = characters.joined()
                    var json = JSONWriter()
                    json.string(text)
                    #expect(String(decoding: json.bytes, as: UTF8.self) == reference(text), "\(length) \(position) \(special.debugDescription)")
                }
            }
        }
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

    @Test func writesEveryIntegerAsSwiftPrintsIt() {
        let values = [0, 7, 9, 10, -1, -10, 99, 100, 12_345, -987_654_321, Int.max, Int.min]
        var json = JSONWriter(capacity: 0)
        json.beginArray()
        for value in values { json.int(value) }
        json.endArray()
        #expect(String(decoding: json.bytes, as: UTF8.self) == "[" + values.map(String.init).joined(separator: ",") + "]")
    }

    @Test func writesEveryFractionAsSwiftPrintsIt() {
        // Ranks, subnormals, the extremes, powers of ten past the integer path, and bit
        // patterns spread over every exponent, each after a value so the comma comes first.
        var values: [Double] = [
            -1.0704513922054157, 0.1, -0.5, 1e15, -1e15, 1e300, .leastNonzeroMagnitude, .leastNormalMagnitude,
            .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .ulpOfOne, 123_456.789, 1e-7,
        ]
        var bits: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2_000 {
            bits = bits &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let value = Double(bitPattern: bits)
            if value.isFinite { values.append(value) }
        }
        var json = JSONWriter(capacity: 0)
        json.beginArray()
        for value in values {
            json.int(0)
            json.double(value)
        }
        json.endArray()
        let expected = values.map { value in
            value == value.rounded() && abs(value) < 1e15 ? "0,\(Int(value))" : "0,\(String(value))"
        }
        #expect(String(decoding: json.bytes, as: UTF8.self) == "[" + expected.joined(separator: ",") + "]")
    }

    /// Text longer than the room asked for at the start, written piece by piece, comes out whole.
    @Test func growsPastItsFirstCapacity() {
        var json = JSONWriter(capacity: 1)
        var expected: [String] = []
        json.beginArray()
        for index in 0..<2_000 {
            let text = String(repeating: "w\(index)\"", count: index % 7)
            json.string(text)
            expected.append("\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\"")
        }
        json.endArray()
        #expect(String(decoding: json.bytes, as: UTF8.self) == "[" + expected.joined(separator: ",") + "]")
    }

    /// A copy of a writer keeps the text it had when copied, whichever of the two goes on.
    @Test func aCopyKeepsItsOwnText() {
        var first = JSONWriter(capacity: 64)
        first.beginArray()
        first.string("shared")
        var second = first
        second.string("second")
        first.string("first")
        first.endArray()
        second.endArray()
        #expect(String(decoding: first.bytes, as: UTF8.self) == #"["shared","first"]"#)
        #expect(String(decoding: second.bytes, as: UTF8.self) == #"["shared","second"]"#)
    }

    @Test func keysWrittenInTheSourceAndAtRunTimeMatch() {
        var literal = JSONWriter()
        literal.beginObject()
        literal.key("a")
        literal.int(1)
        literal.key("b")
        literal.null()
        literal.endObject()
        var named = JSONWriter()
        named.beginObject()
        named.key(escaping: "a")
        named.int(1)
        named.key(escaping: "b")
        named.null()
        named.endObject()
        #expect(literal.bytes == named.bytes)
        #expect(JSONWriter.encodedKey("q\"uote") == Array(#""q\"uote":"#.utf8))
    }
}
