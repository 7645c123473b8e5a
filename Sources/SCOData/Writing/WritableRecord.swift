/// One record the write API can create, replace or delete, of any of the four writable kinds.
public enum WritableRecord: Sendable, Equatable {
    case event(TimelineEvent)
    case statement(Statement)
    case clause(Clause)
    case source(Source)

    public var kind: RecordKind {
        switch self {
        case .event: .event
        case .statement: .statement
        case .clause: .clause
        case .source: .source
        }
    }

    public var id: String {
        switch self {
        case .event(let event): event.id
        case .statement(let statement): statement.id
        case .clause(let clause): clause.id
        case .source(let source): source.id
        }
    }
}
