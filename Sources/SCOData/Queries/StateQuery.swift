/// The fields states sort by; `code` (alpha-2) is the id.
public enum StateSortField: String, ListSortField {
    case code
    case name

    public static var id: StateSortField { .code }
}

/// A state list request. The API's member states are `roles: [.member]`; its observers are
/// `roles: [.observer, .attendingAsObserver]` (either role).
public struct StateQuery: Sendable, Hashable {
    /// `code`.
    public static let defaultSort = ListSort<StateSortField>(.code)

    /// States having any of these roles; empty for all states.
    public var roles: [StateRole]
    public var sort: ListSort<StateSortField>
    public var limit: Int
    public var position: ListPosition?

    public init(
        roles: [StateRole] = [], sort: ListSort<StateSortField> = Self.defaultSort, limit: Int = 50,
        position: ListPosition? = nil
    ) {
        self.roles = roles
        self.sort = sort
        self.limit = limit
        self.position = position
    }
}
