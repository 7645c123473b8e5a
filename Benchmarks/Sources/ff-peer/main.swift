// FlyingFox peer (no SwiftNIO: BSD sockets and Swift concurrency).
//   GET /v1/member-states, /v1/timeline, /v1/search   the bytes sco-api served, encoded once
//   GET /per-request/v1/...                           the same bodies as Codable models, with
//                                                     JSONEncoder().encode on every request
//   GET /peer-info                                    which model each body decoded into
// Usage: ff-peer PORT BODIES_DIR   (binds 127.0.0.1)
// Logging is off: FlyingFox's default logger prints a line per request on Linux.
// Stock 0.27.1 does not set TCP_NODELAY, so expect Nagle / delayed-ACK stalls in its latencies.
import FlyingFox
import Foundation
import PeerSupport

@main
struct FlyingFoxPeer {
    static func main() async throws {
        let arguments = try PeerArguments(environment: ProcessInfo.processInfo.environment)
        let bodies = try PeerBodies(directory: arguments.bodiesDirectory)
        let payloads = try PeerPayloads(bodies: bodies)
        let server = HTTPServer(
            address: try .inet(ip4: arguments.host, port: UInt16(arguments.port)), logger: .disabled)
        let json: HTTPHeaders = [.contentType: "application/json; charset=utf-8"]

        for body in PeerBodies.all {
            let data = Data(bodies[body.name])
            await server.appendRoute(HTTPRoute(method: .GET, path: body.path)) { _ in
                HTTPResponse(statusCode: .ok, headers: json, body: data)
            }
        }
        let prefix = PeerBodies.perRequestPrefix
        await server.appendRoute(HTTPRoute(method: .GET, path: prefix + "/v1/member-states")) { _ in
            HTTPResponse(statusCode: .ok, headers: json, body: try JSONEncoder().encode(payloads.memberStates))
        }
        await server.appendRoute(HTTPRoute(method: .GET, path: prefix + "/v1/timeline")) { _ in
            HTTPResponse(statusCode: .ok, headers: json, body: try JSONEncoder().encode(payloads.timeline))
        }
        await server.appendRoute(HTTPRoute(method: .GET, path: prefix + "/v1/search")) { _ in
            HTTPResponse(statusCode: .ok, headers: json, body: try JSONEncoder().encode(payloads.search))
        }
        let info = Data("flyingfox 0.27.1 \(payloads.summary)\n".utf8)
        await server.appendRoute("GET /peer-info") { _ in
            HTTPResponse(statusCode: .ok, body: info)
        }
        try await server.run()
    }
}
