/// An ordered list of header fields, looked up by case-insensitive name (RFC 9110 §5).
///
/// Order and repetition are kept as received or added: a field that appears twice is two
/// entries, and `values(for:)` returns both.
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    /// One field line: its name as written and its value without surrounding whitespace.
    public typealias Field = (name: String, value: String)

    @usableFromInline
    var fields: [Field]

    /// Makes an empty header list.
    public init() {
        fields = []
    }

    /// Makes an empty header list with room for `minimumCapacity` fields, for a response whose
    /// fields are known in number: the list then grows once rather than line by line.
    public init(minimumCapacity: Int) {
        fields = []
        fields.reserveCapacity(minimumCapacity)
    }

    /// Makes a header list from (name, value) pairs, in order.
    public init(_ pairs: [(String, String)]) {
        fields = pairs.map { (name: $0.0, value: $0.1) }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    /// The number of field lines.
    public var count: Int { fields.count }
    public var isEmpty: Bool { fields.isEmpty }

    public func makeIterator() -> IndexingIterator<[Field]> {
        fields.makeIterator()
    }

    public var description: String {
        fields.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
    }

    /// The first value of the named field, or nil; setting replaces every value (nil removes).
    public subscript(name: String) -> String? {
        get {
            fields.first { ASCII.equalsIgnoringCase($0.name, name) }?.value
        }
        set {
            if let newValue { set(name, newValue) } else { remove(name) }
        }
    }

    /// The first value of the named field, or nil; setting replaces every value (nil removes).
    public subscript(name: HTTPHeaderName) -> String? {
        get { self[name.rawValue] }
        set { self[name.rawValue] = newValue }
    }

    /// Every value of the named field, in order.
    public func values(for name: String) -> [String] {
        fields.filter { ASCII.equalsIgnoringCase($0.name, name) }.map(\.value)
    }

    public func values(for name: HTTPHeaderName) -> [String] {
        values(for: name.rawValue)
    }

    /// Whether the named field appears at least once.
    public func contains(_ name: String) -> Bool {
        fields.contains { ASCII.equalsIgnoringCase($0.name, name) }
    }

    public func contains(_ name: HTTPHeaderName) -> Bool {
        contains(name.rawValue)
    }

    /// Appends a field line, keeping any existing ones of the same name.
    public mutating func add(_ name: String, _ value: String) {
        fields.append((name: name, value: value))
    }

    public mutating func add(_ name: HTTPHeaderName, _ value: String) {
        add(name.rawValue, value)
    }

    /// Replaces every field of this name with one line holding `value`, where the first one was.
    public mutating func set(_ name: String, _ value: String) {
        if let first = fields.firstIndex(where: { ASCII.equalsIgnoringCase($0.name, name) }) {
            fields[first] = (name: name, value: value)
            var index = fields.index(after: first)
            while index < fields.endIndex {
                if ASCII.equalsIgnoringCase(fields[index].name, name) {
                    fields.remove(at: index)
                } else {
                    index += 1
                }
            }
        } else {
            add(name, value)
        }
    }

    public mutating func set(_ name: HTTPHeaderName, _ value: String) {
        set(name.rawValue, value)
    }

    /// Removes every field of this name.
    public mutating func remove(_ name: String) {
        fields.removeAll { ASCII.equalsIgnoringCase($0.name, name) }
    }

    public mutating func remove(_ name: HTTPHeaderName) {
        remove(name.rawValue)
    }

    /// Whether a comma-separated list field (e.g. `Connection`) holds `token`, ignoring case
    /// (RFC 9110 §5.6.1 lists; §7.6.1 connection options).
    public func containsToken(_ token: String, in name: HTTPHeaderName) -> Bool {
        for field in fields where ASCII.equalsIgnoringCase(field.name, name.rawValue) {
            for element in field.value.utf8.split(separator: ASCII.comma) {
                let trimmed = element.drop(while: ASCII.isWhitespace).reversed().drop(while: ASCII.isWhitespace)
                if ASCII.equalsIgnoringCase(trimmed.reversed(), token.utf8) {
                    return true
                }
            }
        }
        return false
    }
}
