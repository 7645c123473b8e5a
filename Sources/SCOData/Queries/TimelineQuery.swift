/// The fields the timeline sorts by.
public enum TimelineSortField: String, ListSortField {
    /// The date value (a coarser date sorts before the finer dates within it).
    case date
    case id
    case kind
    case title
}

/// A timeline list request. Each filter is a list of alternatives (any of them matches); filters
/// combine with AND; an empty list is no filter. Ids match exactly.
public struct TimelineQuery: Sendable, Hashable {
    /// `date,id`: chronological, then by id.
    public static let defaultSort = ListSort<TimelineSortField>(.date, .id)

    public var kinds: [EventKind]
    /// Ids of actors: state codes (alpha-2), people, organizations.
    public var actors: [String]
    /// Region ids.
    public var regions: [String]
    /// Inclusive date bounds (see `DateBounds` for mixed precisions).
    public var from: String?
    public var to: String?
    public var sort: ListSort<TimelineSortField>
    /// At least 1.
    public var limit: Int
    /// Where the previous page ended, or nil for the first page.
    public var position: ListPosition?

    public init(
        kinds: [EventKind] = [], actors: [String] = [], regions: [String] = [], from: String? = nil,
        to: String? = nil, sort: ListSort<TimelineSortField> = Self.defaultSort, limit: Int = 50,
        position: ListPosition? = nil
    ) {
        self.kinds = kinds
        self.actors = actors
        self.regions = regions
        self.from = from
        self.to = to
        self.sort = sort
        self.limit = limit
        self.position = position
    }
}
