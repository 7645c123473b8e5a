/// A request for one page of a list: its filters, an optional date range, its order, the page
/// size, and where the previous page ended.
///
/// Filters are named as the API names them (`kind`, `actor`); each holds alternatives (any of
/// them matches), filters combine with AND, and an absent or empty one is no filter. Ids match
/// exactly. `from` and `to` are inclusive dates of any precision (see `DateBounds`).
public struct ListRequest<Field: ListSortField>: Sendable, Hashable {
    public var filters: [String: [String]]
    public var from: String?
    public var to: String?
    public var sort: ListSort<Field>
    /// At least 1.
    public var limit: Int
    /// Where the previous page ended, or nil for the first page.
    public var position: ListPosition?

    public init(
        filters: [String: [String]] = [:], from: String? = nil, to: String? = nil, sort: ListSort<Field> = Field.defaultSort,
        limit: Int = 50, position: ListPosition? = nil
    ) {
        self.filters = filters
        self.from = from
        self.to = to
        self.sort = sort
        self.limit = limit
        self.position = position
    }

    /// The list's order when none is asked for.
    public static var defaultSort: ListSort<Field> { Field.defaultSort }

    /// The alternatives of the filter `name`; empty when it is not given.
    public func values(_ name: String) -> [String] {
        filters[name] ?? []
    }
}

/// The fields the timeline sorts by; `date,id` by default. `date` is the date's earliest day
/// (`HistoricalDate.earliest`), so a year sorts with its first day.
public enum TimelineSortField: String, ListSortField {
    case date, id, kind, title

    public static let defaultSort = ListSort<Self>(.date, .id)
}

/// The fields statements sort by (`speaker` is the speaker's id); `date,id` by default.
public enum StatementSortField: String, ListSortField {
    case date, id, speaker, kind

    public static let defaultSort = ListSort<Self>(.date, .id)
}

/// The fields states sort by; `code` (alpha-2) is the id and the default order.
public enum StateSortField: String, ListSortField {
    case code, name

    public static var id: StateSortField { .code }
    public static let defaultSort = ListSort<Self>(.code)
}

/// The fields clauses sort by; `position,id` (the order in which the source quotes the
/// declaration) by default.
public enum ClauseSortField: String, ListSortField {
    case position, id

    public static let defaultSort = ListSort<Self>(.position, .id)
}

/// The fields people, regions and organizations sort by; `id` by default.
public enum NameSortField: String, ListSortField {
    case id, name

    public static let defaultSort = ListSort<Self>(.id)
}

public typealias PersonSortField = NameSortField
public typealias RegionSortField = NameSortField
public typealias OrganizationSortField = NameSortField

/// The fields quantities sort by; `id` by default.
public enum QuantitySortField: String, ListSortField {
    case id, unit

    public static let defaultSort = ListSort<Self>(.id)
}

/// The fields sources sort by; `id` by default.
public enum SourceSortField: String, ListSortField {
    case id, publishedOn

    public static let defaultSort = ListSort<Self>(.id)
}

/// Timeline events: filters `kind`, `actor` (state codes, people, organizations), `region`, and
/// a date range.
public typealias TimelineQuery = ListRequest<TimelineSortField>
/// Statements: filters `speaker`, `kind`, `about`, and a date range.
public typealias StatementQuery = ListRequest<StatementSortField>
/// States: filter `role` (states having any of the roles; none for all states).
public typealias StateQuery = ListRequest<StateSortField>
/// People: filters `state` (alpha-2 codes) and `organization`.
public typealias PersonQuery = ListRequest<PersonSortField>
/// Regions: filters `kind` and `state` (the codes of the states they lie in).
public typealias RegionQuery = ListRequest<RegionSortField>
/// Organizations: filter `kind`.
public typealias OrganizationQuery = ListRequest<OrganizationSortField>
/// Clauses: no filter.
public typealias ClauseQuery = ListRequest<ClauseSortField>
/// Sources: no filter.
public typealias SourceQuery = ListRequest<SourceSortField>
