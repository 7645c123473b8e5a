@testable import HTTPServer

/// A parsed request as a comparable value, and as the bytes that should parse back to it.
struct RequestSnapshot: Equatable, CustomStringConvertible {
    var method: String
    var target: String
    var path: String
    var segments: [String]
    var query: [String]
    var version: HTTPVersion
    var headers: [String]
    var body: [UInt8]

    init(_ request: HTTPRequest) {
        method = request.method.rawValue
        target = request.target
        path = request.path
        segments = request.pathSegments
        query = request.query.map { "\($0.name)=\($0.value)" }
        version = request.version
        headers = request.headers.map { "\($0.name): \($0.value)" }
        body = request.body
    }

    var description: String {
        "\(method) \(target) \(version) headers=\(headers) body=\(body.count) bytes"
    }

    /// The request written out again: its head as received, and the body framed as it came
    /// (one chunk when it was chunked, trailers dropped as the parser drops them).
    func wireBytes(isChunked: Bool) -> [UInt8] {
        var text = "\(method) \(target) \(version)\r\n"
        for header in headers {
            text += "\(header)\r\n"
        }
        text += "\r\n"
        var bytes = Array(text.utf8)
        if isChunked {
            if !body.isEmpty {
                bytes += Array("\(String(body.count, radix: 16))\r\n".utf8) + body + Array("\r\n".utf8)
            }
            bytes += Array("0\r\n\r\n".utf8)
        } else {
            bytes += body
        }
        return bytes
    }
}
