/// Every body decoded into its model once, for the "JSONEncoder per request" routes.
///
/// The per-request routes model the usual way a Swift server answers: records held as Codable
/// values, encoded by Foundation's `JSONEncoder` for each response. For the uncached comparison
/// (`/v1/search?q=…`, `/v1/timeline?…` with varying queries) the peer ignores the query and
/// encodes the same decoded page every time: sco-api must also query SQLite, the peer does not.
public struct PeerPayloads: Sendable {
    public var memberStates: Payload<ListPage<MemberState>>
    public var timeline: Payload<ListPage<TimelineEvent>>
    public var search: Payload<ListPage<SearchHit>>

    public init(bodies: PeerBodies) throws {
        memberStates = try Payload(decoding: bodies["member-states"])
        timeline = try Payload(decoding: bodies["timeline"])
        search = try Payload(decoding: bodies["search"])
    }

    /// The model each body decoded into, e.g. "member-states=typed timeline=typed search=generic".
    public var summary: String {
        "member-states=\(memberStates.modelName) timeline=\(timeline.modelName) search=\(search.modelName)"
    }
}
