/// A header field name (RFC 9110 §5.1), compared case-insensitively.
///
/// The spelling given is the one sent; equality and hashing ignore ASCII case, so
/// `HTTPHeaderName("content-type") == .contentType`.
public struct HTTPHeaderName: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The name as it is written on the wire.
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    public var description: String { rawValue }

    public static func == (lhs: HTTPHeaderName, rhs: HTTPHeaderName) -> Bool {
        ASCII.equalsIgnoringCase(lhs.rawValue, rhs.rawValue)
    }

    public func hash(into hasher: inout Hasher) {
        for byte in rawValue.utf8 {
            hasher.combine(ASCII.lowercased(byte))
        }
    }

    public static let accept: HTTPHeaderName = "Accept"
    public static let acceptEncoding: HTTPHeaderName = "Accept-Encoding"
    public static let allow: HTTPHeaderName = "Allow"
    public static let cacheControl: HTTPHeaderName = "Cache-Control"
    public static let connection: HTTPHeaderName = "Connection"
    public static let contentLength: HTTPHeaderName = "Content-Length"
    public static let contentType: HTTPHeaderName = "Content-Type"
    public static let date: HTTPHeaderName = "Date"
    public static let etag: HTTPHeaderName = "ETag"
    public static let expect: HTTPHeaderName = "Expect"
    public static let host: HTTPHeaderName = "Host"
    public static let ifNoneMatch: HTTPHeaderName = "If-None-Match"
    public static let lastModified: HTTPHeaderName = "Last-Modified"
    public static let link: HTTPHeaderName = "Link"
    public static let location: HTTPHeaderName = "Location"
    public static let retryAfter: HTTPHeaderName = "Retry-After"
    public static let server: HTTPHeaderName = "Server"
    public static let transferEncoding: HTTPHeaderName = "Transfer-Encoding"
    public static let vary: HTTPHeaderName = "Vary"
}
