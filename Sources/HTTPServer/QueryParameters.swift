/// The query of a request target as ordered (name, value) pairs, percent-decoded.
///
/// Repeated names are kept (`?tag=a&tag=b`), order is preserved, and `+` reads as a space as
/// in `application/x-www-form-urlencoded` (WHATWG URL §5.1). A name without `=` has the value "".
public struct QueryParameters: Sendable, Sequence, Equatable, CustomStringConvertible {
    public typealias Parameter = (name: String, value: String)

    @usableFromInline
    var parameters: [Parameter]

    /// Makes a parameter list from decoded pairs, in order.
    public init(_ pairs: [(String, String)] = []) {
        parameters = pairs.map { (name: $0.0, value: $0.1) }
    }

    /// Decodes a raw query (the part after `?`, without it); a malformed `%` escape throws.
    public init(decoding query: String) throws(HTTPParseError) {
        var query = query
        var failure: HTTPParseError?
        let pairs = query.withUTF8 { bytes -> [Parameter]? in
            do throws(HTTPParseError) {
                return try Self.decode(bytes)
            } catch {
                failure = error
                return nil
            }
        }
        guard let pairs else { throw failure ?? .malformedPercentEncoding(query) }
        parameters = pairs
    }

    /// Decodes a raw query from its bytes.
    init(decoding bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) {
        parameters = try Self.decode(bytes)
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> [Parameter] {
        var pairs: [Parameter] = []
        var start = 0
        for end in 0...bytes.count where end == bytes.count || bytes[end] == ASCII.ampersand {
            defer { start = end + 1 }
            guard end > start else { continue }  // empty pieces are skipped
            let piece = UnsafeBufferPointer(rebasing: bytes[start..<end])
            let equals = piece.firstIndex(of: ASCII.equals)
            let name = UnsafeBufferPointer(rebasing: piece[..<(equals ?? piece.count)])
            let value = equals.map { UnsafeBufferPointer(rebasing: piece[($0 + 1)...]) } ?? UnsafeBufferPointer(rebasing: piece[piece.count...])
            pairs.append((
                name: try PercentEncoding.decode(name, plusAsSpace: true),
                value: try PercentEncoding.decode(value, plusAsSpace: true)
            ))
        }
        return pairs
    }

    public var count: Int { parameters.count }
    public var isEmpty: Bool { parameters.isEmpty }

    public func makeIterator() -> IndexingIterator<[Parameter]> {
        parameters.makeIterator()
    }

    /// Every value given for `name`, in order (empty if the name is absent).
    public func values(for name: String) -> [String] {
        parameters.filter { $0.name == name }.map(\.value)
    }

    /// The first value given for `name`, or nil.
    public func first(_ name: String) -> String? {
        parameters.first { $0.name == name }?.value
    }

    /// Whether `name` appears at all.
    public func contains(_ name: String) -> Bool {
        parameters.contains { $0.name == name }
    }

    /// The distinct names, in order of first appearance.
    public var names: [String] {
        var seen = Set<String>()
        return parameters.compactMap { seen.insert($0.name).inserted ? $0.name : nil }
    }

    public static func == (lhs: QueryParameters, rhs: QueryParameters) -> Bool {
        lhs.parameters.elementsEqual(rhs.parameters) { $0.name == $1.name && $0.value == $1.value }
    }

    public var description: String {
        parameters.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }
}
