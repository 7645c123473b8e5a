import SCOData

/// `/v1/regions`: separatist regions, cities, coasts and the other places the article names.
enum RegionResource: Resource {
    static let table = FieldTable<Region>(schema: "Region", [
        .id,
        Field("name", .string) { $1.string($0.name) },
        Field("kind", .enumeration(RegionKind.allCases.map(\.rawValue)),
              filter: .oneOf("kind", RegionKind.allCases.map(\.rawValue), "Region kinds.")) { $1.string($0.kind.rawValue) },
        Field("stateCode", .nullableString, filter: .text("state", "Codes of the states the regions lie in.")) {
            $1.string($0.stateCode)
        },
        Field("parentId", .nullableString) { $1.string($0.parentId) },
        Field("capitalId", .nullableString) { $1.string($0.capitalId) },
    ] + Field.annotated, sortKeys: ["id", "name"], defaultSort: "id")

    static let routes = Route.collection(
        "/v1/regions", table: table, noun: "region", example: "south-ossetia",
        list: ("regions", "Regions and places."), item: ("region", "One region.")
    ) { $0.regions }
}
