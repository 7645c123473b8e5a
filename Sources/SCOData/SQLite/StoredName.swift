#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A closed set of values stored as their raw names in text columns (kinds, roles, precisions),
/// found from a column's bytes by `Row.value(_:as:table:)`.
protocol StoredName: RawRepresentable<String>, CaseIterable, Sendable {
    /// The cases' names as UTF-8, built once per type.
    static var storedNames: StoredNames<Self> { get }
}

/// Each case of `Value` beside its raw name's UTF-8.
struct StoredNames<Value: StoredName>: Sendable {
    private let names: [(utf8: [UInt8], value: Value)]

    init() {
        names = Value.allCases.map { (Array($0.rawValue.utf8), $0) }
    }

    /// The case whose raw name is `bytes`; nil for any other text.
    func value(named bytes: UnsafeRawBufferPointer) -> Value? {
        for name in names where name.utf8.withUnsafeBytes({ sameBytes($0, bytes) }) {
            return name.value
        }
        return nil
    }
}

/// Whether two buffers hold the same bytes: a length check and one `memcmp`.
@inline(__always)
func sameBytes(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) -> Bool {
    first.count == second.count && (first.isEmpty || memcmp(first.baseAddress!, second.baseAddress!, first.count) == 0)
}

extension EventKind: StoredName { static let storedNames = StoredNames<Self>() }
extension DatePrecision: StoredName { static let storedNames = StoredNames<Self>() }
extension DateBasis: StoredName { static let storedNames = StoredNames<Self>() }
extension ParticipantRole: StoredName { static let storedNames = StoredNames<Self>() }
extension StatementKind: StoredName { static let storedNames = StoredNames<Self>() }
extension OrganizationKind: StoredName { static let storedNames = StoredNames<Self>() }
extension RegionKind: StoredName { static let storedNames = StoredNames<Self>() }
extension SearchKind: StoredName { static let storedNames = StoredNames<Self>() }
