import Digests
import HTTPServer

/// Checks the bearer token of a write (RFC 6750 §2.1) against the configured tokens.
///
/// Tokens are compared as SHA-256 digests, every configured one, byte by byte with no early
/// exit: the time taken depends neither on where a guess first differs from a secret nor on
/// the secret's length, nor on which token matched. Only a token's name leaves this type;
/// secrets are never logged, and the `Authorization` field is never logged at all.
struct WriteAuthenticator: Sendable {
    private let names: [String]
    private let digests: [[UInt8]]

    init(tokens: [APIToken]) {
        names = tokens.map(\.name)
        digests = tokens.map { SHA256.digest(Array($0.secret.utf8)) }
    }

    /// Whether any token is configured; with none, writes are disabled.
    var isEnabled: Bool { !names.isEmpty }

    /// The name of the token the request presents.
    ///
    /// Throws `.writesDisabled` (403) when no token is configured, and `.unauthorized` (401,
    /// with `WWW-Authenticate: Bearer`) for a missing, malformed or unknown token.
    func authenticate(_ headers: HTTPHeaders) throws(APIError) -> String {
        guard isEnabled else { throw .writesDisabled }
        let fields = headers.values(for: "Authorization")
        guard !fields.isEmpty else {
            throw .unauthorized(detail: "Writes need a token: send 'Authorization: Bearer <token>'.")
        }
        guard fields.count == 1, let token = Self.bearerToken(fields[0]) else {
            throw .unauthorized(detail: "The Authorization field must be one 'Bearer <token>'.")
        }
        let presented = SHA256.digest(Array(token.utf8))
        var matched: Int?
        for (index, digest) in digests.enumerated() where Self.constantTimeEquals(presented, digest) {
            matched = index
        }
        guard let matched else { throw .unauthorized(detail: "The bearer token is not one this server accepts.") }
        return names[matched]
    }

    /// The token of `Bearer <token>`: the scheme in any case (RFC 9110 §11.1), one or more
    /// spaces, then the token: visible characters, no space. RFC 6750 §2.1 narrows that to a
    /// token68, but a configured secret may hold any visible character, and a secret the
    /// server accepts must be one a client can send.
    static func bearerToken(_ field: String) -> Substring? {
        let scheme = "bearer"
        guard field.utf8.count > scheme.utf8.count,
              field.utf8.prefix(scheme.utf8.count).map({ $0 | 0x20 }).elementsEqual(scheme.utf8)
        else { return nil }
        let rest = field.dropFirst(scheme.count)
        guard rest.first == " " else { return nil }
        let token = rest.drop { $0 == " " }
        guard !token.isEmpty, token.utf8.allSatisfy({ $0 > 0x20 && $0 != 0x7F }) else { return nil }
        return token
    }

    /// Whether two digests are equal, looking at every byte whatever the first difference.
    static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}
