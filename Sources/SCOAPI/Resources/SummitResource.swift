import SCOData

/// `/v1/summit`: the Dushanbe summit of 28 August 2008.
enum SummitResource: Resource {
    static let table = FieldTable<Summit>(schema: "Summit", [
        .id,
        Field("name", .string) { $1.string($0.name) },
        Field("organizationId", .string) { $1.string($0.organizationId) },
        Field("place", .string) { $1.string($0.place) },
        Field("placeId", .nullableString) { $1.string($0.placeId) },
        Field("countryCode", .nullableString) { $1.string($0.countryCode) },
        Field("hostStateCode", .nullableString) { $1.string($0.hostStateCode) },
        .date("date") { $0.date },
        Field("declarationId", .nullableString) { $1.string($0.declarationId) },
    ] + Field.events + Field.annotated)

    static let routes: [Route] = [
        .record("/v1/summit", operationID: "summit", summary: "The Dushanbe summit of 28 August 2008.", table: table) { data, _ in
            try data.summits.summit()
        } missing: { _ in
            "The summit is not in the dataset."
        },
    ]
}
