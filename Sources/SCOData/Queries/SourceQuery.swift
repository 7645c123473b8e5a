/// The fields sources sort by.
public enum SourceSortField: String, ListSortField {
    case id
    case publishedOn
}

/// A source list request.
public struct SourceQuery: Sendable, Hashable {
    /// `id`.
    public static let defaultSort = ListSort<SourceSortField>(.id)

    public var sort: ListSort<SourceSortField>
    public var limit: Int
    public var position: ListPosition?

    public init(sort: ListSort<SourceSortField> = Self.defaultSort, limit: Int = 50, position: ListPosition? = nil) {
        self.sort = sort
        self.limit = limit
        self.position = position
    }
}
