import SCOData

/// `/v1/statements`: what was said — statements, claims, denials, appeals — and by whom.
enum StatementResource: Resource {
    static let table = FieldTable<Statement>(schema: "Statement", [
        Field("id", .string) { $1.string($0.id) },
        Field("speakerId", .string, filter: .text("speaker", "Speaker ids: people, states, organizations or regions.")) {
            $1.string($0.speakerId)
        },
        Field("speakerRole", .nullableString) { $1.string($0.speakerRole) },
        Field("date", .date) { $1.write($0.date) },
        Field("place", .nullableString) { $1.string($0.place) },
        Field("regionId", .nullableString) { $1.string($0.regionId) },
        Field("venueId", .nullableString) { $1.string($0.venueId) },
        Field("reportedById", .nullableString) { $1.string($0.reportedById) },
        Field("kind", .enumeration(StatementKind.allCases.map(\.rawValue)),
              filter: .oneOf("kind", StatementKind.allCases.map(\.rawValue), "Statement kinds.")) { $1.string($0.kind.rawValue) },
        Field("quote", .string) { $1.string($0.quote) },
        Field("isDirectQuote", .bool) { $1.bool($0.isDirectQuote) },
        Field("respondsTo", .nullableString) { $1.string($0.respondsTo) },
        Field("summary", .string) { $1.string($0.summary) },
        Field("about", .stringArray, filter: .text("about", "Ids of what the statement is about.")) { $1.stringArray($0.about) },
        Field("note", .nullableString) { $1.string($0.note) },
        Field("sources", .sources) { $1.write($0.sources) },
    ], sortKeys: ["date", "id", "speaker", "kind"], defaultSort: "date,id", hasDateRange: true)

    static let routes: [Route] = [
        .list("/v1/statements", operationID: "statements",
              summary: "Statements, claims, denials and appeals, with their speakers.", table: table) { data, list, _ in
            try data.statements.page(try list.request())
        },
        .record(byID: "/v1/statements/{id}", operationID: "statement", summary: "One statement.", table: table, example: "azimov-denies-ethnic-cleansing",
                noun: "statement") { data, id in try data.statements.record(id: id) },
    ] + Route.writes(
        .statement, collection: "/v1/statements", noun: "statement", operation: "Statement", table: table,
        example: "azimov-denies-ethnic-cleansing")
}
