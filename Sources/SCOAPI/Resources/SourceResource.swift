import SCOData

/// `/v1/sources`: the published texts every quote comes from, with their full text.
enum SourceResource: Resource {
    static let table = FieldTable<Source>(schema: "Source", [
        .id,
        Field("title", .string) { $1.string($0.title) },
        Field("publisher", .string) { $1.string($0.publisher) },
        Field("agency", .nullableString) { $1.string($0.agency) },
        Field("publishedOn", .string) { $1.string($0.publishedOn) },
        Field("language", .string) { $1.string($0.language) },
        Field("note", .nullableString) { $1.string($0.note) },
        Field("text", .string) { $1.string($0.text) },
    ], sortKeys: ["id", "publishedOn"], defaultSort: "id")

    static let routes = Route.collection(
        "/v1/sources", table: table, noun: "source", example: "article-2008-08-28-sco-dushanbe",
        list: ("sources", "The source documents every quote comes from."),
        item: ("source", "One source document, with its full text."), writes: (.source, "Source"),
        page: { source, call in ArticlePage.render(source, call: call, links: try call.links()) }
    ) { $0.sources }
}
