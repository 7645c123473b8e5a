/// Why a list position (the API's `cursor`) was refused; the API answers 400 naming `cursor`.
public enum CursorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text is not a position this code writes: wrong shape, too long, bad value.
    case malformed(reason: String)
    /// The position is well formed but was made for another list, filter set or sort order,
    /// or its values do not fit this list's sort keys.
    case doesNotMatchQuery

    public var description: String {
        switch self {
        case .malformed(let reason): "the cursor is malformed: \(reason)"
        case .doesNotMatchQuery: "the cursor belongs to another query (other filters, sort or list); start again without it"
        }
    }
}
