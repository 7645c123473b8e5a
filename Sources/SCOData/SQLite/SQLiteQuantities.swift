import SQLiteStore

/// Quantities over SQLite; `about` is a JSON list in its row, the table being small.
enum SQLiteQuantities {
    static let columns: StaticString =
        "q.id, q.measure, q.value, q.unit, q.approximate, q.text, q.about, q.note, q.sources"

    static let list = SQLiteList<Quantity, QuantitySortField>(
        name: "quantities", select: columns, from: "quantities q", byID: "q.id = ?1",
        filters: [("about", "EXISTS (SELECT 1 FROM json_each(q.about) WHERE value {in})"), ("unit", "q.unit {in}")],
        sortKeys: [.id: .text("q.id") { $0.id }, .unit: .text("q.unit") { $0.unit }], decode: decode)

    static func decode(_ row: Row) throws -> Quantity {
        Quantity(
            id: try row.string(0), measure: try row.string(1), value: try row.double(2), unit: try row.string(3),
            approximate: try row.bool(4), text: try row.string(5), about: try row.strings(6, table: "quantities"),
            note: try row.optionalString(7), sources: try row.quotes(8, table: "quantities"))
    }
}
