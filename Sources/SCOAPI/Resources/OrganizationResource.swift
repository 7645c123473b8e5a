import SCOData

/// `/v1/organization` (the SCO itself) and `/v1/organizations`: every body the article names.
enum OrganizationResource: Resource {
    static let table = FieldTable<Organization>(schema: "Organization", [
        .id,
        Field("name", .string) { $1.string($0.name) },
        Field("abbreviation", .nullableString) { $1.string($0.abbreviation) },
        Field("kind", .enumeration(OrganizationKind.allCases.map(\.rawValue)),
              filter: .oneOf("kind", OrganizationKind.allCases.map(\.rawValue), "Organization kinds.")) {
            $1.string($0.kind.rawValue)
        },
        .date("founded", nullable: true) { $0.founded },
        Field("purpose", .nullableString) { $1.string($0.purpose) },
        Field("stateCode", .nullableString) { $1.string($0.stateCode) },
    ] + Field.annotated, sortKeys: ["id", "name"], defaultSort: "id")

    static let routes: [Route] = [
        .record("/v1/organization", operationID: "organization", summary: "The Shanghai Cooperation Organisation.",
                table: table) { data, _ in
            try data.organizations.record(id: "sco")
        } missing: { _ in
            "The SCO is not in the dataset."
        },
    ] + Route.collection(
        "/v1/organizations", table: table, noun: "organization", example: "osce",
        list: ("organizations", "Organizations and bodies the article names."),
        item: ("organizationByID", "One organization by id.")
    ) { $0.organizations }
}
