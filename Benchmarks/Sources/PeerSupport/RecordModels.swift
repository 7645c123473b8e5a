/// Codable models of the records sco-api writes, as a Swift server would declare them.
///
/// Field names follow sco-api's record schemas (`SCOAPI/Records`). Optionals use the synthesized
/// `encodeIfPresent`, so a peer leaves out a `null` member that sco-api writes; the harness
/// therefore compares bodies as JSON with null members dropped, and reports body sizes.

/// A quotation backing a record.
public struct SourceQuote: Codable, Sendable {
    public var sourceId: String
    public var quote: String
    public var start: Int
    public var end: Int
}

/// A sourced note about a record.
public struct Note: Codable, Sendable {
    public var text: String
    public var sources: [SourceQuote]
}

/// A date as precise as the source allows.
public struct HistoricalDate: Codable, Sendable {
    public var value: String
    public var precision: String
    public var earliest: String
    public var latest: String
    public var basis: String
    public var text: String?
    public var note: String?
}

/// A party to an event and its part.
public struct Participant: Codable, Sendable {
    public var id: String
    public var role: String
    public var inferred: Bool
}

/// One item of `/v1/member-states`.
public struct MemberState: Codable, Sendable {
    public var code: String
    public var alpha3: String
    public var name: String
    public var isFormer: Bool
    public var roles: [String]
    public var notes: [Note]
    public var note: String?
    public var sources: [SourceQuote]
}

/// One item of `/v1/timeline`.
public struct TimelineEvent: Codable, Sendable {
    public var id: String
    public var date: HistoricalDate
    public var kind: String
    public var title: String
    public var summary: String
    public var participants: [Participant]
    public var actors: [String]
    public var regions: [String]
    public var sameAs: [String]
    public var note: String?
    public var sources: [SourceQuote]
}

/// One item of `/v1/search`.
public struct SearchHit: Codable, Sendable {
    public var type: String
    public var id: String
    public var title: String
    public var snippet: String
    public var rank: Double
    public var href: String
}

/// sco-api's list envelope: `{"items": [...], "total": n, "limit": n, "next": cursor-or-null}`.
public struct ListPage<Item: Codable & Sendable>: Codable, Sendable {
    public var items: [Item]
    public var total: Int?
    public var limit: Int?
    public var next: String?
}
