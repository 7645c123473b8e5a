import SCOData

/// `/v1/people`: the people the article names, with their states and organizations.
enum PersonResource: Resource {
    static let table = FieldTable<Person>(schema: "Person", [
        .id,
        Field("name", .string) { $1.string($0.name) },
        Field("nameInSource", .nullableString) { $1.string($0.nameInSource) },
        Field("title", .string) { $1.string($0.title) },
        Field("stateCode", .nullableString, filter: .text("state", "Codes of the people's states.")) { $1.string($0.stateCode) },
        Field("organizationId", .nullableString, filter: .text("organization", "Ids of the people's organizations.")) {
            $1.string($0.organizationId)
        },
    ] + Field.annotated, sortKeys: ["id", "name"], defaultSort: "id")

    static let routes = Route.collection(
        "/v1/people", table: table, noun: "person", example: "dmitry-medvedev",
        list: ("people", "People the article names."), item: ("person", "One person.")
    ) { $0.people }
}
