import SCOData

/// `/v1/quantities`: the numbers the report gives, structured, each with its words and quote.
enum QuantityResource: Resource {
    static let table = FieldTable<Quantity>(schema: "Quantity", [
        .id,
        Field("measure", .string) { $1.string($0.measure) },
        Field("value", .number) { $1.double($0.value) },
        Field("unit", .string, filter: .text("unit", "Units: USD, soldiers, percent, days, year, …")) { $1.string($0.unit) },
        Field("approximate", .bool) { $1.bool($0.approximate) },
        Field("text", .string) { $1.string($0.text) },
        Field("about", .stringArray, filter: .text("about", "Ids of what the numbers are about: any record.")) {
            $1.stringArray($0.about)
        },
    ] + Field.quoted, sortKeys: ["id", "unit"], defaultSort: "id")

    static let routes = Route.collection(
        "/v1/quantities", table: table, noun: "quantity", example: "kyrgyzstan-air-base-aid-and-rent",
        list: ("quantities", "The numbers the report gives: what each measures, its value, unit and words."),
        item: ("quantity", "One quantity.")
    ) { $0.quantities }
}
