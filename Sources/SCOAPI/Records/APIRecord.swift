import JSONText
import SCOData

/// A record the API serves: its top-level keys, each written as JSON, and flattened for CSV.
///
/// JSON keys are the fixture's own (camelCase); optional values are written as `null`, so every
/// record of a kind has the same keys. CSV cells: text as is, numbers and Booleans as JSON
/// writes them, lists of text joined by `; `, a date as its ISO value, anything nested (sources,
/// notes) as its compact JSON.
protocol APIRecord {
    /// Every top-level key with its JSON Schema, in the order it is written.
    static var fieldSchemas: FieldList { get }
    /// The record's id as the API addresses it (`/v1/people/{id}`).
    var recordID: String { get }
    /// Writes the value of one of `fieldNames`.
    func writeField(_ name: String, to json: inout JSONWriter)
    /// Writes the value of the field at `index` of `fieldSchemas`, named `name`: a record on a
    /// hot path switches on the index rather than compare names (the default does that).
    func writeField(at index: Int, named name: String, to json: inout JSONWriter)
}

extension APIRecord {
    func writeField(at index: Int, named name: String, to json: inout JSONWriter) {
        writeField(name, to: &json)
    }

    /// Every top-level key, in the order it is written.
    static var fieldNames: [String] { fieldSchemas.map(\.name) }

    /// Writes the record as one object holding the selected keys.
    func write(to json: inout JSONWriter, fields: FieldSelection) {
        let schemas = Self.fieldSchemas
        json.beginObject()
        for index in schemas.indices where fields.includes(schemas[index].name) {
            json.key(encoded: schemas.encodedKeys[index])
            writeField(at: index, named: schemas[index].name, to: &json)
        }
        json.endObject()
    }

    /// The CSV cell of one field (see `APIRecord`).
    func csvCell(_ name: String) -> String {
        var json = JSONWriter(capacity: 64)
        writeField(name, to: &json)
        return CSVCell.flatten(json.bytes)
    }
}

/// A record on a hot path that writes its fields by position (`writeField(at:named:to:)`, which
/// it must implement): a field asked for by name is found by its position in `fieldSchemas`.
protocol PositionalAPIRecord: APIRecord {}

extension PositionalAPIRecord {
    func writeField(_ name: String, to json: inout JSONWriter) {
        guard let index = Self.fieldSchemas.firstIndex(where: { $0.name == name }) else { return json.null() }
        writeField(at: index, named: name, to: &json)
    }
}

/// Turns one field's JSON into a CSV cell.
enum CSVCell {
    static func flatten(_ bytes: [UInt8]) -> String {
        guard let first = bytes.first else { return "" }
        switch first {
        case UInt8(ascii: "\""):
            return unescape(bytes)
        case UInt8(ascii: "n") where bytes == Array("null".utf8):
            return ""
        case UInt8(ascii: "{"):
            // A date object flattens to its ISO value; other objects stay JSON.
            if let value = dateValue(bytes) { return value }
            return String(decoding: bytes, as: UTF8.self)
        case UInt8(ascii: "["):
            if let strings = stringArray(bytes) { return strings.joined(separator: "; ") }
            return String(decoding: bytes, as: UTF8.self)
        default:
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The text of a JSON string literal the writer produced.
    private static func unescape(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 1
        while index < bytes.count - 1 {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count - 1 {
                let next = bytes[index + 1]
                switch next {
                case UInt8(ascii: "n"): output.append(10)
                case UInt8(ascii: "r"): output.append(13)
                case UInt8(ascii: "t"): output.append(9)
                case UInt8(ascii: "u"):
                    let hex = String(decoding: bytes[(index + 2)..<min(index + 6, bytes.count)], as: UTF8.self)
                    output.append(UInt8(UInt32(hex, radix: 16).map { min($0, 0x7F) } ?? 0x3F))
                    index += 4
                default: output.append(next)
                }
                index += 2
                continue
            }
            output.append(byte)
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func dateValue(_ bytes: [UInt8]) -> String? {
        let prefix = Array("{\"value\":\"".utf8)
        guard bytes.starts(with: prefix) else { return nil }
        guard let end = bytes[prefix.count...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return String(decoding: bytes[prefix.count..<end], as: UTF8.self)
    }

    /// The strings of a flat JSON array of strings, or nil if it holds anything else.
    private static func stringArray(_ bytes: [UInt8]) -> [String]? {
        if bytes == Array("[]".utf8) { return [] }
        guard bytes.count >= 4, bytes[1] == UInt8(ascii: "\"") else { return nil }
        var strings: [String] = []
        var index = 1
        while index < bytes.count - 1 {
            guard bytes[index] == UInt8(ascii: "\"") else { return nil }
            var end = index + 1
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
                end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard end < bytes.count else { return nil }
            strings.append(unescape(Array(bytes[index...end])))
            index = end + 1
            if index < bytes.count - 1 {
                guard bytes[index] == UInt8(ascii: ",") else { return nil }
                index += 1
            }
        }
        return strings
    }
}

extension JSONWriter {
    mutating func write(_ date: HistoricalDate) {
        beginObject()
        key("value")
        string(date.value)
        key("precision")
        string(date.precision.rawValue)
        key("text")
        string(date.text)
        key("note")
        string(date.note)
        endObject()
    }

    mutating func write(_ date: HistoricalDate?) {
        if let date { write(date) } else { null() }
    }

    mutating func write(_ sources: [SourceQuote]) {
        beginArray()
        for source in sources {
            beginObject()
            key("sourceId")
            string(source.sourceId)
            key("quote")
            string(source.quote)
            endObject()
        }
        endArray()
    }

    mutating func write(_ notes: [Note]) {
        beginArray()
        for note in notes {
            beginObject()
            key("text")
            string(note.text)
            key("sources")
            write(note.sources)
            endObject()
        }
        endArray()
    }
}
