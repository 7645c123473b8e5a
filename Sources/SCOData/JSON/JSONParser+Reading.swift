extension JSONParser {
    /// Reads one JSON text whose shape the caller knows, through `body`, without building a
    /// `JSONValue` tree: the stored columns of every record on an uncached page are read so, and
    /// the tree (its arrays, members and boxes) cost more than the reading.
    ///
    /// The same strict rules as `parse(_:)` apply to every token read or skipped.
    static func read<T>(_ bytes: [UInt8], _ body: (inout JSONParser) throws(JSONSyntaxError) -> T) throws(JSONSyntaxError) -> T {
        var parser = JSONParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try body(&parser)
        parser.skipWhitespace()
        if parser.offset < bytes.count {
            throw parser.error("unexpected \(parser.describeCurrent()) after the document's value")
        }
        return value
    }

    /// Reads the array that starts here, calling `element` at each element, which must read it.
    mutating func readArray(_ element: (inout JSONParser) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        guard consume(UInt8(ascii: "[")) else { throw error("unexpected \(describeCurrent()), expected an array") }
        skipWhitespace()
        if consume(UInt8(ascii: "]")) { return }
        while true {
            skipWhitespace()
            try element(&self)
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            if consume(UInt8(ascii: "]")) { return }
            throw error("unexpected \(describeCurrent()), expected ',' or ']' in an array")
        }
    }

    /// Reads the object that starts here, calling `member` with each member's name; `member`
    /// must read the value (or `skipValue()`).
    mutating func readObject(_ member: (inout JSONParser, String) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        try readMembers({ parser throws(JSONSyntaxError) in try parser.parseString() }, member)
    }

    /// Reads the object that starts here, calling `member` with the position in `names` of
    /// each member's name, or nil for a name not among them; `member` must read the value (or
    /// `skipValue()`). A name that is plain ASCII, as the stored columns' names are, is compared
    /// where it lies rather than made into a String first.
    mutating func readObject(
        names: MemberNames, _ member: (inout JSONParser, Int?) throws(JSONSyntaxError) -> Void
    ) throws(JSONSyntaxError) {
        try readMembers({ parser throws(JSONSyntaxError) -> Int? in
            guard let (end, isASCII) = Self.plainStringEnd(in: parser.bytes, after: parser.offset), isASCII else {
                return names.index(of: try parser.parseString())
            }
            let start = parser.offset + 1
            parser.offset = end + 1
            return parser.bytes.withUnsafeBytes { names.index(of: UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
        }, member)
    }

    /// The loop of an object: `readName` reads each member's name (its opening quote is
    /// checked first) into what `member` is called with. Inlined into each reader, so the name
    /// is read by its own code rather than through a generic closure call per member.
    @inline(__always)
    private mutating func readMembers<Name>(
        _ readName: (inout JSONParser) throws(JSONSyntaxError) -> Name,
        _ member: (inout JSONParser, Name) throws(JSONSyntaxError) -> Void
    ) throws(JSONSyntaxError) {
        guard consume(UInt8(ascii: "{")) else { throw error("unexpected \(describeCurrent()), expected an object") }
        skipWhitespace()
        if consume(UInt8(ascii: "}")) { return }
        while true {
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
                throw error("unexpected \(describeCurrent()), expected a member name in double quotes")
            }
            let name = try readName(&self)
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { throw error("unexpected \(describeCurrent()), expected ':' after a member name") }
            skipWhitespace()
            try member(&self, name)
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            if consume(UInt8(ascii: "}")) { return }
            throw error("unexpected \(describeCurrent()), expected ',' or '}' in an object")
        }
    }

    /// Whether an array starts here.
    var peekIsArray: Bool { offset < bytes.count && bytes[offset] == UInt8(ascii: "[") }

    /// Whether an object starts here.
    var peekIsObject: Bool { offset < bytes.count && bytes[offset] == UInt8(ascii: "{") }

    /// The string that starts here, or nil (having skipped it) for a value of another kind.
    mutating func readStringIfAny() throws(JSONSyntaxError) -> String? {
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") { return try parseString() }
        try skipValue()
        return nil
    }

    /// The number that starts here as an `Int`, or nil (having skipped it) for a value of
    /// another kind, a number with a fraction or an exponent, or one past `Int`'s range: what
    /// `Int(_:)` makes of the number as written, without the String.
    mutating func readIntIfAny() throws(JSONSyntaxError) -> Int? {
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) else {
            try skipValue()
            return nil
        }
        let span = try scanNumber()
        let isNegative = bytes[span.lowerBound] == UInt8(ascii: "-")
        var value = 0
        for byte in bytes[(isNegative ? span.lowerBound + 1 : span.lowerBound)..<span.upperBound] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let digit = Int(byte &- UInt8(ascii: "0"))
            let (shifted, overflowShift) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowAdd) = isNegative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflowShift, !overflowAdd else { return nil }
            value = next
        }
        return value
    }

    /// The number that starts here, as written, or nil (having skipped it) for another kind.
    mutating func readNumberIfAny() throws(JSONSyntaxError) -> String? {
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) {
            return try parseNumber()
        }
        try skipValue()
        return nil
    }

    /// Reads past the value that starts here, checking it as `parse(_:)` would.
    mutating func skipValue() throws(JSONSyntaxError) {
        _ = try parseValue()
    }
}

/// The member names a reader of a known shape looks for, as UTF-8, built once.
struct MemberNames: Sendable {
    private let names: [[UInt8]]
    private let texts: [String]

    init(_ names: String...) {
        texts = names
        self.names = names.map { Array($0.utf8) }
    }

    /// The position of the name spelled by `utf8`, or nil.
    func index(of utf8: UnsafeRawBufferPointer) -> Int? {
        names.firstIndex { $0.withUnsafeBytes { sameBytes($0, utf8) } }
    }

    /// The position of `name`, or nil.
    func index(of name: String) -> Int? {
        texts.firstIndex(of: name)
    }
}

