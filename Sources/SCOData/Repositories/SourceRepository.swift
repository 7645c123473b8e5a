/// Reads the published texts the dataset quotes.
public protocol SourceRepository {
    /// The source with this id, or nil.
    func source(id: String) throws -> Source?
    /// A page of sources, in the query's order.
    func sources(_ query: SourceQuery) throws -> Page<Source>
}
