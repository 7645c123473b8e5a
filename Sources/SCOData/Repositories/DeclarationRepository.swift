/// Reads the summit's joint declaration and the passages of it the source quotes.
public protocol DeclarationRepository {
    /// The declaration, or nil in a database that has not been seeded.
    func declaration() throws -> Declaration?
    /// The clause with this id, or nil.
    func clause(id: String) throws -> Clause?
    /// A page of clauses, by default in the order the source quotes them (`position`).
    func clauses(_ query: ClauseQuery) throws -> Page<Clause>
}

/// The fields clauses sort by.
public enum ClauseSortField: String, ListSortField {
    /// The order in which the source quotes the declaration.
    case position
    case id
}

/// A clause list request.
public struct ClauseQuery: Sendable, Hashable {
    /// `position,id`.
    public static let defaultSort = ListSort<ClauseSortField>(.position, .id)

    public var sort: ListSort<ClauseSortField>
    public var limit: Int
    public var position: ListPosition?

    public init(sort: ListSort<ClauseSortField> = Self.defaultSort, limit: Int = 50, position: ListPosition? = nil) {
        self.sort = sort
        self.limit = limit
        self.position = position
    }
}
