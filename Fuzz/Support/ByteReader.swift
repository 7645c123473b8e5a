/// Reads a fuzz input as a recipe: small integers, byte runs and text, until it runs out
/// (then zeros), so every input describes some value.
struct ByteReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset >= bytes.count }

    mutating func byte() -> UInt8 {
        guard offset < bytes.count else { return 0 }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func uint64() -> UInt64 {
        (0..<8).reduce(0) { value, _ in value << 8 | UInt64(byte()) }
    }

    /// Up to `maximum` bytes, the count read first.
    mutating func run(maximum: Int) -> [UInt8] {
        let count = min(Int(byte()), maximum, bytes.count - offset)
        guard count > 0 else { return [] }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    /// Text from a byte run, invalid UTF-8 repaired as U+FFFD.
    mutating func text(maximum: Int) -> String {
        String(decoding: run(maximum: maximum), as: UTF8.self)
    }
}
