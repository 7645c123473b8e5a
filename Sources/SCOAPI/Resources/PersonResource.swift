import SCOData

/// `/v1/people`: the people the article names, with their states and organizations.
enum PersonResource: Resource {
    static let table = FieldTable<Person>(schema: "Person", [
        Field("id", .string) { $1.string($0.id) },
        Field("name", .string) { $1.string($0.name) },
        Field("nameInSource", .nullableString) { $1.string($0.nameInSource) },
        Field("title", .string) { $1.string($0.title) },
        Field("stateCode", .nullableString, filter: .text("state", "Codes of the people's states.")) { $1.string($0.stateCode) },
        Field("organizationId", .nullableString, filter: .text("organization", "Ids of the people's organizations.")) {
            $1.string($0.organizationId)
        },
        Field("notes", .notes) { $1.write($0.notes) },
        Field("note", .nullableString) { $1.string($0.note) },
        Field("sources", .sources) { $1.write($0.sources) },
    ], sortKeys: ["id", "name"], defaultSort: "id")

    static let routes: [Route] = [
        .list("/v1/people", operationID: "people", summary: "People the article names.", table: table) { data, list, _ in
            try data.people.page(try list.request())
        },
        .record(byID: "/v1/people/{id}", operationID: "person", summary: "One person.", table: table, example: "dmitry-medvedev",
                noun: "person") { data, id in try data.people.record(id: id) },
    ]
}
