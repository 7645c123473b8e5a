/// Reads what was said: statements, claims, denials, with what they are about.
public protocol StatementRepository {
    /// The statement with this id, or nil.
    func statement(id: String) throws -> Statement?
    /// A page of statements matching `query`, in its order.
    func statements(_ query: StatementQuery) throws -> Page<Statement>
}
