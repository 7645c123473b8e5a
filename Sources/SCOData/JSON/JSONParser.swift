/// A strict RFC 8259 parser into `JSONValue` that reports the line and column of the first error.
///
/// It never traps: every index is checked, nesting is capped at `maximumDepth` (so hostile
/// input cannot exhaust the stack), and strings must be valid UTF-8 (RFC 8259 §8.1) with no
/// unescaped control characters or unpaired surrogate escapes (§7). No byte order mark is accepted.
public struct JSONParser {
    /// Deeper nesting than this is refused rather than recursed into.
    public static let maximumDepth = 128

    let bytes: [UInt8]
    var offset = 0
    private var depth = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Parses one JSON text: a value surrounded by optional whitespace and nothing else.
    public static func parse(_ bytes: [UInt8]) -> Result<JSONValue, JSONSyntaxError> {
        var parser = JSONParser(bytes: bytes)
        do throws(JSONSyntaxError) {
            parser.skipWhitespace()
            let value = try parser.parseValue()
            parser.skipWhitespace()
            if parser.offset < bytes.count {
                throw parser.error("unexpected \(parser.describeCurrent()) after the document's value")
            }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }

    mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        guard offset < bytes.count else { throw error("unexpected end of input, expected a value") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return try nested { parser throws(JSONSyntaxError) in try parser.parseObject() }
        case UInt8(ascii: "["): return try nested { parser throws(JSONSyntaxError) in try parser.parseArray() }
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("unexpected \(describeCurrent()), expected a value")
        }
    }

    private mutating func nested(_ body: (inout JSONParser) throws(JSONSyntaxError) -> JSONValue) throws(JSONSyntaxError) -> JSONValue {
        guard depth < Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth) levels") }
        depth += 1
        defer { depth -= 1 }
        return try body(&self)
    }

    /// An object's members in order, through the same loop as `readObject`.
    private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        var members: [JSONMember] = []
        try readObject { parser, key throws(JSONSyntaxError) in members.append(JSONMember(key: key, value: try parser.parseValue())) }
        return .object(members)
    }

    /// An array's elements in order, through the same loop as `readArray`.
    private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        var elements: [JSONValue] = []
        try readArray { parser throws(JSONSyntaxError) in elements.append(try parser.parseValue()) }
        return .array(elements)
    }

    /// number = [ minus ] int [ frac ] [ exp ] (RFC 8259 §6); leading zeros are refused.
    mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let span = try scanNumber()
        return String(decoding: bytes[span], as: UTF8.self)
    }

    /// Reads past the number that starts here, checked against RFC 8259's grammar: its bytes.
    mutating func scanNumber() throws(JSONSyntaxError) -> Range<Int> {
        let start = offset
        _ = consume(UInt8(ascii: "-"))
        if consume(UInt8(ascii: "0")) {
            if digitCount() > 0 { throw error("leading zero in a number") }
        } else if digitCount() == 0 {
            throw error("unexpected \(describeCurrent()), expected a digit")
        }
        if consume(UInt8(ascii: ".")), digitCount() == 0 {
            throw error("unexpected \(describeCurrent()), expected a digit after the decimal point")
        }
        if consume(UInt8(ascii: "e")) || consume(UInt8(ascii: "E")) {
            _ = consume(UInt8(ascii: "+")) || consume(UInt8(ascii: "-"))
            if digitCount() == 0 { throw error("unexpected \(describeCurrent()), expected a digit in the exponent") }
        }
        return start..<offset
    }

    private mutating func digitCount() -> Int {
        let start = offset
        while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) { offset += 1 }
        return offset - start
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for byte in expected {
            guard offset < bytes.count, bytes[offset] == byte else {
                throw error("unexpected \(describeCurrent()), expected '\(literal)'")
            }
            offset += 1
        }
    }

    mutating func consume(_ byte: UInt8) -> Bool {
        guard offset < bytes.count, bytes[offset] == byte else { return false }
        offset += 1
        return true
    }

    /// Skips the four whitespace bytes RFC 8259 §2 allows: space, tab, LF, CR.
    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    func describeCurrent() -> String {
        guard offset < bytes.count else { return "end of input" }
        let byte = bytes[offset]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(message: message, offset: offset, in: bytes)
    }
}

/// Where and why a JSON text failed to parse. Lines and columns count from 1; columns count bytes.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    public let message: String
    public let offset: Int
    public let line: Int
    public let column: Int

    init(message: String, offset: Int, in bytes: [UInt8]) {
        self.message = message
        self.offset = offset
        let end = min(offset, bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<end where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        self.line = line
        self.column = end - lineStart + 1
    }
}
