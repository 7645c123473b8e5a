import JSONText
/// A record's top-level keys with their JSON Schemas, in the order they are written, and each
/// key already encoded as `"name":`, so writing a record copies its keys instead of escaping them
/// again for every record of every response (a 50-event timeline page has some 500 keys).
struct FieldList: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable {
    typealias Element = (name: String, schema: FieldSchema)

    let fields: [Element]
    /// `"name":` for each field, in UTF-8.
    let encodedKeys: [[UInt8]]

    init(arrayLiteral elements: Element...) {
        fields = elements
        encodedKeys = elements.map { field in
            var json = JSONWriter(capacity: field.name.utf8.count + 3)
            json.key(field.name)
            return json.bytes
        }
    }

    var startIndex: Int { fields.startIndex }
    var endIndex: Int { fields.endIndex }
    subscript(position: Int) -> Element { fields[position] }
}
