/// One event loop's view of the dataset: the repositories, the change log and readiness, all
/// read through the same connection (or whatever the engine reads through), on one thread.
public protocol DatasetReader: AnyObject {
    var timeline: any RecordList<TimelineEvent, TimelineSortField> { get }
    var statements: any RecordList<Statement, StatementSortField> { get }
    var states: any RecordList<State, StateSortField> { get }
    var people: any RecordList<Person, PersonSortField> { get }
    var regions: any RecordList<Region, RegionSortField> { get }
    var quantities: any RecordList<Quantity, QuantitySortField> { get }
    var organizations: any RecordList<Organization, OrganizationSortField> { get }
    var sources: any RecordList<Source, SourceSortField> { get }
    var clauses: any RecordList<Clause, ClauseSortField> { get }
    var summits: any SummitRepository { get }
    var declarations: any DeclarationRepository { get }
    var search: any SearchRepository { get }

    /// The change log's entries after `seq` (exclusive), oldest first, at most `limit`, with how
    /// many there are after `seq` in all.
    func changes(after seq: Int, limit: Int) throws -> (changes: [Change], total: Int)

    /// The change sequence of the data this reader sees: the newest change-log entry's `seq`.
    func changeSequence() throws -> Int

    /// Whether the dataset can be served: readable, its schema at head, its data there; throws
    /// when it cannot even tell.
    func readiness() throws -> Readiness
}
