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

    /// The record with the positions its quotes lack filled in where the quote occurs once in
    /// its source (`QuotePositions`).
    func fillingQuotePositions(texts: [String: [UInt8]]) -> WritableRecord {
        switch self {
        case .event(var event):
            event.sources = QuotePositions.filled(event.sources, texts: texts)
            return .event(event)
        case .statement(var statement):
            statement.sources = QuotePositions.filled(statement.sources, texts: texts)
            return .statement(statement)
        case .clause(var clause):
            clause.sources = QuotePositions.filled(clause.sources, texts: texts)
            return .clause(clause)
        case .source:
            return self
        }
    }
}
