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
    public var note: String?
    public var sources: [SourceQuote]

    public init(
        id: String, date: HistoricalDate, kind: EventKind, title: String, summary: String,
        participants: [Participant] = [], regions: [String] = [], note: String? = nil, sources: [SourceQuote]
    ) {
        self.id = id
        self.date = date
        self.kind = kind
        self.title = title
        self.summary = summary
        self.participants = participants
        self.regions = regions
        self.note = note
        self.sources = sources
    }

    /// Timeline order: by `date.earliest` (the first day it may be; ISO text, so
    /// chronological), then by `id`.
    public static func timelineOrder(_ lhs: TimelineEvent, _ rhs: TimelineEvent) -> Bool {
        (lhs.date.earliest, lhs.id) < (rhs.date.earliest, rhs.id)
    }

    /// The ids of every party, whatever its part: what `actor=` filters on ("took part").
    public var actors: [String] { participants.map(\.id) }
}
