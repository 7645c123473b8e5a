/// The command line every peer shares: `PEER PORT BODIES_DIR`, or `PEER_PORT` / `PEER_BODIES`.
///
/// Vapor parses its own command line (`serve --port ...`), so its peer reads the environment;
/// the others accept either. Every peer binds 127.0.0.1 only.
public struct PeerArguments: Sendable {
    public var host = "127.0.0.1"
    public var port: Int
    public var bodiesDirectory: String

    /// Positional arguments first, then the environment; anything missing is a usage error.
    public init(arguments: [String] = CommandLine.arguments, environment: [String: String]) throws {
        let positional = Array(arguments.dropFirst())
        let portText = positional.count >= 2 ? positional[0] : environment["PEER_PORT"]
        let directory = positional.count >= 2 ? positional[1] : environment["PEER_BODIES"]
        guard let portText, let port = Int(portText), (1...65535).contains(port), let directory else {
            throw PeerError.usage("usage: \(arguments.first ?? "peer") PORT BODIES_DIR (or PEER_PORT and PEER_BODIES)")
        }
        self.port = port
        self.bodiesDirectory = directory
    }
}
