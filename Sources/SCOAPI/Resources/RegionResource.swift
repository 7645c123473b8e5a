import SCOData

/// `/v1/regions`: separatist regions, cities, coasts and the other places the article names.
enum RegionResource: Resource {
    static let table = FieldTable<Region>(schema: "Region", [
        Field("id", .string) { $1.string($0.id) },
        Field("name", .string) { $1.string($0.name) },
        Field("kind", .enumeration(RegionKind.allCases.map(\.rawValue)),
              filter: .oneOf("kind", RegionKind.allCases.map(\.rawValue), "Region kinds.")) { $1.string($0.kind.rawValue) },
        Field("stateCode", .nullableString, filter: .text("state", "Codes of the states the regions lie in.")) {
            $1.string($0.stateCode)
        },
        Field("parentId", .nullableString) { $1.string($0.parentId) },
        Field("capitalId", .nullableString) { $1.string($0.capitalId) },
        Field("notes", .notes) { $1.write($0.notes) },
        Field("note", .nullableString) { $1.string($0.note) },
        Field("sources", .sources) { $1.write($0.sources) },
    ], sortKeys: ["id", "name"], defaultSort: "id")

    static let routes: [Route] = [
        .list("/v1/regions", operationID: "regions", summary: "Regions and places.", table: table) { data, list, _ in
            try data.regions.page(try list.request())
        },
        .record(byID: "/v1/regions/{id}", operationID: "region", summary: "One region.", table: table, example: "south-ossetia",
                noun: "region") { data, id in try data.regions.record(id: id) },
    ]
}
