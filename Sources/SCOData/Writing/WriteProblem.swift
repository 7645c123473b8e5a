/// One invalid member of a request body: an RFC 6901 JSON Pointer into the body and why.
public struct WriteProblem: Sendable, Equatable, CustomStringConvertible {
    /// `/date/value`, `/sources/0/quote`; the empty string is the whole body.
    public var pointer: String
    public var message: String

    public init(pointer: String, message: String) {
        self.pointer = pointer
        self.message = message
    }

    public var description: String { "\(pointer.isEmpty ? "(body)" : pointer): \(message)" }

    /// The problem the fixture validator found at `path`, re-addressed to the record's body:
    /// `path` lies under `base` (`$.events[0]`), and what follows it becomes the pointer.
    init(_ problem: FixtureProblem, under base: JSONPath) {
        let components = problem.path.components.dropFirst(base.components.count)
        self.init(pointer: Self.pointer(components), message: problem.message)
    }

    /// RFC 6901 §3: each reference token prefixed by `/`, with `~` written `~0` and `/` `~1`.
    static func pointer(_ components: some Sequence<JSONPath.Component>) -> String {
        var pointer = ""
        for component in components {
            pointer += "/"
            switch component {
            case .index(let index):
                pointer += String(index)
            case .key(let key):
                for character in key {
                    switch character {
                    case "~": pointer += "~0"
                    case "/": pointer += "~1"
                    default: pointer.append(character)
                    }
                }
            }
        }
        return pointer
    }
}
