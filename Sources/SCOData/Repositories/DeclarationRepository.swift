/// Reads the summit's joint declaration and the passages of it the source quotes.
public protocol DeclarationRepository {
    /// The declaration, or nil in a database that has not been seeded.
    func declaration() throws -> Declaration?
    /// The clause with this id, or nil.
    func clause(id: String) throws -> Clause?
    /// A page of clauses, by default in the order the source quotes them (`position`).
    func clauses(_ query: ClauseQuery) throws -> Page<Clause>
}
