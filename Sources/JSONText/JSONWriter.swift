internal import CText

/// Appends JSON text (RFC 8259) straight into a byte buffer, in the order it is written.
///
/// The project's one JSON writer: API representations, problem documents, log lines, stored
/// JSON columns and exported fixtures all go through it. Foundation's `JSONEncoder` on Linux
/// reorders keys from call to call and allocates a tree per value; this writes the same bytes
/// for the same data (which a strong ETag promises), and a list costs one growing buffer.
public struct JSONWriter {
    /// The text written so far.
    public var bytes: [UInt8] {
        Array(UnsafeBufferPointer(start: buffer.base, count: count))
    }

    @usableFromInline var buffer: ByteBuffer
    @usableFromInline var count = 0
    @usableFromInline var needsComma = false

    public init(capacity: Int = 1024) {
        buffer = ByteBuffer(capacity: capacity)
    }

    /// How many bytes have been written.
    public var byteCount: Int { count }

    /// Calls `body` with the text written so far, in place, without copying it out.
    public func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: buffer.base, count: count))
    }

    /// Forgets what was written and keeps the storage, to write afresh (a batch of log lines
    /// after it went out, say).
    public mutating func removeAll() {
        count = 0
        needsComma = false
    }

    /// Whether any of the eight bytes in `word` may be a `"`, a `\\` or below 0x20: never false
    /// when one is (bytes of 0x80 and up are none of them; see "Determine if a word has a byte
    /// less than n" in Sean Anderson's Bit Twiddling Hacks), at times true when none is.
    @inlinable @inline(__always)
    public static func mayNeedEscaping(_ word: UInt64) -> Bool {
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
        let out = reserve(2)
        var written = 0
        if needsComma { out[0] = UInt8(ascii: ","); written = 1 }
        out[written] = bracket
        count &+= written &+ 1
        needsComma = false
    }

    /// Closes an object or array, which is a value the next one is separated from.
    @inlinable
    mutating func close(_ bracket: UInt8) {
        append(bracket)
        needsComma = true
    }

    /// Writes `"name":` for a name known only at run time, escaped; the value that follows
    /// must be written next.
    @inlinable
    public mutating func key(escaping name: String) {
        separate()
        appendEscaped(name)
        append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes `"name":` for a name written in the source, which holds nothing to escape (a
    /// member name of this API's records); the value that follows must be written next.
    @inlinable
    public mutating func key(_ name: StaticString) {
        name.withUTF8Buffer { utf8 in
            let out = reserve(utf8.count &+ 4)
            var written = 0
            if needsComma { out[0] = UInt8(ascii: ","); written = 1 }
            out[written] = UInt8(ascii: "\"")
            if let base = utf8.baseAddress { (out + (written &+ 1)).update(from: base, count: utf8.count) }
            written &+= 1 &+ utf8.count
            out[written] = UInt8(ascii: "\"")
            out[written &+ 1] = UInt8(ascii: ":")
            count &+= written &+ 2
        }
        needsComma = false
    }

    /// Writes a key already encoded as `"name":` (by `encodedKey(_:)`), so a record type's keys
    /// are escaped once rather than for every record written.
    @inlinable
    public mutating func key(encoded: [UInt8]) {
        separate()
        encoded.withUnsafeBufferPointer { append($0) }
        needsComma = false
    }

    /// Writes one value: the comma before it when one is due, then what `body` appends.
    @inlinable
    mutating func value(_ body: (inout JSONWriter) -> Void) {
        separate()
        body(&self)
        needsComma = true
    }

    @inlinable
    public mutating func string(_ text: String) {
        // Read in place where the text is contiguous UTF-8, as native strings are; a copy to
        // make it so otherwise.
        let comma = needsComma
        if text.utf8.withContiguousStorageIfAvailable({ appendQuoted($0, comma: comma) }) == nil {
            var text = text
            text.withUTF8 { appendQuoted($0, comma: comma) }
        }
        needsComma = true
    }

    /// Writes UTF-8 text as one string, escaped; for text made in a buffer rather than a `String`.
    @inlinable
    public mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        appendQuoted(utf8, comma: needsComma)
        needsComma = true
    }

    @inlinable public mutating func int(_ number: Int) { value { $0.appendDecimal(number) } }
    @inlinable public mutating func bool(_ flag: Bool) { value { $0.append(flag ? "true" : "false") } }
    @inlinable public mutating func null() { value { $0.append("null") } }

    /// Writes text that is already valid JSON (a value stored as JSON in the database, say).
    @inlinable
    public mutating func raw(_ json: some Sequence<UInt8>) {
        value { writer in
            if json.withContiguousStorageIfAvailable({ writer.append($0) }) == nil {
                for byte in json { writer.append(byte) }
            }
        }
    }

    /// Writes `prefix` followed by `text` as one string; `prefix` is plain ASCII that needs no
    /// escaping (a path, say).
    @inlinable
    public mutating func string(prefix: StaticString, _ text: String) {
        value { json in
            json.append(UInt8(ascii: "\""))
            json.append(prefix)
            json.appendEscapedContents(text)
            json.append(UInt8(ascii: "\""))
        }
    }

    @inlinable
    public mutating func double(_ value: Double) {
        separate()
        if value.isFinite {
            if value == value.rounded(), abs(value) < 1e15 {
                appendDecimal(Int(value))
            } else {
                appendShortest(value)
            }
        } else {
            append("null")
        }
        needsComma = true
    }

    /// Appends the shortest digits that read back as `value`, as `String(value)` has them.
    /// `Double.write(to:)` hands them to the stream's `_writeASCII` where the stream has one,
    /// which spares making a `String` of them.
    @usableFromInline
    mutating func appendShortest(_ value: Double) {
        withUnsafeMutablePointer(to: &self) { writer in
            var digits = DigitSink(writer: writer)
            value.write(to: &digits)
        }
    }

    /// Appends what a number's `write(to:)` prints, in place.
    private struct DigitSink: TextOutputStream {
        let writer: UnsafeMutablePointer<JSONWriter>

        mutating func write(_ string: String) {
            var string = string
            string.withUTF8 { writer.pointee.append($0) }
        }

        mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
            writer.pointee.append(buffer)
        }
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
        values.withUnsafeBufferPointer { values in
            for index in values.indices { string(values[index]) }
        }
        endArray()
    }

    /// `"name":` as `key(escaping:)` writes it, for `key(encoded:)`.
    public static func encodedKey(_ name: String) -> [UInt8] {
        var json = JSONWriter(capacity: name.utf8.count + 3)
        json.key(escaping: name)
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
        append(UInt8(ascii: "\n"))
        needsComma = false
    }

    @inlinable
    mutating func separate() {
        if needsComma { append(UInt8(ascii: ",")) }
    }

    /// A decimal integer, its digits written from the last.
    @usableFromInline
    mutating func appendDecimal(_ value: Int) {
        let out = reserve(20)
        var magnitude = value.magnitude
        var digits = 0
        repeat {
            digits &+= 1
            magnitude /= 10
        } while magnitude != 0
        var written = digits
        if value < 0 { out[0] = UInt8(ascii: "-"); written &+= 1 }
        magnitude = value.magnitude
        for index in stride(from: written &- 1, through: written &- digits, by: -1) {
            out[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
        }
        count &+= written
    }

    // MARK: - Bytes

    /// Room for `extra` more bytes: where they go. The storage is copied first when another
    /// writer shares it (a copied `JSONWriter` keeps the text it had), and grows by doubling.
    @inlinable
    mutating func reserve(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
        if _slowPath(!isKnownUniquelyReferenced(&buffer) || buffer.capacity &- count < extra) {
            grow(toHold: extra)
        }
        return buffer.base + count
    }

    @usableFromInline
    mutating func grow(toHold extra: Int) {
        let capacity = Swift.max(count + extra, buffer.capacity * 2)
        let grown = ByteBuffer(capacity: capacity)
        grown.base.update(from: buffer.base, count: count)
        buffer = grown
    }

    @inlinable
    mutating func append(_ byte: UInt8) {
        reserve(1).pointee = byte
        count &+= 1
    }

    @inlinable
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        reserve(bytes.count).update(from: base, count: bytes.count)
        count &+= bytes.count
    }

    @inlinable
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    /// Quotes and escapes per RFC 8259 §7: `"`, `\` and the C0 controls; everything else is copied as UTF-8.
    @usableFromInline
    mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { appendQuoted($0, comma: false) }
    }

    /// `appendEscaped` without the quotes.
    @usableFromInline
    mutating func appendEscapedContents(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            let clean = Self.cleanPrefix(utf8)
            append(UnsafeBufferPointer(rebasing: utf8[..<clean]))
            if clean < utf8.count { appendEscaping(UnsafeBufferPointer(rebasing: utf8[clean...])) }
        }
    }

    /// A comma when `comma`, then `utf8` quoted and escaped. The bytes before the first that
    /// needs escaping, nearly always all of them, go in with the quotes as one copy.
    @usableFromInline
    mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>, comma: Bool) {
        let clean = Self.cleanPrefix(utf8)
        let out = reserve(clean &+ 3)
        var written = 0
        if comma { out[0] = UInt8(ascii: ","); written = 1 }
        out[written] = UInt8(ascii: "\"")
        written &+= 1
        if let base = utf8.baseAddress, clean > 0 { (out + written).update(from: base, count: clean) }
        written &+= clean
        if clean == utf8.count {
            out[written] = UInt8(ascii: "\"")
            count &+= written &+ 1
            return
        }
        count &+= written
        appendEscaping(UnsafeBufferPointer(rebasing: utf8[clean...]))
        append(UInt8(ascii: "\""))
    }

    /// How many bytes of `utf8` from its start need no escaping (the usual case: a page of
    /// records is kilobytes of text with a handful of quotes to escape). Sixteen bytes at a
    /// time where the machine has SSE2 (`ctext_json_clean_prefix`); else, and for a text under
    /// sixteen bytes, eight at a time while none of them does, and a word that might hold one
    /// byte by byte.
    @usableFromInline
    static func cleanPrefix(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = utf8.baseAddress else { return 0 }
        let count = utf8.count
        let scanned = ctext_json_clean_prefix(base, count)
        if scanned >= 0 { return scanned }
        var index = 0
        while count &- index >= 8,
              !mayNeedEscaping(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
            index &+= 8
        }
        // Fewer than eight left: the last eight bytes hold them, the word before overlapping.
        if index < count, count &- index < 8, count >= 8,
           !mayNeedEscaping(UnsafeRawPointer(base + (count &- 8)).loadUnaligned(as: UInt64.self)) {
            return count
        }
        while index < count {
            let byte = base[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
            index &+= 1
        }
        return count
    }

    /// `utf8` escaped, from a byte that needs it: each such byte as its escape, the runs between
    /// them copied.
    @usableFromInline
    mutating func appendEscaping(_ utf8: UnsafeBufferPointer<UInt8>) {
        var rest = utf8
        while !rest.isEmpty {
            let byte = rest[rest.startIndex]
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case UInt8(ascii: "\n"): append("\\n")
            case UInt8(ascii: "\r"): append("\\r")
            case UInt8(ascii: "\t"): append("\\t")
            default:
                let hex: StaticString = "0123456789abcdef"
                append("\\u00")
                hex.withUTF8Buffer { digits in
                    append(digits[Int(byte >> 4)])
                    append(digits[Int(byte & 0xF)])
                }
            }
            rest = UnsafeBufferPointer(rebasing: rest.dropFirst())
            let clean = Self.cleanPrefix(rest)
            append(UnsafeBufferPointer(rebasing: rest[..<clean]))
            rest = UnsafeBufferPointer(rebasing: rest[clean...])
        }
    }
}

/// The bytes a `JSONWriter` has written, and room for more.
@usableFromInline
final class ByteBuffer {
    @usableFromInline let base: UnsafeMutablePointer<UInt8>
    @usableFromInline let capacity: Int

    @usableFromInline
    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }
}
