/// What a `Statement` does.
public enum StatementKind: String, Codable, Sendable, CaseIterable {
    case statement
    /// An assertion of fact that someone disputes or may dispute.
    case claim
    /// Denies another statement, named by `respondsTo`.
    case denial
    case appeal
    case accusation
}
