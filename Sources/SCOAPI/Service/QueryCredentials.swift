import HTTPServer

/// Credentials sent in a query string (`?access_token=…`, RFC 6750 §2.3), which this API never
/// accepts: a target ends up in access logs, proxies' logs, browser history and `Referer`
/// headers. A request carrying one is refused with a 400 that says to use `Authorization`,
/// and the access log writes its target with the value replaced (`Exchange.queryCredential`
/// says which requests need it, so other targets are not scanned again).
enum QueryCredentials {
    /// The names taken for credentials, compared without regard to ASCII case.
    static func isCredential(_ name: String) -> Bool {
        let count = name.utf8.count
        guard count >= 3, count <= 13 else { return false }
        switch name.lowercased() {
        case "access_token", "token", "api_key", "apikey", "key", "password", "passwd", "secret", "auth",
             "authorization", "bearer", "client_secret", "refresh_token", "id_token":
            return true
        default:
            return false
        }
    }

    /// The first credential parameter of `query`, if any.
    static func credentialName(in query: QueryParameters) -> String? {
        query.first { isCredential($0.name) }?.name
    }

    /// The refusal of a request that carries one.
    static func refusal(name: String) -> APIError {
        .badParameter(
            name: name,
            detail: "credentials are never taken from the query string (it is written to logs); "
                + "send the token in the Authorization header: 'Authorization: Bearer <token>'.")
    }

    /// `target` with the value of every credential parameter replaced by `[redacted]`, for logs.
    static func redacted(_ target: String) -> String {
        guard let mark = target.firstIndex(of: "?") else { return target }
        let pieces = target[target.index(after: mark)...].split(separator: "&", omittingEmptySubsequences: false).map { piece in
            let name = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0]
            let decoded = (try? QueryParameters(decoding: String(name)))?.names.first ?? String(name)
            return isCredential(decoded) ? "\(name)=[redacted]" : String(piece)
        }
        return String(target[...mark]) + pieces.joined(separator: "&")
    }
}
