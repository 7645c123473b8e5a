import ContentCoding
import Testing

@Suite struct ContentCodingTests {
    static let text: [UInt8] = Array(String(repeating: "{\"id\":\"georgian-offensive\",\"kind\":\"military\"},", count: 200).utf8)

    @Test(arguments: [ContentCoding.gzip, .br])
    func bodiesRoundTripAndShrink(_ coding: ContentCoding) throws {
        let encoded = try #require(coding.encode(Self.text))
        #expect(encoded.count < Self.text.count / 10)
        #expect(coding.decode(encoded) == Self.text)
        if coding == .gzip { #expect(encoded.prefix(2) == [0x1F, 0x8B]) }
        #expect(coding.decode(Array(encoded.dropLast(3))) == nil)
        #expect(coding.decode([]) == nil || coding.decode([]) == [])
        let empty = try #require(coding.encode([]))
        #expect(coding.decode(empty) == [])
    }

    @Test func theHighestQualityWinsAndBrotliBreaksTies() {
        #expect(ContentCoding.preferred(nil) == .identity)
        #expect(ContentCoding.preferred("") == .identity)
        #expect(ContentCoding.preferred("gzip") == .gzip)
        #expect(ContentCoding.preferred("gzip, deflate, br") == .br)
        #expect(ContentCoding.preferred("br;q=0.5, gzip") == .gzip)
        #expect(ContentCoding.preferred("gzip;q=0.8, br;q=0.9") == .br)
        #expect(ContentCoding.preferred("GZIP ; Q=1") == .gzip)
        #expect(ContentCoding.preferred("x-gzip") == .gzip)
        #expect(ContentCoding.preferred("deflate, compress") == .identity)
        #expect(ContentCoding.preferred("*") == .br)
        #expect(ContentCoding.preferred("*;q=0.5, br;q=0") == .gzip)
        #expect(ContentCoding.preferred("identity") == .identity)
        #expect(ContentCoding.preferred("br;q=0, gzip;q=0") == .identity)
        #expect(ContentCoding.preferred("gzip;q=0.001, identity;q=0") == .gzip)
        #expect(ContentCoding.preferred("identity;q=0.2, gzip;q=0.1") == .identity)
        #expect(ContentCoding.preferred("gzip;q=abc") == .identity)
        #expect(ContentCoding.preferred(",,;;=,br") == .br)
    }
}
