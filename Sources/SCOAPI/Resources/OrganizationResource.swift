import SCOData

/// `/v1/organization` (the SCO itself) and `/v1/organizations`: every body the article names.
enum OrganizationResource: Resource {
    static let table = FieldTable<Organization>(schema: "Organization", [
        Field("id", .string) { $1.string($0.id) },
        Field("name", .string) { $1.string($0.name) },
        Field("abbreviation", .nullableString) { $1.string($0.abbreviation) },
        Field("kind", .enumeration(OrganizationKind.allCases.map(\.rawValue)),
              filter: .oneOf("kind", OrganizationKind.allCases.map(\.rawValue), "Organization kinds.")) {
            $1.string($0.kind.rawValue)
        },
        Field("founded", .nullableDate) { $1.write($0.founded) },
        Field("purpose", .nullableString) { $1.string($0.purpose) },
        Field("stateCode", .nullableString) { $1.string($0.stateCode) },
        Field("notes", .notes) { $1.write($0.notes) },
        Field("note", .nullableString) { $1.string($0.note) },
        Field("sources", .sources) { $1.write($0.sources) },
    ], sortKeys: ["id", "name"], defaultSort: "id")

    static let routes: [Route] = [
        .record("/v1/organization", operationID: "organization", summary: "The Shanghai Cooperation Organisation.",
                table: table) { data, _ in
            try data.organizations.record(id: "sco")
        } missing: { _ in
            "The SCO is not in the dataset."
        },
        .list("/v1/organizations", operationID: "organizations", summary: "Organizations and bodies the article names.",
              table: table) { data, list, _ in
            try data.organizations.page(try list.request())
        },
        .record(byID: "/v1/organizations/{id}", operationID: "organizationByID", summary: "One organization by id.", table: table, example: "osce",
                noun: "organization") { data, id in try data.organizations.record(id: id) },
    ]
}
