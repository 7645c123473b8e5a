/// What sort of thing happened in a `TimelineEvent`.
public enum EventKind: String, Codable, Sendable, CaseIterable {
    case military
    case diplomatic
    case summit
    case declaration
    case recognition
    case ceasefire
    case founding
    case detention
    case release
}
