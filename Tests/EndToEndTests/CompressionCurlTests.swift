import Foundation
import Testing

/// Compression as curl sees it over a real socket: it decodes what the server sends into the
/// same bytes, and HEAD announces the length of the body the coding would have.
@Suite struct CompressionCurlTests {
    @Test(arguments: ["br", "gzip"])
    func curlDecodesTheSameBytesAndHeadAgrees(_ coding: String) throws {
        let server = try ServerProcess(arguments: ["--access-log", "off"])
        defer { server.terminate() }
        let url = server.baseURL + "/v1/timeline"
        let plain = try curl(url)
        let decoded = try curl(url, ["--compressed", "-H", "Accept-Encoding: \(coding)"])
        #expect(decoded.status == 200)
        #expect(decoded.headers.lowercased().contains("content-encoding: \(coding)\r\n"))
        #expect(decoded.body == plain.body)
        let raw = try curl(url, ["-H", "Accept-Encoding: \(coding)"])
        let length = raw.headers.lowercased().split(separator: "\r\n").first { $0.hasPrefix("content-length: ") }
        let size = try #require(length.flatMap { Int($0.dropFirst("content-length: ".count)) })
        #expect(size < plain.body.utf8.count / 3)
        let head = try curl(url, ["-I", "-H", "Accept-Encoding: \(coding)"])
        #expect(head.headers.lowercased().contains("content-length: \(size)\r\n"))
        #expect(head.headers.lowercased().contains("content-encoding: \(coding)\r\n"))
    }
}
