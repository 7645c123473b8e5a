/// Reads the people the source names.
public protocol PersonRepository {
    /// The person with this id, or nil.
    func person(id: String) throws -> Person?
    /// A page of people matching `query`, in its order.
    func people(_ query: PersonQuery) throws -> Page<Person>
}
