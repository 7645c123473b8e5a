/// The fields regions sort by.
public enum RegionSortField: String, ListSortField {
    case id
    case name
}

/// A region list request; filters are alternatives within, AND across.
public struct RegionQuery: Sendable, Hashable {
    /// `id`.
    public static let defaultSort = ListSort<RegionSortField>(.id)

    public var kinds: [RegionKind]
    /// Alpha-2 codes of the states the regions lie in.
    public var states: [String]
    public var sort: ListSort<RegionSortField>
    public var limit: Int
    public var position: ListPosition?

    public init(
        kinds: [RegionKind] = [], states: [String] = [], sort: ListSort<RegionSortField> = Self.defaultSort,
        limit: Int = 50, position: ListPosition? = nil
    ) {
        self.kinds = kinds
        self.states = states
        self.sort = sort
        self.limit = limit
        self.position = position
    }
}
