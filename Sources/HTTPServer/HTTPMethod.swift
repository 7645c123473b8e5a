/// An HTTP request method (RFC 9110 §9): an open set of case-sensitive tokens.
///
/// The server knows the nine methods RFC 9110 and RFC 5789 define; a request naming any other
/// method is refused with 501 before its header section is read (RFC 9110 §9.1).
public struct HTTPMethod: Hashable, Sendable, CustomStringConvertible {
    /// The method token exactly as sent, e.g. `GET`.
    public let rawValue: String

    /// Makes a method from its token; tokens are case-sensitive, so `get` is not `GET`.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// Makes a method from its token.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static let get = HTTPMethod("GET")
    public static let head = HTTPMethod("HEAD")
    public static let post = HTTPMethod("POST")
    public static let put = HTTPMethod("PUT")
    public static let patch = HTTPMethod("PATCH")
    public static let delete = HTTPMethod("DELETE")
    public static let options = HTTPMethod("OPTIONS")
    public static let trace = HTTPMethod("TRACE")
    public static let connect = HTTPMethod("CONNECT")

    /// Every method the server recognises, in the order an `Allow` header lists them: the
    /// RFC 9110 and PATCH methods first, then the rest of IANA's HTTP Method Registry (WebDAV,
    /// QUERY and the like). A registered method a route does not take is a 405 with `Allow`; a
    /// token in no registry is "not known at all", a 501 (RFC 9110 §9.1).
    public static let known: [HTTPMethod] = [.get, .head, .post, .put, .patch, .delete, .options, .trace, .connect]
        + registered.map { HTTPMethod($0) }

    /// IANA HTTP Method Registry entries beyond RFC 9110's and PATCH.
    private static let registered = [
        "ACL", "BASELINE-CONTROL", "BIND", "CHECKIN", "CHECKOUT", "COPY", "LABEL", "LINK", "LOCK", "MERGE",
        "MKACTIVITY", "MKCALENDAR", "MKCOL", "MKREDIRECTREF", "MKWORKSPACE", "MOVE", "ORDERPATCH", "PRI",
        "PROPFIND", "PROPPATCH", "QUERY", "REBIND", "REPORT", "SEARCH", "UNBIND", "UNCHECKOUT", "UNLINK",
        "UNLOCK", "UPDATE", "UPDATEREDIRECTREF", "VERSION-CONTROL",
    ]

    /// Whether the server recognises this method at all (others are answered with 501).
    public var isKnown: Bool { Self.known.contains(self) }

    /// The position of this method in `known`, used to order `Allow` lists; unknown methods sort last.
    var canonicalOrder: Int { Self.known.firstIndex(of: self) ?? Self.known.count }

    /// Returns the known method spelled by `bytes`, without allocating, or nil.
    static func known<Bytes: Collection<UInt8>>(matching bytes: Bytes) -> HTTPMethod? {
        for method in known where method.rawValue.utf8.elementsEqual(bytes) {
            return method
        }
        return nil
    }
}
