import HTTPServer

/// Builds one flat JSON object by appending fields; strings are escaped per RFC 8259 §7.
struct JSONLineWriter {
    private var text = "{"
    private var isFirst = true

    mutating func field(_ key: String, _ value: LogValue) {
        if !isFirst { text += "," }
        isFirst = false
        JSONText.appendString(key, to: &text)
        text += ":"
        switch value {
        case .string(let string): JSONText.appendString(string, to: &text)
        case .int(let int): text += String(int)
        case .double(let double): text += double.isFinite ? String(double) : "null"
        case .bool(let bool): text += bool ? "true" : "false"
        }
    }

    mutating func finish() -> String {
        text += "}"
        return text
    }
}
