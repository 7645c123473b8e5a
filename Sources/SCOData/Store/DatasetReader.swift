/// One event loop's view of the dataset: the repositories, the change log and readiness, all
/// read through the same connection (or whatever the engine reads through), on one thread.
public protocol DatasetReader: AnyObject {
    var timeline: any TimelineRepository { get }
    var statements: any StatementRepository { get }
    var states: any StateRepository { get }
    var people: any PersonRepository { get }
    var regions: any RegionRepository { get }
    var organizations: any OrganizationRepository { get }
    var sources: any SourceRepository { get }
    var summits: any SummitRepository { get }
    var declarations: any DeclarationRepository { get }
    var search: any SearchRepository { get }

    /// The change log's entries after `seq` (exclusive), oldest first, at most `limit`, with how
    /// many there are after `seq` in all.
    func changes(after seq: Int, limit: Int) throws -> (changes: [Change], total: Int)

    /// Whether the dataset can be served: readable, its schema at head, its data there; throws
    /// when it cannot even tell.
    func readiness() throws -> Readiness
}
