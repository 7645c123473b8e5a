/// Something someone said, claimed or denied, as the source reports it; the dataset gives no verdict.
public struct Statement: Codable, Sendable, Equatable {
    public var id: String
    /// The id of a person, organization, state (alpha-2) or region (South Ossetia "claimed").
    public var speakerId: String
    /// The speaker's role as the source gives it when speaking.
    public var speakerRole: String?
    public var date: HistoricalDate
    /// Where it was said, as the source names it.
    public var place: String?
    /// The `Region` id of `place`.
    public var regionId: String?
    /// The organization it was said at or on (the OSCE, Ekho Moskvy radio).
    public var venueId: String?
    /// The organization the source credits with reporting it (RIA-Novosti).
    public var reportedById: String?
    public var kind: StatementKind
    /// An exact substring of a source: the speaker's words when `isDirectQuote`, else the source's report of them.
    public var quote: String
    /// Whether the source puts `quote` in quotation marks as the speaker's own words.
    public var isDirectQuote: Bool
    /// The statements this one answers, each of them (Azimov's denial answers all three of
    /// Tkeshelashvili's charges); a denial names at least one.
    public var respondsTo: [String]
    public var summary: String
    /// Ids of whatever the statement is about: states, people, organizations, regions, events…
    public var about: [String]
    public var note: String?
    public var sources: [SourceQuote]
    /// The statements that answer this one, by id: `respondsTo` read from the other end. Kept by
    /// the store, never written in a fixture.
    public var respondedBy: [String] = []
    /// Whether a denial answers this statement. Kept by the store, never written in a fixture.
    public var isDisputed = false

    private enum CodingKeys: String, CodingKey {
        case id, speakerId, speakerRole, date, place, regionId, venueId, reportedById, kind, quote, isDirectQuote, respondsTo
        case summary, about, note, sources
    }

    public init(
        id: String, speakerId: String, speakerRole: String? = nil, date: HistoricalDate, place: String? = nil,
        regionId: String? = nil, venueId: String? = nil, reportedById: String? = nil, kind: StatementKind,
        quote: String, isDirectQuote: Bool, respondsTo: [String] = [], summary: String, about: [String] = [],
        note: String? = nil, sources: [SourceQuote]
    ) {
        self.id = id
        self.speakerId = speakerId
        self.speakerRole = speakerRole
        self.date = date
        self.place = place
        self.regionId = regionId
        self.venueId = venueId
        self.reportedById = reportedById
        self.kind = kind
        self.quote = quote
        self.isDirectQuote = isDirectQuote
        self.respondsTo = respondsTo
        self.summary = summary
        self.about = about
        self.note = note
        self.sources = sources
    }

    /// Reads a statement; `respondsTo` may be absent (it answers nothing).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            speakerId: try container.decode(String.self, forKey: .speakerId),
            speakerRole: try container.decodeIfPresent(String.self, forKey: .speakerRole),
            date: try container.decode(HistoricalDate.self, forKey: .date),
            place: try container.decodeIfPresent(String.self, forKey: .place),
            regionId: try container.decodeIfPresent(String.self, forKey: .regionId),
            venueId: try container.decodeIfPresent(String.self, forKey: .venueId),
            reportedById: try container.decodeIfPresent(String.self, forKey: .reportedById),
            kind: try container.decode(StatementKind.self, forKey: .kind),
            quote: try container.decode(String.self, forKey: .quote),
            isDirectQuote: try container.decode(Bool.self, forKey: .isDirectQuote),
            respondsTo: try container.decodeIfPresent([String].self, forKey: .respondsTo) ?? [],
            summary: try container.decode(String.self, forKey: .summary),
            about: try container.decode([String].self, forKey: .about),
            note: try container.decodeIfPresent(String.self, forKey: .note),
            sources: try container.decode([SourceQuote].self, forKey: .sources))
    }

    /// The statement's parties and their parts, read from what it records: the speaker as
    /// `claimant` of a claim or an accusation, `denier` of a denial, else `speaker`; the
    /// organization it was said at as `venue`; what it is about as `subject`.
    public var participants: [Participant] {
        let speaker: ParticipantRole = switch kind {
        case .claim, .accusation: .claimant
        case .denial: .denier
        case .statement, .appeal: .speaker
        }
        var parties = [Participant(id: speakerId, role: speaker)]
        if let venueId { parties.append(Participant(id: venueId, role: .venue)) }
        for subject in about where !parties.contains(where: { $0.id == subject }) {
            parties.append(Participant(id: subject, role: .subject))
        }
        return parties
    }
}
