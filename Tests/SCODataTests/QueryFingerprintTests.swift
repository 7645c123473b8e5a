import Testing

@testable import SCOData

/// `QueryFingerprint` hashes the JSON text of its parts; the value must be what hashing
/// `JSONValue`'s serialization of the same parts gives, so cursors made by earlier versions keep
/// working.
@Suite struct QueryFingerprintTests {
    /// The fingerprint by its definition: FNV-1a of the serialized array of parts.
    static func reference(_ parts: [JSONValue]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in JSONValue.array(parts).serialized() {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static let texts = [
        "", "Georgia", "\"South Ossetia\"", "back\\slash", "line\nbreak", "tab\tand\r", "\u{0}\u{1}\u{1f}",
        "Цхинвали", "Душанбе 🇹🇯", "secur*", "a,b", "[]{}:",
    ]

    @Test(arguments: texts)
    func aSingleValueHashesAsItsSerialization(text: String) {
        var fingerprint = QueryFingerprint(list: "search")
        fingerprint.add("q", text)
        #expect(fingerprint.value == Self.reference([.string("search"), .array([.string("q"), .string(text)])]))
    }

    @Test func alternativesAreSortedWithoutRepeatsAndAbsentPartsLeftOut() {
        var fingerprint = QueryFingerprint(list: "timeline\u{7}")
        fingerprint.add("kind", anyOf: ["war", "diplomatic", "war"])
        fingerprint.add("actor", anyOf: [])
        fingerprint.add("from", nil)
        fingerprint.add("to", "2008-08")
        fingerprint.add(sort: TimelineQuery.defaultSort)
        let expected = Self.reference([
            .string("timeline\u{7}"),
            .array([.string("kind"), .string("diplomatic"), .string("war")]),
            .array([.string("to"), .string("2008-08")]),
            .array([.string("sort"), .string(TimelineQuery.defaultSort.description)]),
        ])
        #expect(fingerprint.value == expected)
        #expect(fingerprint.value.count == 16)
        #expect(QueryFingerprint(list: "search").value != QueryFingerprint(list: "timeline").value)
    }
}
