import JSONText

/// Every top-level key of one kind of record, in the order it is written, with what lists of
/// it take in their query: the one description that the query parser, the JSON, CSV and NDJSON
/// writers and the OpenAPI document all read.
struct FieldTable<Record>: Sendable {
    /// The OpenAPI component the records are described by (`Event`, `State`).
    let schemaName: String
    let fields: [Field<Record>]
    /// `"name":` for each field, escaped once rather than for every record written.
    let encodedKeys: [[UInt8]]
    /// The names of `sort=` keys, in the order the documentation lists them; each names a field
    /// or (as `speaker` for `speakerId`) what the repository sorts the field by.
    var sortKeys: [String]
    /// The order of a list without `sort=`, as `sort=` would spell it (`date,id`).
    var defaultSort: String
    /// Whether lists take `from` and `to` (ISO 8601 dates, cut to year or month as the data is).
    var hasDateRange: Bool
    /// Other parameters a list reads itself (`q` for search).
    var extraParameters: [String]

    init(
        schema schemaName: String, _ fields: [Field<Record>], sortKeys: [String] = [], defaultSort: String = "",
        hasDateRange: Bool = false, extraParameters: [String] = []
    ) {
        precondition(Set(fields.map(\.name)).count == fields.count, "\(schemaName) has a field named twice")
        self.schemaName = schemaName
        self.fields = fields
        self.encodedKeys = fields.map { JSONWriter.encodedKey($0.name) }
        self.sortKeys = sortKeys
        self.defaultSort = defaultSort
        self.hasDateRange = hasDateRange
        self.extraParameters = extraParameters
    }

    /// Every key, in the order it is written.
    var names: [String] { fields.map(\.name) }

    /// The records' OpenAPI component.
    var recordSchema: RecordSchema { RecordSchema(name: schemaName, fields: fields.map { ($0.name, $0.schema) }) }

    /// The query a list of these records takes, checked by `ListQueryParser`.
    var querySpec: ListQuerySpec {
        ListQuerySpec(
            filters: fields.compactMap(\.filter), sortFields: sortKeys, defaultSort: defaultSort, fieldNames: names,
            hasDateRange: hasDateRange, extraParameters: extraParameters)
    }

    /// This table with `filter` on the field `name` (the same records, listed with another filter).
    func filtering(_ name: String, by filter: ListFilter?) -> FieldTable {
        guard let index = fields.firstIndex(where: { $0.name == name }) else {
            preconditionFailure("\(schemaName) has no field '\(name)'")
        }
        var fields = fields
        fields[index].filter = filter
        return FieldTable(
            schema: schemaName, fields, sortKeys: sortKeys, defaultSort: defaultSort, hasDateRange: hasDateRange,
            extraParameters: extraParameters)
    }

    /// Writes `record` as one object holding the selected keys, in the table's order.
    func write(_ record: Record, to json: inout JSONWriter, fields selection: FieldSelection) {
        json.beginObject()
        for index in fields.indices where selection.includes(fields[index].name) {
            json.key(encoded: encodedKeys[index])
            fields[index].write(record, &json)
        }
        json.endObject()
    }

    /// The record as a whole JSON object: every key.
    func bytes(_ record: Record) -> [UInt8] {
        var json = JSONWriter(capacity: 2048)
        write(record, to: &json, fields: .all)
        return json.bytes
    }

    /// The CSV header of the selected keys: a key's name, and for a date its value's column
    /// followed by `<name>Precision`, `Earliest`, `Latest`, `Basis` and `Text`.
    func csvHeader(columns: [Int]) -> [String] {
        columns.flatMap { index in
            let name = fields[index].name
            guard fields[index].date != nil else { return [name] }
            return [name] + CSVCell.dateSuffixes.map { name + $0 }
        }
    }

    /// The CSV cells of the selected keys (see `CSVCell`), as many as `csvHeader` names.
    func csvRow(_ record: Record, columns: [Int]) -> [String] {
        columns.flatMap { index in
            if let date = fields[index].date { return CSVCell.cells(date(record)) }
            var json = JSONWriter(capacity: 64)
            fields[index].write(record, &json)
            return [CSVCell.flatten(json.bytes)]
        }
    }

    /// The positions of the selected keys, in the table's order.
    func columns(_ selection: FieldSelection) -> [Int] {
        fields.indices.filter { selection.includes(fields[$0].name) }
    }
}
