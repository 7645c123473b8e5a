// Hummingbird 2 peer.
//   GET /v1/member-states, /v1/timeline, /v1/search   the bytes sco-api served, encoded once
//   GET /per-request/v1/...                           the same bodies as Codable models, encoded
//                                                     per request by the context's JSONEncoder
//                                                     (Hummingbird's idiomatic ResponseEncodable path)
//   GET /peer-info                                    which model each body decoded into
// Usage: hb-peer PORT BODIES_DIR   (binds 127.0.0.1; default event loop group: one thread per core)
// Query strings are ignored: routes match on the path.
import Foundation
import Hummingbird
import PeerSupport

extension Payload: ResponseEncodable {}

@main
struct HummingbirdPeer {
    static func main() async throws {
        let arguments = try PeerArguments(environment: ProcessInfo.processInfo.environment)
        let bodies = try PeerBodies(directory: arguments.bodiesDirectory)
        let payloads = try PeerPayloads(bodies: bodies)
        let router = Router()
        let json: HTTPFields = [.contentType: "application/json; charset=utf-8"]

        for body in PeerBodies.all {
            let buffer = ByteBuffer(bytes: bodies[body.name])
            router.get(RouterPath(body.path)) { _, _ -> Response in
                Response(status: .ok, headers: json, body: .init(byteBuffer: buffer))
            }
        }
        let prefix = PeerBodies.perRequestPrefix
        router.get(RouterPath(prefix + "/v1/member-states")) { _, _ in payloads.memberStates }
        router.get(RouterPath(prefix + "/v1/timeline")) { _, _ in payloads.timeline }
        router.get(RouterPath(prefix + "/v1/search")) { _, _ in payloads.search }
        router.get("/peer-info") { _, _ in "hummingbird 2.28.1 \(payloads.summary)\n" }

        let app = Application(
            router: router,
            configuration: .init(address: .hostname(arguments.host, port: arguments.port))
        )
        try await app.runService()
    }
}
