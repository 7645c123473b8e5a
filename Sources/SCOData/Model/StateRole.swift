/// The part a state plays in the story; a state may have several.
public enum StateRole: String, Codable, Sendable, CaseIterable {
    /// A member of the SCO.
    case member
    /// Holds observer status with the SCO, as the source states.
    case observer
    /// Attended the Dushanbe summit as an observer, as the source states (status aside).
    case attendingAsObserver = "attending-as-observer"
    /// A party to the August 2008 war.
    case partyToConflict = "party-to-conflict"
    case other
}
