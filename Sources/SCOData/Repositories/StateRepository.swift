/// Reads the states the source names, with their roles.
public protocol StateRepository {
    /// The state with this ISO 3166-1 alpha-2 or alpha-3 code, in any letter case, or nil.
    func state(code: String) throws -> State?
    /// A page of states matching `query`, in its order.
    func states(_ query: StateQuery) throws -> Page<State>
}
