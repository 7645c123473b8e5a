/// A party to an event, and the part the report gives it.
public struct Participant: Codable, Sendable, Equatable, Hashable {
    /// A state (alpha-2), person, organization or region (South Ossetia claimed; Georgia
    /// attacked it).
    public var id: String
    public var role: ParticipantRole
    /// Whether the party's part is read from the report rather than said in it; the event's
    /// `note` says how.
    public var inferred: Bool

    public init(id: String, role: ParticipantRole = .actor, inferred: Bool = false) {
        self.id = id
        self.role = role
        self.inferred = inferred
    }

    private enum CodingKeys: String, CodingKey {
        case id, role, inferred
    }

    /// Reads a participant; `inferred` may be absent (false).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id), role: try container.decode(ParticipantRole.self, forKey: .role),
            inferred: try container.decodeIfPresent(Bool.self, forKey: .inferred) ?? false)
    }
}

/// The part a party plays in an event: a documented, closed vocabulary.
public enum ParticipantRole: String, Codable, Sendable, CaseIterable {
    /// Did what the event is (Russia sent the tanks).
    case actor
    /// What was done was done to it (Georgia, of the tanks; Czechoslovakia, invaded).
    case target
    /// Said it happened (South Ossetia, of the spy plane; Georgia, of the ethnic cleansing).
    case claimant
    /// Said it did not (Georgia's Interior Ministry; Russia's OSCE ambassador).
    case denier
    /// Criticized it (the West, of Russia's recognition).
    case critic
    /// Brokered it (the EU, of the cease-fire).
    case mediator
    /// Where it took place, as an organization (the OSCE, in Vienna).
    case venue
    /// What it was about, without a part in it (the regions Russia recognized).
    case subject
    /// Received a visit or a meeting (Georgia's coast, the warships; Tajikistan, the summit).
    case host
    /// Took part in a meeting.
    case attendee
    /// Attended a meeting as an observer.
    case observer
    /// Received what was handed over (Georgia, its 12 soldiers).
    case recipient
    /// Said something that is neither a claim nor a denial (a statement, an appeal).
    case speaker
}
