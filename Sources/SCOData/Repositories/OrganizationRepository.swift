/// Reads organizations: the SCO itself (id `sco`, the API's /v1/organization) and every other
/// body the source names.
public protocol OrganizationRepository {
    /// The organization with this id, or nil.
    func organization(id: String) throws -> Organization?
    /// A page of organizations matching `query`, in its order.
    func organizations(_ query: OrganizationQuery) throws -> Page<Organization>
}

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
