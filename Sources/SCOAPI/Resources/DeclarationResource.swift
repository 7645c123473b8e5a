import SCOData

/// `/v1/declaration` and `/v1/declaration/clauses`: the summit's joint declaration and the
/// passages of it the article quotes, in order.
enum DeclarationResource: Resource {
    static let table = FieldTable<Declaration>(schema: "Declaration", [
        .id,
        Field("title", .string) { $1.string($0.title) },
        Field("organizationId", .string) { $1.string($0.organizationId) },
        Field("summitId", .string) { $1.string($0.summitId) },
        .date("adoptedOn") { $0.adoptedOn },
        Field("place", .string) { $1.string($0.place) },
        Field("endorsement", .string) { $1.string($0.endorsement) },
        Field("summary", .string) { $1.string($0.summary) },
    ] + Field.events + Field.annotated)

    static let clauseTable = FieldTable<Clause>(schema: "Clause", [
        .id,
        Field("declarationId", .string) { $1.string($0.declarationId) },
        Field("position", .integer) { $1.int($0.position) },
        Field("text", .string) { $1.string($0.text) },
        Field("addresses", .stringArray) { $1.stringArray($0.addresses) },
        Field("summary", .string) { $1.string($0.summary) },
    ] + Field.quoted, sortKeys: ["position", "id"], defaultSort: "position")

    static let routes: [Route] = [
        .record("/v1/declaration", operationID: "declaration", summary: "The joint declaration.", table: table) { data, _ in
            try data.declarations.declaration()
        } missing: { _ in
            "The declaration is not in the dataset."
        },
    ] + Route.collection(
        "/v1/declaration/clauses", table: clauseTable, noun: "clause", example: "territorial-integrity",
        list: ("clauses", "The declaration's quoted passages, in order."), item: ("clause", "One clause of the declaration.")
    ) { $0.clauses } + Route.writes(
        .clause, collection: "/v1/declaration/clauses", noun: "declaration clause", operation: "Clause", table: clauseTable,
        example: "territorial-integrity")
}
