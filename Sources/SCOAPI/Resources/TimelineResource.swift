import SCOData

/// `/v1/timeline`: dated events, 1968 to 28 August 2008, with their actors and regions.
enum TimelineResource: Resource {
    static let table = FieldTable<TimelineEvent>(schema: "Event", [
        Field("id", .string) { $1.string($0.id) },
        Field("date", .date) { $1.write($0.date) },
        Field("kind", .enumeration(EventKind.allCases.map(\.rawValue)),
              filter: .oneOf("kind", EventKind.allCases.map(\.rawValue), "Event kinds.")) { $1.string($0.kind.rawValue) },
        Field("title", .string) { $1.string($0.title) },
        Field("summary", .string) { $1.string($0.summary) },
        Field("actors", .stringArray,
              filter: .text("actor", "Ids of actors: state codes (alpha-2, e.g. RU), people or organizations.")) {
            $1.stringArray($0.actors)
        },
        Field("regions", .stringArray, filter: .text("region", "Region ids (e.g. south-ossetia).")) { $1.stringArray($0.regions) },
        Field("note", .nullableString) { $1.string($0.note) },
        Field("sources", .sources) { $1.write($0.sources) },
    ], sortKeys: ["date", "id", "kind", "title"], defaultSort: "date,id", hasDateRange: true)

    static let routes: [Route] = [
        .list("/v1/timeline", operationID: "timeline", summary: "Dated events, 1968 to 28 August 2008.", table: table) { data, list, _ in
            try data.timeline.page(try list.request())
        },
        .record(byID: "/v1/timeline/{id}", operationID: "event", summary: "One timeline event.", table: table, example: "georgian-offensive-on-south-ossetia",
                noun: "timeline event") { data, id in try data.timeline.record(id: id) },
    ] + Route.writes(
        .event, collection: "/v1/timeline", noun: "timeline event", operation: "Event", table: table,
        example: "georgian-offensive-on-south-ossetia")
}
