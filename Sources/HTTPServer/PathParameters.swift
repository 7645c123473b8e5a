/// The values a route pattern's `{name}` segments captured, percent-decoded.
public struct PathParameters: Sendable, Equatable, Sequence {
    public typealias Parameter = (name: String, value: String)

    private var parameters: [Parameter]

    public init(_ pairs: [(String, String)] = []) {
        parameters = pairs.map { (name: $0.0, value: $0.1) }
    }

    public func makeIterator() -> IndexingIterator<[Parameter]> {
        parameters.makeIterator()
    }

    public var isEmpty: Bool { parameters.isEmpty }

    /// The captured value of `name`, or nil if the route has no such parameter.
    public func get(_ name: String) -> String? {
        parameters.first { $0.name == name }?.value
    }

    /// The captured value of `name` converted to `T`; throws a 400-mapped error if it is absent
    /// or does not convert.
    public func get<T: LosslessStringConvertible>(_ name: String, as type: T.Type) throws(PathParameterError) -> T {
        guard let raw = get(name) else {
            throw .missing(name: name)
        }
        guard let value = T(raw) else {
            throw .invalid(name: name, value: raw, expected: String(describing: type))
        }
        return value
    }

    mutating func append(name: String, value: String) {
        parameters.append((name: name, value: value))
    }

    mutating func removeLast() {
        parameters.removeLast()
    }

    public static func == (lhs: PathParameters, rhs: PathParameters) -> Bool {
        lhs.parameters.elementsEqual(rhs.parameters) { $0.name == $1.name && $0.value == $1.value }
    }
}

/// A path parameter that a handler asked for could not be given.
public enum PathParameterError: Error, Equatable, Sendable, HTTPResponseError {
    /// The route has no parameter of this name (a handler bug, but answered, not trapped).
    case missing(name: String)
    /// The value does not convert to the type the handler asked for.
    case invalid(name: String, value: String, expected: String)

    public func makeResponse() -> HTTPResponse {
        switch self {
        case .missing(let name):
            .problem(status: .internalServerError, detail: "The route has no path parameter '\(name)'.")
        case .invalid(let name, let value, let expected):
            .problem(status: .badRequest, detail: "The path parameter '\(name)' must be \(expected), not '\(value)'.")
        }
    }
}
