/// The part a state plays in the story; a state may have several.
public enum StateRole: String, Codable, Sendable, CaseIterable {
    /// A member of the SCO.
    case member
    /// Attended the Dushanbe summit as an observer, as the source says of Iran, India, Pakistan,
    /// Mongolia and Afghanistan: what `/v1/observers` lists.
    case observer
    /// Holds observer status with the SCO, which the source states of Iran alone.
    case observerStatus = "observer-status"
    /// A party to the August 2008 war.
    case partyToConflict = "party-to-conflict"
    case other
}
