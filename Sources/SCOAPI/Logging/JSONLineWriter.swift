import JSONText

/// Builds one flat JSON object of log fields through the project's JSON writer.
struct JSONLineWriter {
    private var json = JSONWriter(capacity: 256)

    init() {
        json.beginObject()
    }

    mutating func field(_ key: String, _ value: LogValue) {
        json.key(escaping: key)
        switch value {
        case .string(let string): json.string(string)
        case .int(let int): json.int(int)
        case .double(let double): json.double(double)
        case .bool(let bool): json.bool(bool)
        }
    }

    mutating func finish() -> String {
        json.endObject()
        return String(decoding: json.bytes, as: UTF8.self)
    }
}
