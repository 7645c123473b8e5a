/// The fields statements sort by.
public enum StatementSortField: String, ListSortField {
    case date
    case id
    /// The speaker's id.
    case speaker
    case kind
}

/// A statement list request; filters as in `TimelineQuery` (alternatives within, AND across).
public struct StatementQuery: Sendable, Hashable {
    /// `date,id`.
    public static let defaultSort = ListSort<StatementSortField>(.date, .id)

    /// Speaker ids: people, states (alpha-2), organizations, regions.
    public var speakers: [String]
    public var kinds: [StatementKind]
    /// Ids of any record the statement is about.
    public var about: [String]
    /// Inclusive date bounds (see `DateBounds`).
    public var from: String?
    public var to: String?
    public var sort: ListSort<StatementSortField>
    public var limit: Int
    public var position: ListPosition?

    public init(
        speakers: [String] = [], kinds: [StatementKind] = [], about: [String] = [], from: String? = nil,
        to: String? = nil, sort: ListSort<StatementSortField> = Self.defaultSort, limit: Int = 50,
        position: ListPosition? = nil
    ) {
        self.speakers = speakers
        self.kinds = kinds
        self.about = about
        self.from = from
        self.to = to
        self.sort = sort
        self.limit = limit
        self.position = position
    }
}
