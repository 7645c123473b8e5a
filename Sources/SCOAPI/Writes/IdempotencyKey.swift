import Digests
import HTTPServer
import SCOData

/// The `Idempotency-Key` request header (draft-ietf-httpapi-idempotency-key-header): a
/// client's name for one write, so that retrying it is safe.
///
/// The first write under a key is done and its 2xx kept with it, in the write's transaction;
/// the same key from the same token on the same request (method, target, body) gets that
/// answer again without writing, marked `Idempotent-Replayed: true`; on a different request,
/// a 422. A write refused (4xx) keeps nothing: its retry is judged anew.
enum IdempotencyKey {
    /// The key, if the request has one: 1 to 255 visible ASCII characters, bare or as a
    /// Structured Field string (`"…"`, RFC 8941 §3.3.3), as the draft writes it.
    static func parse(_ headers: HTTPHeaders) throws(APIError) -> String? {
        guard let field = headers["Idempotency-Key"] else { return nil }
        var value = Substring(field.trimmingOWS())
        if value.count >= 2, value.first == "\"", value.last == "\"" { value = value.dropFirst().dropLast() }
        guard (1...255).contains(value.utf8.count), value.utf8.allSatisfy({ (0x21...0x7E).contains($0) && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) else {
            throw .badHeader(name: "Idempotency-Key", detail: "must be 1 to 255 visible ASCII characters (a UUID is a good key).")
        }
        return String(value)
    }

    /// What makes two requests the same request: method, target and a SHA-256 of the body.
    static func fingerprint(of request: HTTPRequest) -> String {
        "\(request.method.rawValue) \(request.target) \(SHA256.hexDigest(request.body))"
    }

    /// The kept answer, as it was sent, marked as a replay.
    static func replay(_ stored: StoredAnswer) -> HTTPResponse {
        var response = HTTPResponse(status: HTTPStatus(code: stored.status, reasonPhrase: reasonPhrase(stored.status)), body: stored.body)
        if !stored.body.isEmpty {
            response.headers.set(.contentType, Representation.json.contentType)
            response.headers.set(.etag, EntityTag.make(for: stored.body, representation: .json))
        }
        if let location = stored.location { response.headers.set(.location, location) }
        response.headers.set(.cacheControl, "no-store")
        response.headers.set("Idempotent-Replayed", "true")
        return response
    }

    private static func reasonPhrase(_ code: Int) -> String {
        switch code {
        case 201: HTTPStatus.created.reasonPhrase
        case 204: HTTPStatus.noContent.reasonPhrase
        default: HTTPStatus.ok.reasonPhrase
        }
    }
}
