import Foundation

/// A body decoded once at start-up, to be encoded again on every request.
///
/// `typed` is the normal case: the body decoded into `Typed`, as a Swift server's handler would
/// hold its records. `generic` is the fallback when that decode fails (see `JSONValue`).
public enum Payload<Typed: Codable & Sendable>: Codable, Sendable {
    case typed(Typed)
    case generic(JSONValue)

    /// Decodes `bytes` as `Typed`, falling back to `JSONValue`; invalid JSON throws.
    public init(decoding bytes: [UInt8]) throws {
        let data = Data(bytes)
        do {
            self = .typed(try JSONDecoder().decode(Typed.self, from: data))
        } catch {
            self = .generic(try JSONDecoder().decode(JSONValue.self, from: data))
        }
    }

    public init(from decoder: any Decoder) throws {
        self = .typed(try Typed(from: decoder))
    }

    /// Forwards to the wrapped value, so the encoder sees exactly `Typed` (or `JSONValue`).
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .typed(let value): try value.encode(to: encoder)
        case .generic(let value): try value.encode(to: encoder)
        }
    }

    /// "typed" or "generic", for the `x-peer-model` header the harness records.
    public var modelName: String {
        switch self {
        case .typed: "typed"
        case .generic: "generic"
        }
    }
}
