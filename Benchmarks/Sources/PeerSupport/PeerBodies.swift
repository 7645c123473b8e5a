import Foundation

/// The response bodies sco-api served, read once at start-up from the directory the harness wrote.
///
/// Scripts/bench fetches each measured body from a running sco-api and saves it as `NAME.json`;
/// every peer then serves those exact bytes on its "encoded once" routes, and decodes them into
/// `PeerPayloads` for its "JSONEncoder per request" routes. So nginx, the peers and sco-api answer
/// with the same data, and the comparison is between servers, not between payloads.
public struct PeerBodies: Sendable {
    /// One measured body: its file name (without `.json`) and the path every peer serves it on.
    public struct Body: Sendable {
        public var name: String
        public var path: String
    }

    /// The bodies the harness writes, in the order the peers register their routes.
    public static let all: [Body] = [
        Body(name: "member-states", path: "/v1/member-states"),
        Body(name: "timeline", path: "/v1/timeline"),
        Body(name: "search", path: "/v1/search"),
        Body(name: "index", path: "/v1"),
    ]

    /// The prefix of the routes that encode a Codable model on every request.
    public static let perRequestPrefix = "/per-request"

    /// The raw bytes of each body, by name.
    public private(set) var bytes: [String: [UInt8]]

    /// Reads `NAME.json` for every body in `all`; a missing or empty file is an error.
    public init(directory: String) throws {
        var bytes: [String: [UInt8]] = [:]
        for body in Self.all {
            let path = "\(directory)/\(body.name).json"
            guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else {
                throw PeerError.missingBody(path: path)
            }
            bytes[body.name] = Array(data)
        }
        self.bytes = bytes
    }

    /// The bytes of the body named `name`; asking for a name not in `all` is a programmer error.
    public subscript(name: String) -> [UInt8] {
        guard let value = bytes[name] else { preconditionFailure("no body named \(name)") }
        return value
    }
}

/// What can go wrong while a peer starts.
public enum PeerError: Error, CustomStringConvertible {
    case missingBody(path: String)
    case usage(String)

    public var description: String {
        switch self {
        case .missingBody(let path): "no body at \(path) (Scripts/bench writes it before starting the peers)"
        case .usage(let text): text
        }
    }
}
