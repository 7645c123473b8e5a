/// The fields people sort by.
public enum PersonSortField: String, ListSortField {
    case id
    case name
}

/// A people list request; filters are alternatives within, AND across.
public struct PersonQuery: Sendable, Hashable {
    /// `id`.
    public static let defaultSort = ListSort<PersonSortField>(.id)

    /// Alpha-2 codes of the people's states.
    public var states: [String]
    /// Ids of the people's organizations.
    public var organizations: [String]
    public var sort: ListSort<PersonSortField>
    public var limit: Int
    public var position: ListPosition?

    public init(
        states: [String] = [], organizations: [String] = [], sort: ListSort<PersonSortField> = Self.defaultSort,
        limit: Int = 50, position: ListPosition? = nil
    ) {
        self.states = states
        self.organizations = organizations
        self.sort = sort
        self.limit = limit
        self.position = position
    }
}
