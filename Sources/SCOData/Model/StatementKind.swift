/// What a `Statement` does.
public enum StatementKind: String, Codable, Sendable, CaseIterable {
    case statement
    /// An assertion of fact that someone disputes or may dispute.
    case claim
    /// Denies other statements, each named in `respondsTo`; they are then disputed.
    case denial
    case appeal
    case accusation
}
