/// The fields organizations sort by.
public enum OrganizationSortField: String, ListSortField {
    case id
    case name
}

/// An organization list request.
public struct OrganizationQuery: Sendable, Hashable {
    /// `id`.
    public static let defaultSort = ListSort<OrganizationSortField>(.id)

    /// Organizations of any of these kinds; empty for all.
    public var kinds: [OrganizationKind]
    public var sort: ListSort<OrganizationSortField>
    public var limit: Int
    public var position: ListPosition?

    public init(
        kinds: [OrganizationKind] = [], sort: ListSort<OrganizationSortField> = Self.defaultSort, limit: Int = 50,
        position: ListPosition? = nil
    ) {
        self.kinds = kinds
        self.sort = sort
        self.limit = limit
        self.position = position
    }
}
