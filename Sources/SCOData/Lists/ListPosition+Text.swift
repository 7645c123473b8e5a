extension ListPosition {
    /// The longest text `init(text:)` reads; longer input is refused before it is parsed.
    public static let maximumTextLength = 4096
    /// The most sort-key values a position holds.
    static let maximumValueCount = 8

    /// The stable text form: compact JSON, `{"v":1,"f":"<fingerprint>","k":[<values>]}`.
    ///
    /// Text values are JSON strings, integers JSON integers, reals JSON numbers with a fraction
    /// or an exponent, written in the shortest form that reads back to the same `Double`, so a
    /// rank survives the round trip exactly (keyset comparison needs the very same value).
    public var text: String {
        let keys: [JSONValue] = values.map { value in
            switch value {
            case .text(let text): .string(text)
            case .integer(let integer): .number(String(integer))
            case .real(let real): .number(Self.realText(real))
            }
        }
        let object = JSONValue.object([
            JSONMember(key: "v", value: .number("1")),
            JSONMember(key: "f", value: .string(fingerprint)),
            JSONMember(key: "k", value: .array(keys)),
        ])
        return String(decoding: object.serialized(), as: UTF8.self)
    }

    /// Reads the text form back. Whatever the input, it returns a position or throws
    /// `CursorError.malformed`; it never traps (the API's cursor parameter is fuzzed).
    public init(text: String) throws(CursorError) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw .malformed(reason: "it is empty") }
        guard bytes.count <= Self.maximumTextLength else {
            throw .malformed(reason: "it is longer than \(Self.maximumTextLength) bytes")
        }
        guard case .success(let tree) = JSONParser.parse(bytes), case .object(let members) = tree else {
            throw .malformed(reason: "it is not a position object")
        }
        guard members.map(\.key) == ["v", "f", "k"] else {
            throw .malformed(reason: "it does not have exactly the members v, f and k")
        }
        guard members[0].value == .number("1") else { throw .malformed(reason: "unknown version") }
        guard case .string(let fingerprint) = members[1].value, Self.isFingerprint(fingerprint) else {
            throw .malformed(reason: "the fingerprint is not 16 lowercase hexadecimal digits")
        }
        guard case .array(let elements) = members[2].value, (1...Self.maximumValueCount).contains(elements.count) else {
            throw .malformed(reason: "the keys are not a list of 1 to \(Self.maximumValueCount) values")
        }
        var values: [Value] = []
        for element in elements {
            values.append(try Self.value(from: element))
        }
        self.init(fingerprint: fingerprint, values: values)
    }

    private static func value(from element: JSONValue) throws(CursorError) -> Value {
        switch element {
        case .string(let text):
            return .text(text)
        case .number(let text) where text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }):
            guard let real = Double(text), real.isFinite else { throw .malformed(reason: "a number is out of range") }
            return .real(real)
        case .number(let text):
            guard let integer = Int64(text) else { throw .malformed(reason: "an integer is out of range") }
            return .integer(integer)
        default:
            throw .malformed(reason: "a key value is \(element.typeName), not a string or a number")
        }
    }

    /// Swift's shortest round-tripping spelling, which always has a `.` or an exponent.
    private static func realText(_ real: Double) -> String {
        precondition(real.isFinite, "sort keys are finite numbers")
        return String(describing: real)
    }

    static func isFingerprint(_ text: String) -> Bool {
        text.utf8.count == 16 && text.utf8.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
        }
    }
}

extension ListPosition: Codable {
    /// Encodes as the text form, one string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    /// Decodes the text form; a malformed one is a `DecodingError.dataCorrupted`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(text: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }
}
