/// Reads places: separatist regions, cities, coasts.
public protocol RegionRepository {
    /// The region with this id, or nil.
    func region(id: String) throws -> Region?
    /// A page of regions matching `query`, in its order.
    func regions(_ query: RegionQuery) throws -> Page<Region>
}
