import Testing
@testable import Digests

@Suite struct HexadecimalTests {
    /// Sixteen lowercase digits, zeros first, as `String(radix: 16)` padded would give them.
    @Test func sixteenDigitsZerosFirst() {
        var values: [UInt64] = [0, 0xF, 0x10, 0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210, .max]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<200 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append(state >> (state % 64))
        }
        for value in values {
            let hex = String(value, radix: 16)
            #expect(Hexadecimal.sixteenDigits(value) == String(repeating: "0", count: 16 - hex.count) + hex)
        }
        var bytes = [UInt8](repeating: 0x2E, count: 20)
        bytes.withUnsafeMutableBufferPointer { Hexadecimal.write(0xAB, into: $0, at: 2) }
        #expect(String(decoding: bytes, as: UTF8.self) == "..00000000000000ab..")
    }
}
