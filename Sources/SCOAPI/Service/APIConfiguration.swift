/// How the API layer behaves, apart from the HTTP server's own limits.
public struct APIConfiguration: Sendable {
    /// `Cache-Control: public, max-age=N` on cacheable reads, in seconds. Default 60.
    public var cacheMaxAge: Int = 60
    /// Origins allowed by CORS: exact origins (`https://example.org`) or `*`. Default none.
    public var corsOrigins: [String] = []
    /// `Access-Control-Max-Age` on preflight answers, in seconds. Default 600.
    public var corsMaxAge: Int = 600
    /// Whether each request is logged as one JSON line. Default on.
    public var accessLog: Bool = true
    /// Encoded responses each event loop keeps; 0 turns the cache off. Default 1,024.
    public var responseCacheEntries: Int = 1024
    /// Whether cacheable 200s are sent gzip- or brotli-compressed to clients that accept it
    /// (`Accept-Encoding`). Default on.
    public var compression: Bool = true
    /// Bearer tokens allowed to write; none means writes are disabled.
    public var tokens: [APIToken] = []
    /// Per-client quotas of reads, searches and writes.
    public var rateLimits = RateLimits()

    public init() {}
}

/// The quotas each client has, by class of route, and who the client is behind proxies.
///
/// The defaults are far above what a person or a well-behaved script sends (twenty pages a
/// second, five searches a second, a write a second, each with the whole minute's quota as a
/// burst) and far below a flood. Probes, `/metrics` and the stylesheet are not limited.
public struct RateLimits: Sendable {
    public var isEnabled = true
    public var reads = RatePolicy(name: "reads", quota: 1200, window: 60)
    public var search = RatePolicy(name: "search", quota: 300, window: 60)
    public var writes = RatePolicy(name: "writes", quota: 60, window: 60)
    /// Peers whose `Forwarded` / `X-Forwarded-For` name the client.
    public var trustedProxies = TrustedProxies()

    public init() {}
}

/// A named bearer token; the name goes into the audit log, the secret never into any log.
public struct APIToken: Sendable, Equatable {
    public var name: String
    public var secret: String

    public init(name: String, secret: String) {
        self.name = name
        self.secret = secret
    }

    /// Parses `name:secret` pairs separated by commas or newlines (`SCO_API_TOKENS`, a token
    /// file); blank lines and lines starting with `#` are skipped. Names and secrets are unique,
    /// and a secret is at least 16 characters with no whitespace in it (one with a space is
    /// most likely two values run together, and no client could send it in a header unchanged).
    public static func parseList(_ text: String) throws(TokenListError) -> [APIToken] {
        var tokens: [APIToken] = []
        for (index, raw) in text.split(whereSeparator: { $0 == "," || $0 == "\n" || $0 == "\r" }).enumerated() {
            let entry = String(raw.trimmingOWS())
            if entry.isEmpty || entry.hasPrefix("#") { continue }
            guard let colon = entry.firstIndex(of: ":") else { throw .missingName(entry: index + 1) }
            let name = String(entry[..<colon])
            let secret = String(entry[entry.index(after: colon)...])
            guard !name.isEmpty else { throw .missingName(entry: index + 1) }
            guard secret.count >= 16 else { throw .secretTooShort(name: name) }
            guard !secret.contains(where: \.isWhitespace) else { throw .secretHasWhitespace(name: name) }
            guard !tokens.contains(where: { $0.name == name }) else { throw .duplicateName(name) }
            if let other = tokens.first(where: { $0.secret == secret }) {
                throw .duplicateSecret(name: name, other: other.name)
            }
            tokens.append(APIToken(name: name, secret: secret))
        }
        return tokens
    }
}

/// Why a token list could not be read; never quotes a secret.
public enum TokenListError: Error, CustomStringConvertible, Equatable {
    case missingName(entry: Int)
    case secretTooShort(name: String)
    case duplicateName(String)
    case secretHasWhitespace(name: String)
    case duplicateSecret(name: String, other: String)

    public var description: String {
        switch self {
        case .missingName(let entry): "token entry \(entry) is not 'name:secret'"
        case .secretTooShort(let name): "the token named '\(name)' is shorter than 16 characters"
        case .duplicateName(let name): "two tokens are named '\(name)'"
        case .secretHasWhitespace(let name): "the secret of the token named '\(name)' contains whitespace"
        case .duplicateSecret(let name, let other): "the tokens named '\(other)' and '\(name)' have the same secret"
        }
    }
}
