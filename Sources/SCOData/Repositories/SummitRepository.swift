/// Reads the summit the dataset is about.
public protocol SummitRepository {
    /// The summit, or nil in a database that has not been seeded.
    func summit() throws -> Summit?
}
