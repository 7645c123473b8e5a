/// The shape of a fixture document, member for member as the `Codable` model reads it.
///
/// Kept beside the model by hand; `FixtureValidatorTests` proves the two agree on the bundled
/// fixture and on documents with every optional member present.
enum FixtureSchema {
    static let document = JSONShape.object([
        .required("formatVersion", .integer),
        .required("sources", .array(of: source, allowsEmpty: false)),
        .required("organizations", .array(of: organization, allowsEmpty: true)),
        .required("summit", summit),
        .required("states", .array(of: country, allowsEmpty: true)),
        .required("people", .array(of: person, allowsEmpty: true)),
        .required("regions", .array(of: region, allowsEmpty: true)),
        .required("declaration", declaration),
        .required("clauses", .array(of: clause, allowsEmpty: true)),
        .required("events", .array(of: event, allowsEmpty: true)),
        .required("statements", .array(of: statement, allowsEmpty: true)),
        .required("quantities", .array(of: quantity, allowsEmpty: true)),
    ])

    static let quantity = JSONShape.object([
        .required("id", .string), .required("measure", .string), .required("value", .number), .required("unit", .string),
        .required("approximate", .boolean), .required("text", .string), .required("about", .array(of: .string, allowsEmpty: false)),
        .optional("note", .string), .required("sources", quotes),
    ])

    static let quotes = JSONShape.array(of: .object([
        .required("sourceId", .string), .required("quote", .string), .optional("start", .integer), .optional("end", .integer),
    ]), allowsEmpty: false)
    static let notes = JSONShape.array(of: .object([.required("text", .string), .required("sources", quotes)]), allowsEmpty: true)
    static let strings = JSONShape.array(of: .string, allowsEmpty: true)

    static let date = JSONShape.object([
        .required("value", .string),
        .required("precision", .oneOf(DatePrecision.allCases.map(\.rawValue))),
        .optional("earliest", .string),
        .optional("latest", .string),
        .optional("basis", .oneOf(DateBasis.allCases.map(\.rawValue))),
        .optional("text", .string),
        .optional("note", .string),
    ])

    static let source = JSONShape.object([
        .required("id", .string), .required("title", .string), .required("publisher", .string),
        .optional("agency", .string), .required("publishedOn", .string), .required("language", .string),
        .optional("note", .string), .required("text", .string),
    ])

    static let organization = JSONShape.object([
        .required("id", .string), .required("name", .string), .optional("abbreviation", .string),
        .required("kind", .oneOf(OrganizationKind.allCases.map(\.rawValue))), .optional("founded", date),
        .optional("purpose", .string), .optional("stateCode", .string),
        .required("notes", notes), .optional("note", .string), .required("sources", quotes),
    ])

    static let summit = JSONShape.object([
        .required("id", .string), .required("name", .string), .required("organizationId", .string),
        .required("place", .string), .optional("placeId", .string), .optional("countryCode", .string),
        .optional("hostStateCode", .string), .required("date", date), .optional("declarationId", .string),
        .required("notes", notes), .optional("note", .string), .required("sources", quotes),
    ])

    static let country = JSONShape.object([
        .required("code", .string), .required("alpha3", .string), .required("name", .string),
        .required("isFormer", .boolean),
        .required("roles", .array(of: .oneOf(StateRole.allCases.map(\.rawValue)), allowsEmpty: false)),
        .required("notes", notes), .optional("note", .string), .required("sources", quotes),
    ])

    static let person = JSONShape.object([
        .required("id", .string), .required("name", .string), .optional("nameInSource", .string),
        .required("title", .string), .optional("stateCode", .string), .optional("organizationId", .string),
        .required("notes", notes), .optional("note", .string), .required("sources", quotes),
    ])

    static let region = JSONShape.object([
        .required("id", .string), .required("name", .string),
        .required("kind", .oneOf(RegionKind.allCases.map(\.rawValue))), .optional("stateCode", .string),
        .optional("parentId", .string), .optional("capitalId", .string),
        .required("notes", notes), .optional("note", .string), .required("sources", quotes),
    ])

    static let declaration = JSONShape.object([
        .required("id", .string), .required("title", .string), .required("organizationId", .string),
        .required("summitId", .string), .required("adoptedOn", date), .required("place", .string),
        .required("endorsement", .string), .required("summary", .string),
        .required("notes", notes), .optional("note", .string), .required("sources", quotes),
    ])

    static let clause = JSONShape.object([
        .required("id", .string), .required("declarationId", .string), .required("position", .integer),
        .required("text", .string), .required("addresses", strings), .required("summary", .string),
        .optional("note", .string), .required("sources", quotes),
    ])

    static let participant = JSONShape.object([
        .required("id", .string), .required("role", .oneOf(ParticipantRole.allCases.map(\.rawValue))),
        .optional("inferred", .boolean),
    ])

    static let event = JSONShape.object([
        .required("id", .string), .required("date", date),
        .required("kind", .oneOf(EventKind.allCases.map(\.rawValue))), .required("title", .string),
        .required("summary", .string), .required("participants", .array(of: participant, allowsEmpty: true)),
        .required("regions", strings), .optional("sameAs", strings),
        .optional("note", .string), .required("sources", quotes),
    ])

    static let statement = JSONShape.object([
        .required("id", .string), .required("speakerId", .string), .optional("speakerRole", .string),
        .required("date", date), .optional("place", .string), .optional("regionId", .string),
        .optional("venueId", .string), .optional("reportedById", .string),
        .required("kind", .oneOf(StatementKind.allCases.map(\.rawValue))), .required("quote", .string),
        .required("isDirectQuote", .boolean), .optional("respondsTo", strings), .required("summary", .string),
        .required("about", strings), .optional("note", .string), .required("sources", quotes),
    ])
}
