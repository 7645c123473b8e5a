import JSONText
/// A JSON value with ordered object members, for building the OpenAPI document.
indirect enum OpenAPINode: Sendable {
    case object([(String, OpenAPINode)])
    case array([OpenAPINode])
    case string(String)
    case int(Int)
    case bool(Bool)

    static func ref(_ name: String) -> OpenAPINode {
        .object([("$ref", .string("#/components/schemas/\(name)"))])
    }

    static func strings(_ values: [String]) -> OpenAPINode {
        .array(values.map { .string($0) })
    }

    func write(to json: inout JSONWriter) {
        switch self {
        case .object(let members):
            json.beginObject()
            for (key, value) in members {
                json.key(escaping: key)
                value.write(to: &json)
            }
            json.endObject()
        case .array(let values):
            json.beginArray()
            for value in values { value.write(to: &json) }
            json.endArray()
        case .string(let text): json.string(text)
        case .int(let number): json.int(number)
        case .bool(let flag): json.bool(flag)
        }
    }
}
