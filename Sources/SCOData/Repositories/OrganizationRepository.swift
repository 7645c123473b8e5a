/// Reads organizations: the SCO itself (id `sco`, the API's /v1/organization) and every other
/// body the source names.
public protocol OrganizationRepository {
    /// The organization with this id, or nil.
    func organization(id: String) throws -> Organization?
    /// A page of organizations matching `query`, in its order.
    func organizations(_ query: OrganizationQuery) throws -> Page<Organization>
}
