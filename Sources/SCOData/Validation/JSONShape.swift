/// The structure a JSON value must have: the first, structural pass of fixture validation.
///
/// Checking the parsed tree against a shape finds every missing, mistyped, unknown or empty
/// member at once, where `JSONDecoder` would stop at the first.
indirect enum JSONShape: Sendable {
    /// A non-empty string.
    case string
    /// A number written without fraction or exponent that fits in `Int`.
    case integer
    /// Any finite number.
    case number
    case boolean
    /// A string from a closed set.
    case oneOf([String])
    case array(of: JSONShape, allowsEmpty: Bool)
    case object([JSONField])

    /// Checks `value`, adding a problem for each mismatch found at or below `path`.
    func check(_ value: JSONValue, at path: JSONPath, into report: inout ProblemReport) {
        switch (self, value) {
        case (.string, .string(let text)):
            if text.isEmpty { report.add(path, .emptyString) }
        case (.integer, .number(let text)):
            if Int(text) == nil { report.add(path, .wrongType(expected: "an integer", found: "number \(text)")) }
        case (.number, .number(let text)):
            if !(Double(text)?.isFinite ?? false) { report.add(path, .wrongType(expected: "a finite number", found: "number \(text)")) }
        case (.boolean, .bool):
            break
        case (.oneOf(let allowed), .string(let text)):
            if !allowed.contains(text) { report.add(path, .unknownValue(text, allowed: allowed)) }
        case (.array(let element, let allowsEmpty), .array(let elements)):
            if elements.isEmpty && !allowsEmpty { report.add(path, .emptyList) }
            for (index, item) in elements.enumerated() {
                element.check(item, at: path.appending(index), into: &report)
            }
        case (.object(let fields), .object(let members)):
            Self.check(members, against: fields, at: path, into: &report)
        default:
            report.add(path, .wrongType(expected: expectedDescription, found: value.typeName))
        }
    }

    private static func check(_ members: [JSONMember], against fields: [JSONField], at path: JSONPath, into report: inout ProblemReport) {
        var seen: Set<String> = []
        for member in members {
            let memberPath = path.appending(member.key)
            guard seen.insert(member.key).inserted else {
                report.add(memberPath, .duplicateKey)
                continue
            }
            guard let field = fields.first(where: { $0.name == member.key }) else {
                report.add(memberPath, .unknownField)
                continue
            }
            // JSONDecoder reads null as absent for optional members.
            if case .null = member.value, !field.isRequired { continue }
            field.shape.check(member.value, at: memberPath, into: &report)
        }
        for field in fields where field.isRequired && !seen.contains(field.name) {
            report.add(path.appending(field.name), .missingField)
        }
    }

    private var expectedDescription: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .number: "a number"
        case .boolean: "a boolean"
        case .oneOf: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A member of an object shape.
struct JSONField: Sendable {
    let name: String
    let shape: JSONShape
    let isRequired: Bool

    static func required(_ name: String, _ shape: JSONShape) -> JSONField {
        JSONField(name: name, shape: shape, isRequired: true)
    }

    static func optional(_ name: String, _ shape: JSONShape) -> JSONField {
        JSONField(name: name, shape: shape, isRequired: false)
    }
}
