/// A dated happening: who acted, where, and what the source says of it.
public struct TimelineEvent: Codable, Sendable, Equatable {
    public var id: String
    public var date: HistoricalDate
    public var kind: EventKind
    public var title: String
    public var summary: String
    /// The parties, each with its part: states (alpha-2), people, organizations and regions.
    public var participants: [Participant]
    /// Ids of the regions involved.
    public var regions: [String]
    /// The records that are the same act, told as another kind of record or another event: the
    /// summit's event is the summit (`/v1/summit`), the declaration's the declaration; the peace
    /// deal and the six principles are one act. One record, linked, rather than two copies.
    public var sameAs: [String]
    public var note: String?
    public var sources: [SourceQuote]

    private enum CodingKeys: String, CodingKey {
        case id, date, kind, title, summary, participants, regions, sameAs, note, sources
    }

    public init(
        id: String, date: HistoricalDate, kind: EventKind, title: String, summary: String,
        participants: [Participant] = [], regions: [String] = [], sameAs: [String] = [], note: String? = nil,
        sources: [SourceQuote]
    ) {
        self.id = id
        self.date = date
        self.kind = kind
        self.title = title
        self.summary = summary
        self.participants = participants
        self.regions = regions
        self.sameAs = sameAs
        self.note = note
        self.sources = sources
    }

    /// Timeline order: by `date.earliest` (the first day it may be; ISO text, so
    /// chronological), then by `id`.
    public static func timelineOrder(_ lhs: TimelineEvent, _ rhs: TimelineEvent) -> Bool {
        (lhs.date.earliest, lhs.id) < (rhs.date.earliest, rhs.id)
    }

    /// Reads an event; `sameAs` may be absent (no other record is the same act).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id), date: try container.decode(HistoricalDate.self, forKey: .date),
            kind: try container.decode(EventKind.self, forKey: .kind), title: try container.decode(String.self, forKey: .title),
            summary: try container.decode(String.self, forKey: .summary),
            participants: try container.decode([Participant].self, forKey: .participants),
            regions: try container.decode([String].self, forKey: .regions),
            sameAs: try container.decodeIfPresent([String].self, forKey: .sameAs) ?? [],
            note: try container.decodeIfPresent(String.self, forKey: .note),
            sources: try container.decode([SourceQuote].self, forKey: .sources))
    }

    /// The ids of every party, whatever its part: what `actor=` filters on ("took part").
    public var actors: [String] { participants.map(\.id) }
}
