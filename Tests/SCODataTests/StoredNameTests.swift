import Testing

@testable import SCOData

@Suite struct StoredNameTests {
    /// Every case of `Value` from its own bytes, and nothing from a name one byte away from one.
    private func check<Value: StoredName>(_ type: Value.Type) {
        let names = Value.allCases.map { Array($0.rawValue.utf8) }
        func found(_ bytes: [UInt8]) -> Value? { bytes.withUnsafeBytes { Value.storedNames.value(named: $0) } }
        for value in Value.allCases {
            let name = Array(value.rawValue.utf8)
            #expect(found(name)?.rawValue == value.rawValue, "\(value.rawValue)")
            var nearMisses = [Array(name.dropLast()), name + [0], name + Array("s".utf8), [0x5F] + name]
            for index in name.indices {
                var changed = name
                changed[index] ^= 0x20
                nearMisses.append(changed)
            }
            for miss in nearMisses where !names.contains(miss) {
                #expect(found(miss) == nil, "\(String(decoding: miss, as: UTF8.self)) near \(value.rawValue)")
            }
        }
        #expect(found([]) == nil)
    }

    @Test func everyCaseIsFoundFromItsBytesAndNoNearMiss() {
        check(EventKind.self)
        check(DatePrecision.self)
        check(DateBasis.self)
        check(ParticipantRole.self)
        check(StatementKind.self)
        check(OrganizationKind.self)
        check(RegionKind.self)
        check(SearchKind.self)
    }

    @Test func namesLongerThanEightBytesAreComparedWhole() {
        // A name that shares a case's length and first eight bytes, and differs after them.
        let long = Array("organizatiom".utf8)
        #expect(long.withUnsafeBytes { SearchKind.storedNames.value(named: $0) } == nil)
        #expect(Array("organization".utf8).withUnsafeBytes { SearchKind.storedNames.value(named: $0) } == .organization)
    }
}
