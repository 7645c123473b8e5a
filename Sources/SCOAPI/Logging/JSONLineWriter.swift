/// Builds one flat JSON object by appending fields; strings are escaped per RFC 8259 §7.
struct JSONLineWriter {
    private var text = "{"
    private var isFirst = true

    mutating func field(_ key: String, _ value: LogValue) {
        if !isFirst { text += "," }
        isFirst = false
        Self.appendString(key, to: &text)
        text += ":"
        switch value {
        case .string(let string): Self.appendString(string, to: &text)
        case .int(let int): text += String(int)
        case .double(let double): text += double.isFinite ? String(double) : "null"
        case .bool(let bool): text += bool ? "true" : "false"
        }
    }

    mutating func finish() -> String {
        text += "}"
        return text
    }

    static func appendString(_ string: String, to text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
