/// The head of a request while its field lines arrive, with what framing needs from them.
struct PendingHead {
    /// How the body of a request is delimited (RFC 9112 §6.3).
    enum Framing: Equatable {
        case none
        case contentLength(Int)
        case chunked
    }

    var method: HTTPMethod = .get
    var target: String = ""
    var parsedTarget = RequestTarget(path: "", segments: [], query: QueryParameters())
    var version: HTTPVersion = .http1_1
    var headers = HTTPHeaders()
    private(set) var hostCount = 0
    private var hostValue: String?
    private var contentLength: Int?
    private var transferEncodings: [String] = []
    private var expectation: String?
    /// Whether the client waits for `100 Continue` before sending the body.
    private(set) var expectsContinue = false

    init() {}

    init(method: HTTPMethod, target: String, parsedTarget: RequestTarget, version: HTTPVersion) {
        self.method = method
        self.target = target
        self.parsedTarget = parsedTarget
        self.version = version
    }

    /// Records a field line, noting the fields that frame the message.
    mutating func record(name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) throws(HTTPParseError) {
        let valueString = String(decoding: value, as: UTF8.self)
        switch name.count {
        case 4 where ASCII.equalsIgnoringCase(name, "host".utf8):
            hostCount += 1
            hostValue = valueString
        case 6 where ASCII.equalsIgnoringCase(name, "expect".utf8):
            expectation = expectation.map { "\($0), \(valueString)" } ?? valueString
        case 14 where ASCII.equalsIgnoringCase(name, "content-length".utf8):
            let length = try Self.parseContentLength(value)
            if let contentLength, contentLength != length {
                throw .conflictingContentLengths
            }
            contentLength = length
        case 17 where ASCII.equalsIgnoringCase(name, "transfer-encoding".utf8):
            transferEncodings.append(valueString)
        default:
            break
        }
        headers.add(String(decoding: name, as: UTF8.self), valueString)
    }

    /// Checks Host and the framing fields once the head is complete (RFC 9112 §3.2, §6.1, §6.3).
    mutating func validate(maxBodyBytes: Int) throws(HTTPParseError) -> Framing {
        if hostCount > 1 { throw .multipleHosts }
        if hostCount == 0, version == .http1_1 { throw .missingHost }
        if let hostValue, !Self.isValidHost(hostValue) { throw .invalidHost(hostValue) }

        var framing = Framing.none
        if !transferEncodings.isEmpty {
            let joined = transferEncodings.joined(separator: ", ")
            if contentLength != nil { throw .contentLengthWithTransferEncoding }
            let codings = joined.split(separator: ",").map { $0.trimmingOWS() }.filter { !$0.isEmpty }
            if let unknown = codings.first(where: { !ASCII.equalsIgnoringCase($0.utf8, "chunked".utf8) }) {
                throw .unsupportedTransferCoding(String(unknown))
            }
            // Only chunked remains: it must appear once, and HTTP/1.0 has no transfer codings (§6.1).
            guard codings.count == 1, version == .http1_1 else { throw .invalidTransferEncoding(joined) }
            framing = .chunked
        } else if let contentLength {
            if contentLength > maxBodyBytes { throw .bodyTooLarge(limit: maxBodyBytes) }
            framing = contentLength > 0 ? .contentLength(contentLength) : .none
        }

        if let expectation {
            guard ASCII.equalsIgnoringCase(expectation.trimmingOWS().utf8, "100-continue".utf8) else {
                throw .unsupportedExpectation(expectation)
            }
            // An HTTP/1.0 client cannot expect 100 Continue (RFC 9110 §10.1.1).
            expectsContinue = version == .http1_1 && framing != .none
        }
        return framing
    }

    /// `Content-Length = 1*DIGIT`, or a list of identical values (RFC 9110 §8.6); a value too
    /// large for an `Int` becomes `Int.max`, which is over any body limit.
    static func parseContentLength(_ value: UnsafeRawBufferPointer) throws(HTTPParseError) -> Int {
        var result: Int?
        for element in value.split(separator: ASCII.comma, omittingEmptySubsequences: false) {
            let digits = ASCII.trimmingWhitespace(UnsafeRawBufferPointer(rebasing: element))
            guard !digits.isEmpty, digits.allSatisfy(ASCII.isDigit) else {
                throw .invalidContentLength(String(decoding: value, as: UTF8.self))
            }
            var length = 0
            for digit in digits {
                let (shifted, overflow1) = length.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = shifted.addingReportingOverflow(Int(digit - UInt8(ascii: "0")))
                if overflow1 || overflow2 {
                    length = Int.max
                    break
                }
                length = sum
            }
            if let result, result != length { throw .conflictingContentLengths }
            result = length
        }
        guard let result else { throw .invalidContentLength(String(decoding: value, as: UTF8.self)) }
        return result
    }

    /// `Host = uri-host [ ":" port ]` (RFC 9110 §7.2), checked by character: reg-name, IPv4 or
    /// an IP literal in brackets, then digits; an empty value is allowed (RFC 9112 §3.2).
    static func isValidHost(_ value: String) -> Bool {
        var bytes = Substring(value).utf8[...]
        if bytes.first == UInt8(ascii: "[") {
            guard let close = bytes.firstIndex(of: UInt8(ascii: "]")) else { return false }
            let literal = bytes[bytes.index(after: bytes.startIndex)..<close]
            guard !literal.isEmpty, literal.allSatisfy({ ASCII.hexValue($0) != nil || $0 == ASCII.colon || $0 == UInt8(ascii: ".") })
            else { return false }
            bytes = bytes[bytes.index(after: close)...]
        } else {
            let end = bytes.firstIndex(of: ASCII.colon) ?? bytes.endIndex
            guard bytes[..<end].allSatisfy(isRegNameCharacter) else { return false }
            bytes = bytes[end...]
        }
        if bytes.isEmpty { return true }
        guard bytes.first == ASCII.colon else { return false }
        return bytes.dropFirst().allSatisfy(ASCII.isDigit)
    }

    /// unreserved / pct-encoded / sub-delims (RFC 3986 §3.2.2).
    private static func isRegNameCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "-._~%!$&'()*+,;=".utf8.contains(byte)
        }
    }
}

extension StringProtocol {
    /// The string without leading and trailing SP and HTAB (HTTP's OWS, RFC 9110 §5.6.3): the
    /// project's one whitespace trimmer for header values, query values and settings.
    public func trimmingOWS() -> Substring {
        let bytes = Substring(self).utf8
        let start = bytes.firstIndex { !ASCII.isWhitespace($0) } ?? bytes.endIndex
        let end = bytes.lastIndex { !ASCII.isWhitespace($0) }.map { bytes.index(after: $0) } ?? start
        return Substring(bytes[start..<Swift.max(start, end)])
    }
}
