import JSONText

extension JSONParser {
    /// Parses a string token (RFC 8259 §7): escapes decoded, surrogate pairs joined, UTF-8 checked.
    mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = offset
        // Most strings hold no escape: they are one slice of the input, validated once. Stored
        // records' quotes are parsed on every uncached list request, and appending byte by byte
        // cost a third of a timeline page's instructions. Anything else takes the loop below.
        if let (end, isASCII) = Self.plainStringEnd(in: bytes, after: start) {
            // ASCII is valid UTF-8 as it stands; `String(validating:)` is generic, and looking up
            // its type metadata on every call cost more than the check itself.
            let text = isASCII
                ? String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
                : String(validating: bytes[(start + 1)..<end], as: UTF8.self)
            guard let text else { throw error("string is not valid UTF-8") }
            offset = end + 1
            return text
        }
        offset += 1  // opening quote
        var utf8: [UInt8] = []
        while true {
            guard offset < bytes.count else {
                offset = start
                throw error("unterminated string")
            }
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                guard let text = String(validating: utf8, as: UTF8.self) else {
                    offset = start
                    throw error("string is not valid UTF-8")
                }
                return text
            case UInt8(ascii: "\\"):
                offset += 1
                try appendEscape(to: &utf8)
            case 0x00..<0x20:
                throw error("unescaped control character in a string")
            default:
                utf8.append(byte)
                offset += 1
            }
        }
    }

    /// The index of the closing quote of the string whose opening quote is at `start`, and
    /// whether every byte before it is ASCII; nil when a backslash or a control character comes
    /// first, or no quote does.
    ///
    /// Eight bytes at a look while none of them is a quote, a backslash or a control character
    /// (the test of `JSONWriter`'s escaper: exact when it says none), then byte by byte.
    static func plainStringEnd(in bytes: [UInt8], after start: Int) -> (end: Int, isASCII: Bool)? {
        bytes.withUnsafeBufferPointer { buffer in
            var index = start + 1
            var highBits: UInt8 = 0
            if let base = buffer.baseAddress {
                var wordHighBits: UInt64 = 0
                while buffer.count &- index >= 8 {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    guard !JSONWriter.mayNeedEscaping(word) else { break }
                    wordHighBits |= word
                    index &+= 8
                }
                if wordHighBits & 0x8080_8080_8080_8080 != 0 { highBits = 0x80 }
            }
            while index < buffer.count {
                let byte = buffer[index]
                switch byte {
                case UInt8(ascii: "\""): return (index, highBits < 0x80)
                case UInt8(ascii: "\\"), 0x00..<0x20: return nil
                default:
                    highBits |= byte
                    index += 1
                }
            }
            return nil
        }
    }

    private mutating func appendEscape(to utf8: inout [UInt8]) throws(JSONSyntaxError) {
        guard offset < bytes.count else { throw error("unterminated escape sequence") }
        let simple: UInt8? = switch bytes[offset] {
        case UInt8(ascii: "\""): UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): UInt8(ascii: "\\")
        case UInt8(ascii: "/"): UInt8(ascii: "/")
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
        if let simple {
            utf8.append(simple)
            offset += 1
            return
        }
        guard bytes[offset] == UInt8(ascii: "u") else { throw error("invalid escape sequence") }
        offset += 1
        let first = try parseHexQuad()
        var scalarValue = UInt32(first)
        if (0xD800...0xDBFF).contains(first) {
            // A high surrogate must be followed by an escaped low surrogate (RFC 8259 §7).
            guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                throw error("unpaired surrogate in a \\u escape")
            }
            offset += 2
            let second = try parseHexQuad()
            guard (0xDC00...0xDFFF).contains(second) else { throw error("unpaired surrogate in a \\u escape") }
            scalarValue = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(first) {
            throw error("unpaired surrogate in a \\u escape")
        }
        guard let scalar = Unicode.Scalar(scalarValue) else { throw error("invalid \\u escape") }
        UTF8.encode(scalar) { utf8.append($0) }
    }

    private mutating func parseHexQuad() throws(JSONSyntaxError) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard offset < bytes.count, let digit = Self.hexDigitValue(bytes[offset]) else {
                throw error("expected four hexadecimal digits in a \\u escape")
            }
            value = value << 4 | UInt16(digit)
            offset += 1
        }
        return value
    }

    private static func hexDigitValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
