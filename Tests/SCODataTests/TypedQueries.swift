import Testing
@testable import SCOData

/// The list requests with typed filters, as the tests spell them: each builds the request's
/// filters under the names the API gives them.
extension ListRequest where Field == TimelineSortField {
    init(
        kinds: [EventKind] = [], actors: [String] = [], roles: [ParticipantRole] = [], regions: [String] = [],
        from: String? = nil, to: String? = nil, sort: ListSort<Field> = Field.defaultSort, limit: Int = 50,
        position: ListPosition? = nil
    ) {
        self.init(
            filters: ["kind": kinds.map(\.rawValue), "actor": actors, "role": roles.map(\.rawValue), "region": regions],
            from: from, to: to, sort: sort, limit: limit, position: position)
    }

    var kinds: [EventKind] { values("kind").compactMap(EventKind.init(rawValue:)) }
    var actors: [String] { values("actor") }
    var roles: [ParticipantRole] { values("role").compactMap(ParticipantRole.init(rawValue:)) }
    var regions: [String] { values("region") }
}

extension ListRequest where Field == StatementSortField {
    init(
        speakers: [String] = [], kinds: [StatementKind] = [], about: [String] = [], respondsTo: [String] = [],
        disputed: [Bool] = [], from: String? = nil, to: String? = nil, sort: ListSort<Field> = Field.defaultSort, limit: Int = 50,
        position: ListPosition? = nil
    ) {
        self.init(
            filters: [
                "speaker": speakers, "kind": kinds.map(\.rawValue), "about": about, "respondsTo": respondsTo,
                "disputed": disputed.map(String.init),
            ],
            from: from, to: to, sort: sort, limit: limit, position: position)
    }

    var speakers: [String] { values("speaker") }
    var kinds: [StatementKind] { values("kind").compactMap(StatementKind.init(rawValue:)) }
    var about: [String] { values("about") }
    var respondsTo: [String] { values("respondsTo") }
    var disputed: [Bool] { values("disputed").compactMap(Bool.init) }
}

extension ListRequest where Field == StateSortField {
    init(roles: [StateRole] = [], sort: ListSort<Field> = Field.defaultSort, limit: Int = 50, position: ListPosition? = nil) {
        self.init(filters: ["role": roles.map(\.rawValue)], sort: sort, limit: limit, position: position)
    }
}

extension ListRequest: CustomTestStringConvertible {
    public var testDescription: String {
        let filters = filters.keys.sorted().filter { !values($0).isEmpty }.map { "\($0)=\(values($0))" }
        return (filters + ["from=\(from ?? "-")", "to=\(to ?? "-")", "sort=\(sort)"]).joined(separator: " ")
    }
}
