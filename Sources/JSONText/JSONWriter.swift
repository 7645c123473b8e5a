/// Appends JSON text (RFC 8259) straight into a byte buffer, in the order it is written.
///
/// The project's one JSON writer: API representations, problem documents, log lines, stored
/// JSON columns and exported fixtures all go through it. Foundation's `JSONEncoder` on Linux
/// reorders keys from call to call and allocates a tree per value; this writes the same bytes
/// for the same data (which a strong ETag promises), and a list costs one growing buffer.
public struct JSONWriter {
    /// The text written so far.
    public var bytes: [UInt8] { storage }
    @usableFromInline var storage: [UInt8]
    @usableFromInline var needsComma = false

    public init(capacity: Int = 1024) {
        storage = []
        storage.reserveCapacity(capacity)
    }

    /// Whether any of the eight bytes in `word` may be a `"`, a `\\` or below 0x20: never false
    /// when one is (bytes of 0x80 and up are none of them; see "Determine if a word has a byte
    /// less than n" in Sean Anderson's Bit Twiddling Hacks), at times true when none is.
    @inline(__always)
    static func mayNeedEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highBits != 0 }
        let hasControl = (word &- ones &* 0x20) & ~word & highBits != 0
        return hasControl || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
    }

    @inlinable public mutating func beginObject() { open(UInt8(ascii: "{")) }
    @inlinable public mutating func endObject() { close(UInt8(ascii: "}")) }
    @inlinable public mutating func beginArray() { open(UInt8(ascii: "[")) }
    @inlinable public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Opens an object or array: no comma before its first member.
    @inlinable
    mutating func open(_ bracket: UInt8) {
        separate()
        storage.append(bracket)
        needsComma = false
    }

    /// Closes an object or array, which is a value the next one is separated from.
    @inlinable
    mutating func close(_ bracket: UInt8) {
        storage.append(bracket)
        needsComma = true
    }

    /// Writes `"name":`; the value that follows must be written next.
    @inlinable
    public mutating func key(_ name: String) {
        separate()
        appendEscaped(name)
        storage.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes a key already encoded as `"name":` (by `encodedKey(_:)`), so a record type's keys
    /// are escaped once rather than for every record written.
    @inlinable
    public mutating func key(encoded: [UInt8]) {
        separate()
        storage.append(contentsOf: encoded)
        needsComma = false
    }

    /// Writes one value: the comma before it when one is due, then what `body` appends.
    @inlinable
    mutating func value(_ body: (inout JSONWriter) -> Void) {
        separate()
        body(&self)
        needsComma = true
    }

    @inlinable public mutating func string(_ text: String) { value { $0.appendEscaped(text) } }
    @inlinable public mutating func int(_ number: Int) { value { $0.appendDecimal(number) } }
    @inlinable public mutating func bool(_ flag: Bool) { value { $0.storage.append(contentsOf: flag ? "true".utf8 : "false".utf8) } }
    @inlinable public mutating func null() { value { $0.storage.append(contentsOf: "null".utf8) } }

    /// Writes text that is already valid JSON (a value stored as JSON in the database, say).
    @inlinable public mutating func raw(_ json: some Sequence<UInt8>) { value { $0.storage.append(contentsOf: json) } }

    /// Writes `prefix` followed by `text` as one string; `prefix` is plain ASCII that needs no
    /// escaping (a path, say).
    @inlinable
    public mutating func string(prefix: StaticString, _ text: String) {
        value { json in
            json.storage.append(UInt8(ascii: "\""))
            prefix.withUTF8Buffer { json.storage.append(contentsOf: $0) }
            json.appendEscapedContents(text)
            json.storage.append(UInt8(ascii: "\""))
        }
    }

    @inlinable
    public mutating func double(_ value: Double) {
        separate()
        if value.isFinite {
            if value == value.rounded(), abs(value) < 1e15 {
                appendDecimal(Int(value))
            } else {
                storage.append(contentsOf: String(value).utf8)
            }
        } else {
            storage.append(contentsOf: "null".utf8)
        }
        needsComma = true
    }

    @inlinable
    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    @inlinable
    public mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    @inlinable
    public mutating func stringArray(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// `"name":` as `key(_:)` writes it, for `key(encoded:)`.
    public static func encodedKey(_ name: String) -> [UInt8] {
        var json = JSONWriter(capacity: name.utf8.count + 3)
        json.key(name)
        return json.bytes
    }

    /// `value` as a JSON string literal, quotes included.
    public static func quoted(_ value: String) -> [UInt8] {
        var json = JSONWriter(capacity: value.utf8.count + 2)
        json.string(value)
        return json.bytes
    }

    /// Appends a newline between NDJSON records; the writer then starts a fresh top-level value.
    @inlinable
    public mutating func newline() {
        storage.append(UInt8(ascii: "\n"))
        needsComma = false
    }

    @inlinable
    mutating func separate() {
        if needsComma { storage.append(UInt8(ascii: ",")) }
    }

    @usableFromInline
    mutating func appendDecimal(_ value: Int) {
        if value >= 0, value < 10 {
            storage.append(UInt8(ascii: "0") &+ UInt8(value))
        } else {
            storage.append(contentsOf: String(value).utf8)
        }
    }

    /// Quotes and escapes per RFC 8259 §7: `"`, `\` and the C0 controls; everything else is copied as UTF-8.
    ///
    /// Eight bytes at a time while none of them needs escaping (the usual case: a page of records
    /// is kilobytes of text with a handful of quotes to escape); a word that might hold one is
    /// looked at byte by byte.
    @usableFromInline
    mutating func appendEscaped(_ text: String) {
        storage.append(UInt8(ascii: "\""))
        appendEscapedContents(text)
        storage.append(UInt8(ascii: "\""))
    }

    /// `appendEscaped` without the quotes.
    @usableFromInline
    mutating func appendEscapedContents(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return }
            let count = utf8.count
            var start = 0
            var index = 0
            while index < count {
                if count &- index >= 8,
                   !Self.mayNeedEscaping(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                    index &+= 8
                    continue
                }
                let byte = utf8[index]
                index &+= 1
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                storage.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<(index - 1)]))
                start = index
                switch byte {
                case UInt8(ascii: "\""): storage.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): storage.append(contentsOf: "\\\\".utf8)
                case UInt8(ascii: "\n"): storage.append(contentsOf: "\\n".utf8)
                case UInt8(ascii: "\r"): storage.append(contentsOf: "\\r".utf8)
                case UInt8(ascii: "\t"): storage.append(contentsOf: "\\t".utf8)
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    storage.append(contentsOf: "\\u00".utf8)
                    storage.append(hex[Int(byte >> 4)])
                    storage.append(hex[Int(byte & 0xF)])
                }
            }
            storage.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
    }
}
