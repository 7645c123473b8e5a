import Foundation
import Testing

@testable import SCOData

/// Files of the repository, found from this file's path so tests run from any directory.
enum Repository {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // SCODataTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(relativePath))
    }

    static let articlePath = "Fixtures/source/article-2008-08-28-sco-dushanbe.txt"
    static let fixturePath = "Fixtures/sco-dushanbe-2008.json"

    static func article() throws -> String {
        String(decoding: try data(articlePath), as: UTF8.self)
    }
}

/// The bundled fixture in the forms tests need.
enum Bundled {
    static func document() throws -> FixtureDocument {
        try BundledFixture.load().get()
    }

    static func tree() throws -> JSONValue {
        try JSONParser.parse([UInt8](BundledFixture.data)).get()
    }
}

extension JSONValue {
    /// A copy with the value at a dotted path ("events.3.date.value"; numbers index arrays)
    /// replaced, or removed when `newValue` is nil.
    func replacing(_ path: String, with newValue: JSONValue?) -> JSONValue {
        replacing(path.split(separator: ".").map(String.init)[...], with: newValue)
    }

    private func replacing(_ path: ArraySlice<String>, with newValue: JSONValue?) -> JSONValue {
        guard let head = path.first else { return newValue ?? .null }
        let rest = path.dropFirst()
        switch self {
        case .array(var elements):
            guard let index = Int(head), elements.indices.contains(index) else {
                Issue.record("no index \(head) in array")
                return self
            }
            if rest.isEmpty && newValue == nil {
                elements.remove(at: index)
            } else {
                elements[index] = elements[index].replacing(rest, with: newValue)
            }
            return .array(elements)
        case .object(var members):
            if let position = members.firstIndex(where: { $0.key == head }) {
                if rest.isEmpty && newValue == nil {
                    members.remove(at: position)
                } else {
                    members[position].value = members[position].value.replacing(rest, with: newValue)
                }
            } else if rest.isEmpty, let newValue {
                members.append(JSONMember(key: head, value: newValue))
            } else {
                Issue.record("no member \(head) in object")
            }
            return .object(members)
        default:
            Issue.record("cannot descend into \(typeName) at \(head)")
            return self
        }
    }

    /// The value at a dotted path, if there is one.
    func value(at path: String) -> JSONValue? {
        path.split(separator: ".").reduce(Optional(self)) { value, step in
            switch value {
            case .array(let elements)?: Int(step).flatMap { elements.indices.contains($0) ? elements[$0] : nil }
            case .object?: value?[String(step)]
            default: nil
            }
        }
    }
}

/// Validation results as the tests read them.
extension Result<FixtureDocument, FixtureValidationErrors> {
    var problems: [FixtureProblem] {
        if case .failure(let errors) = self { return errors.problems }
        return []
    }
}

/// Loads the bundled fixture with one change made to its tree.
func loadMutated(_ path: String, _ newValue: JSONValue?) throws -> [FixtureProblem] {
    let tree = try Bundled.tree().replacing(path, with: newValue)
    return FixtureValidator.load(Data(tree.serialized())).problems
}
