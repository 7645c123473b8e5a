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
        // Over contiguous bytes (a parsed target is a native string), not a generic walk.
        func check(_ bytes: some Sequence<UInt8>) -> (isVisible: Bool, hasFragment: Bool) {
            var hasFragment = false
            for byte in bytes {
                if byte <= ASCII.space || byte >= 0x7F { return (false, hasFragment) }
                if byte == UInt8(ascii: "#") { hasFragment = true }
            }
            return (true, hasFragment)
        }
        let checked = bytes.withContiguousStorageIfAvailable(check) ?? check(bytes)
        guard checked.isVisible else {
            throw .invalidTarget("it contains a byte outside visible ASCII")
        }
        if checked.hasFragment {
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

    /// Parses `/path[?query]`, over the target's UTF-8 bytes: it is visible ASCII (checked in
    /// `parse`), and grapheme breaking, or a generic walk of `Substring.UTF8View`, cost more than
    /// the rest of the request.
    private static func parseOrigin(_ target: Substring) throws(HTTPParseError) -> RequestTarget {
        var target = target
        var failure: HTTPParseError?
        let parsed = target.withUTF8 { bytes -> RequestTarget? in
            do throws(HTTPParseError) {
                return try parseOrigin(bytes)
            } catch {
                failure = error
                return nil
            }
        }
        guard let parsed else { throw failure ?? .invalidTarget("it could not be read") }
        return parsed
    }

    private static func parseOrigin(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> RequestTarget {
        let question = bytes.firstIndex(of: ASCII.question)
        let rawPath = UnsafeBufferPointer(rebasing: bytes[..<(question ?? bytes.count)])
        var segments: [String] = []
        var segmentStart = 1  // after the leading slash
        for index in 1...rawPath.count where index == rawPath.count || rawPath[index] == ASCII.slash {
            segments.append(try PercentEncoding.decode(UnsafeBufferPointer(rebasing: rawPath[segmentStart..<index]), plusAsSpace: false))
            segmentStart = index + 1
        }
        if segments.count == 1, segments[0].isEmpty {
            segments = []
        }
        let path = try PercentEncoding.decode(rawPath, plusAsSpace: false)
        guard let question, question + 1 < bytes.count else {
            return RequestTarget(path: path, segments: segments, query: QueryParameters())
        }
        let query = try QueryParameters(decoding: UnsafeBufferPointer(rebasing: bytes[(question + 1)...]))
        return RequestTarget(path: path, segments: segments, query: query)
    }
}
