import SCOData

/// A field's CSV cell: text as is, numbers and Booleans as JSON writes them, lists of text
/// joined by `; `, anything nested (sources, notes) as its compact JSON; a date as six cells
/// (`cells(_:)`), so that a spreadsheet keeps its precision, bounds and phrase.
enum CSVCell {
    /// What follows a date key's name in the header of its cells after the first (the value).
    static let dateSuffixes = ["Precision", "Earliest", "Latest", "Basis", "Text"]

    /// A date's cells: value, precision, earliest, latest, basis, phrase; all empty for none.
    static func cells(_ date: HistoricalDate?) -> [String] {
        guard let date else { return Array(repeating: "", count: 1 + dateSuffixes.count) }
        return [date.value, date.precision.rawValue, date.earliest, date.latest, date.basis.rawValue, date.text ?? ""]
    }

    static func flatten(_ bytes: [UInt8]) -> String {
        guard let first = bytes.first else { return "" }
        switch first {
        case UInt8(ascii: "\""):
            return unescape(bytes)
        case UInt8(ascii: "n") where bytes == Array("null".utf8):
            return ""
        case UInt8(ascii: "{"):
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
