import JSONText

extension JSONValue {
    /// This value as compact JSON text (RFC 8259), members in their stored order.
    public func serialized() -> [UInt8] {
        var json = JSONWriter(capacity: 256)
        write(to: &json)
        return json.bytes
    }

    /// Writes this value, members in their stored order; a number is copied as it was parsed.
    public func write(to json: inout JSONWriter) {
        switch self {
        case .null: json.null()
        case .bool(let value): json.bool(value)
        case .number(let text): json.raw(text.utf8)
        case .string(let text): json.string(text)
        case .array(let elements):
            json.beginArray()
            for element in elements { element.write(to: &json) }
            json.endArray()
        case .object(let members):
            json.beginObject()
            for member in members {
                json.key(escaping: member.key)
                member.value.write(to: &json)
            }
            json.endObject()
        }
    }
}
