import Foundation

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
        for name in names where name.utf8.count == bytes.count {
            let isSame = name.utf8.withUnsafeBytes { utf8 in
                utf8.isEmpty || memcmp(utf8.baseAddress!, bytes.baseAddress!, utf8.count) == 0
            }
            if isSame { return name.value }
        }
        return nil
    }
}

extension EventKind: StoredName { static let storedNames = StoredNames<Self>() }
extension DatePrecision: StoredName { static let storedNames = StoredNames<Self>() }
extension DateBasis: StoredName { static let storedNames = StoredNames<Self>() }
extension ParticipantRole: StoredName { static let storedNames = StoredNames<Self>() }
extension StatementKind: StoredName { static let storedNames = StoredNames<Self>() }
extension OrganizationKind: StoredName { static let storedNames = StoredNames<Self>() }
extension RegionKind: StoredName { static let storedNames = StoredNames<Self>() }
extension SearchKind: StoredName { static let storedNames = StoredNames<Self>() }
