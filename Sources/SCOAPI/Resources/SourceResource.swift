import SCOData

/// `/v1/sources`: the published texts every quote comes from, with their full text.
enum SourceResource: Resource {
    static let table = FieldTable<Source>(schema: "Source", [
        Field("id", .string) { $1.string($0.id) },
        Field("title", .string) { $1.string($0.title) },
        Field("publisher", .string) { $1.string($0.publisher) },
        Field("agency", .nullableString) { $1.string($0.agency) },
        Field("publishedOn", .string) { $1.string($0.publishedOn) },
        Field("language", .string) { $1.string($0.language) },
        Field("note", .nullableString) { $1.string($0.note) },
        Field("text", .string) { $1.string($0.text) },
    ], sortKeys: ["id", "publishedOn"], defaultSort: "id")

    static let routes: [Route] = [
        .list("/v1/sources", operationID: "sources", summary: "The source documents every quote comes from.",
              table: table) { data, list, _ in
            try data.sources.page(try list.request())
        },
        .record(byID: "/v1/sources/{id}", operationID: "source", summary: "One source document, with its full text.", table: table, example: "article-2008-08-28-sco-dushanbe",
                noun: "source") { data, id in try data.sources.record(id: id) },
    ] + Route.writes(
        .source, collection: "/v1/sources", noun: "source", operation: "Source", table: table,
        example: "article-2008-08-28-sco-dushanbe")
}
