/// The fields clauses sort by.
public enum ClauseSortField: String, ListSortField {
    /// The order in which the source quotes the declaration.
    case position
    case id
}

/// A clause list request.
public struct ClauseQuery: Sendable, Hashable {
    /// `position,id`.
    public static let defaultSort = ListSort<ClauseSortField>(.position, .id)

    public var sort: ListSort<ClauseSortField>
    public var limit: Int
    public var position: ListPosition?

    public init(sort: ListSort<ClauseSortField> = Self.defaultSort, limit: Int = 50, position: ListPosition? = nil) {
        self.sort = sort
        self.limit = limit
        self.position = position
    }
}
