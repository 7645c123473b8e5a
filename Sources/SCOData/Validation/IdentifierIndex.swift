/// Every record id in a document, with its kind, read from the parsed tree so that a record that
/// fails to decode still counts as existing (its own problems are reported where it stands).
struct IdentifierIndex {
    /// The kinds of record an id can name.
    enum Kind: String, CaseIterable {
        case source, organization, state, person, region, summit, declaration, clause, event, statement, quantity
    }

    private(set) var kinds: [String: Kind] = [:]

    /// Where each list of records lives and which member holds its id.
    private static let lists: [(key: String, idField: String, kind: Kind)] = [
        ("sources", "id", .source), ("organizations", "id", .organization), ("states", "code", .state),
        ("people", "id", .person), ("regions", "id", .region), ("clauses", "id", .clause),
        ("events", "id", .event), ("statements", "id", .statement), ("quantities", "id", .quantity),
    ]

    init(_ tree: JSONValue, report: inout ProblemReport) {
        var firstUse: [String: JSONPath] = [:]
        func register(_ record: JSONValue, idField: String, kind: Kind, at path: JSONPath) {
            guard let id = record[idField]?.stringValue, !id.isEmpty else { return }
            let idPath = path.appending(idField)
            if kind == .state ? !Self.isStateCode(id, length: 2) : !Self.isSlug(id) {
                let expected = kind == .state ? "an ISO 3166-1 alpha-2 code (two capital letters)" : "a lowercase slug (a-z, 0-9, single hyphens)"
                report.add(idPath, .malformedId(id, expected: expected))
            }
            if let first = firstUse[id] {
                report.add(idPath, .duplicateId(id, firstUsedAt: first.description))
            } else {
                firstUse[id] = idPath
                kinds[id] = kind
            }
        }
        for list in Self.lists {
            guard case .array(let records) = tree[list.key] else { continue }
            for (index, record) in records.enumerated() {
                register(record, idField: list.idField, kind: list.kind, at: JSONPath.root.appending(list.key).appending(index))
            }
        }
        for (key, kind) in [("summit", Kind.summit), ("declaration", Kind.declaration)] {
            if let record = tree[key] { register(record, idField: "id", kind: kind, at: JSONPath.root.appending(key)) }
        }
        checkAlpha3(tree, report: &report)
    }

    /// Alpha-3 codes are three capital letters and unique too.
    private func checkAlpha3(_ tree: JSONValue, report: inout ProblemReport) {
        guard case .array(let states) = tree["states"] else { return }
        var firstUse: [String: JSONPath] = [:]
        for (index, state) in states.enumerated() {
            guard let code = state["alpha3"]?.stringValue, !code.isEmpty else { continue }
            let path = JSONPath.root.appending("states").appending(index).appending("alpha3")
            if !Self.isStateCode(code, length: 3) {
                report.add(path, .malformedId(code, expected: "an ISO 3166-1 alpha-3 code (three capital letters)"))
            }
            if let first = firstUse[code] {
                report.add(path, .duplicateId(code, firstUsedAt: first.description))
            } else {
                firstUse[code] = path
            }
        }
    }

    /// Whether `id` names a record of one of `allowed` kinds.
    func contains(_ id: String, as allowed: Set<Kind>) -> Bool {
        kinds[id].map(allowed.contains) ?? false
    }

    /// `[a-z0-9]+(-[a-z0-9]+)*`.
    static func isSlug(_ text: String) -> Bool {
        var previousWasHyphen = true  // forbids a leading hyphen
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-") where !previousWasHyphen:
                previousWasHyphen = true
            default:
                return false
            }
        }
        return !text.isEmpty && !previousWasHyphen
    }

    static func isStateCode(_ text: String, length: Int) -> Bool {
        text.utf8.count == length && text.utf8.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
    }
}
