/// Reads the summit's joint declaration (its clauses are the `clauses` list).
public protocol DeclarationRepository {
    /// The declaration, or nil in a database that has not been seeded.
    func declaration() throws -> Declaration?
}
