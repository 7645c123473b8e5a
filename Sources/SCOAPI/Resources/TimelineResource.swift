import SCOData

/// `/v1/timeline`: dated events, 1968 to 28 August 2008, with their parties (each with its
/// part) and regions.
enum TimelineResource: Resource {
    static let table = FieldTable<TimelineEvent>(schema: "Event", [
        .id,
        .date("date") { $0.date },
        Field("kind", .enumeration(EventKind.allCases.map(\.rawValue)),
              filter: .oneOf("kind", EventKind.allCases.map(\.rawValue), "Event kinds.")) { $1.string($0.kind.rawValue) },
        Field("title", .string) { $1.string($0.title) },
        Field("summary", .string) { $1.string($0.summary) },
        Field("participants", .participants, filter: .oneOf(
            "role", ParticipantRole.allCases.map(\.rawValue),
            "Parts: with actor=, what those parties did (actor=the-west&role=critic); alone, events where any party had it.")) {
            $1.write($0.participants)
        },
        Field("actors", .stringArray, filter: .text(
            "actor", "Ids of the parties, whatever their part: state codes (alpha-2, e.g. RU), people, organizations, regions.")) {
            event, json in
            // `event.actors`, written from the participants without an array of them.
            json.beginArray()
            for participant in event.participants { json.string(participant.id) }
            json.endArray()
        },
        Field("regions", .stringArray, filter: .text("region", "Region ids (e.g. south-ossetia).")) { $1.stringArray($0.regions) },
        Field("sameAs", .stringArray) { $1.stringArray($0.sameAs) },
    ] + Field.quoted, sortKeys: ["date", "id", "kind", "title"], defaultSort: "date,id", hasDateRange: true)

    static let routes = Route.collection(
        "/v1/timeline", table: table, noun: "timeline event", example: "georgian-offensive-on-south-ossetia",
        list: ("timeline", "Dated events, 1968 to 28 August 2008."), item: ("event", "One timeline event."),
        writes: (.event, "Event")
    ) { $0.timeline }
}
