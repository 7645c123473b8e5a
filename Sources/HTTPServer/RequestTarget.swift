/// A request target split into its decoded path and query (RFC 9112 §3.2).
struct RequestTarget: Sendable, Equatable {
    /// The percent-decoded path; `*` for asterisk-form, "" for authority-form.
    var path: String
    /// The decoded path segments (`/a/b%2Fc` is `["a", "b/c"]`); empty for `/`.
    var segments: [String]
    /// The decoded query.
    var query: QueryParameters

    /// Parses a request target in any of the four forms of RFC 9112 §3.2.
    ///
    /// Origin-form `/path?query`; absolute-form `http://host/path?query` reduced to its path and
    /// query (§3.2.2); asterisk-form `*` for OPTIONS; authority-form `host:port` for CONNECT.
    static func parse(_ target: String, method: HTTPMethod) throws(HTTPParseError) -> RequestTarget {
        let bytes = target.utf8
        guard let first = bytes.first else {
            throw .invalidTarget("it is empty")
        }
        for byte in bytes where byte <= ASCII.space || byte >= 0x7F {
            throw .invalidTarget("it contains a byte outside visible ASCII")
        }
        if bytes.contains(UInt8(ascii: "#")) {
            throw .invalidTarget("it contains a fragment")
        }
        if first == ASCII.slash {
            return try parseOrigin(Substring(target))
        }
        if target == "*" {
            guard method == .options else {
                throw .invalidTarget("the asterisk form is only for OPTIONS")
            }
            return RequestTarget(path: "*", segments: [], query: QueryParameters())
        }
        if method == .connect {
            return RequestTarget(path: "", segments: [], query: QueryParameters())
        }
        return try parseAbsolute(target)
    }

    /// Parses `scheme://authority[path][?query]`, keeping only the path and query.
    private static func parseAbsolute(_ target: String) throws(HTTPParseError) -> RequestTarget {
        let scheme: Substring
        if ASCII.equalsIgnoringCase(target.utf8.prefix(7), "http://".utf8) {
            scheme = target.prefix(7)
        } else if ASCII.equalsIgnoringCase(target.utf8.prefix(8), "https://".utf8) {
            scheme = target.prefix(8)
        } else {
            throw .invalidTarget("it is neither origin-form nor an http(s) absolute-form")
        }
        let rest = target[scheme.endIndex...]
        let pathStart = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        guard pathStart != rest.startIndex else {
            throw .invalidTarget("the absolute form has no authority")
        }
        let remainder = rest[pathStart...]
        if remainder.isEmpty {
            return RequestTarget(path: "/", segments: [], query: QueryParameters())
        }
        if remainder.first == "?" {
            return try parseOrigin("/" + remainder)
        }
        return try parseOrigin(remainder)
    }

    /// Parses `/path[?query]`.
    private static func parseOrigin(_ target: Substring) throws(HTTPParseError) -> RequestTarget {
        let rawPath: Substring
        let rawQuery: Substring
        // By UTF-8 code unit, not by Character: the target is visible ASCII (checked in `parse`),
        // and grapheme breaking cost more than the rest of the parse.
        if let question = target.utf8.firstIndex(of: ASCII.question) {
            rawPath = target[..<question]
            rawQuery = target[target.utf8.index(after: question)...]
        } else {
            rawPath = target
            rawQuery = ""
        }
        var segments: [String] = []
        for segment in rawPath.utf8.split(separator: ASCII.slash, omittingEmptySubsequences: false).dropFirst() {
            segments.append(try PercentEncoding.decode(segment, plusAsSpace: false))
        }
        if segments.count == 1, segments[0].isEmpty {
            segments = []
        }
        let path = try PercentEncoding.decode(rawPath.utf8, plusAsSpace: false)
        let query = rawQuery.isEmpty ? QueryParameters() : try QueryParameters(decoding: String(rawQuery))
        return RequestTarget(path: path, segments: segments, query: query)
    }
}
