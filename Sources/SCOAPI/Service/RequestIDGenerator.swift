/// Request ids: the client's `X-Request-ID` when it is sane, else `<random>-<loop>-<counter>`.
struct RequestIDGenerator {
    private let prefix: [UInt8]
    private var counter: UInt64 = 0

    init(loopIndex: Int) {
        let random = UInt64.random(in: 0...UInt64.max)
        let hex = String(random & 0xFFFF_FFFF, radix: 16)
        prefix = Array((String(repeating: "0", count: 8 - hex.count) + hex + "-\(loopIndex)-").utf8)
    }

    mutating func next() -> String {
        var id: [UInt8] = []
        appendNext(to: &id)
        return String(decoding: id, as: UTF8.self)
    }

    /// The next id, appended to `output` as bytes (a replayed answer writes it straight into
    /// its output).
    mutating func appendNext(to output: inout [UInt8]) {
        counter &+= 1
        output.append(contentsOf: prefix)
        var digits = 0
        var rest = counter
        repeat { digits += 1; rest >>= 4 } while rest > 0
        for index in stride(from: digits - 1, through: 0, by: -1) {
            let nibble = UInt8(truncatingIfNeeded: counter >> (UInt64(index) * 4)) & 0xF
            output.append(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10)
        }
    }

    /// A client's id is kept when it is 1–128 characters of letters, digits and `-._~:/+=`,
    /// so it cannot forge log fields or inject header lines.
    static func accepted(_ value: String?) -> String? {
        guard let value, !value.isEmpty, value.utf8.count <= 128 else { return nil }
        let allowed = value.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"):
                true
            case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: ":"),
                 UInt8(ascii: "/"), UInt8(ascii: "+"), UInt8(ascii: "="):
                true
            default:
                false
            }
        }
        return allowed ? value : nil
    }
}
