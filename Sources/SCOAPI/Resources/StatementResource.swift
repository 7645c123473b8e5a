import SCOData

/// `/v1/statements`: what was said — statements, claims, denials, appeals — and by whom.
enum StatementResource: Resource {
    static let table = FieldTable<Statement>(schema: "Statement", [
        .id,
        Field("speakerId", .string, filter: .text("speaker", "Speaker ids: people, states, organizations or regions.")) {
            $1.string($0.speakerId)
        },
        Field("speakerRole", .nullableString) { $1.string($0.speakerRole) },
        .date("date") { $0.date },
        Field("place", .nullableString) { $1.string($0.place) },
        Field("regionId", .nullableString) { $1.string($0.regionId) },
        Field("venueId", .nullableString) { $1.string($0.venueId) },
        Field("reportedById", .nullableString) { $1.string($0.reportedById) },
        Field("kind", .enumeration(StatementKind.allCases.map(\.rawValue)),
              filter: .oneOf("kind", StatementKind.allCases.map(\.rawValue), "Statement kinds.")) { $1.string($0.kind.rawValue) },
        Field("quote", .string) { $1.string($0.quote) },
        Field("isDirectQuote", .bool) { $1.bool($0.isDirectQuote) },
        Field("respondsTo", .stringArray, filter: .text("respondsTo", "Ids of statements answered: the statements that answer any of them.")) {
            $1.stringArray($0.respondsTo)
        },
        Field("respondedBy", .stringArray) { $1.stringArray($0.respondedBy) },
        Field("disputed", .bool, filter: .oneOf("disputed", ["true", "false"], "Whether a denial answers the statement.")) {
            $1.bool($0.isDisputed)
        },
        Field("summary", .string) { $1.string($0.summary) },
        Field("about", .stringArray, filter: .text("about", "Ids of what the statement is about.")) { $1.stringArray($0.about) },
        Field("participants", .participants) { $1.write($0.participants) },
    ] + Field.quoted, sortKeys: ["date", "id", "speaker", "kind"], defaultSort: "date,id", hasDateRange: true)

    static let routes = Route.collection(
        "/v1/statements", table: table, noun: "statement", example: "azimov-denies-ethnic-cleansing",
        list: ("statements", "Statements, claims, denials and appeals, with their speakers."),
        item: ("statement", "One statement."), writes: (.statement, "Statement")
    ) { $0.statements }
}
