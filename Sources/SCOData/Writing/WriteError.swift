/// Why a write was refused; nothing was written. The API maps each case to its status.
public enum WriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The body is not a valid record; every problem found, each with its pointer (422).
    case invalid([WriteProblem])
    /// The id is already used, by a record of `kind` (ids are unique across every kind) (409).
    case idTaken(id: String, kind: String)
    /// Other records refer to this one, so deleting it would leave them dangling (409).
    case referenced(id: String, by: [String])
    /// Changing this source's text would leave quotes that are no longer in it (409).
    case quotesWouldBreak([String])

    public var description: String {
        switch self {
        case .invalid(let problems):
            return problems.map(\.description).joined(separator: "; ")
        case .idTaken(let id, let kind):
            return "the id '\(id)' is already used by \(kind == "state" ? "a state" : "the \(kind) '\(id)'")"
        case .referenced(let id, let referrers):
            return "'\(id)' is referred to by \(Self.list(referrers)); change or delete those first"
        case .quotesWouldBreak(let places):
            return "the new text would no longer contain what these quote from it: \(Self.list(places))"
        }
    }

    /// At most five items, then how many more.
    private static func list(_ items: [String]) -> String {
        let shown = items.prefix(5).joined(separator: ", ")
        return items.count > 5 ? "\(shown) and \(items.count - 5) more" : shown
    }
}
