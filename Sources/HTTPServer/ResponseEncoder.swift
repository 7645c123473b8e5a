/// Writes responses as HTTP/1.1 bytes (RFC 9112 §4 and §6), completing what the handler left out.
enum ResponseEncoder {
    /// The interim response sent before reading a body the client is holding back (RFC 9110 §15.2.1).
    static let continueResponse: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// Appends `response` to `output`.
    ///
    /// - `Date` is added unless the handler set one (RFC 9110 §6.6.1).
    /// - `Content-Length` is the body's length unless the handler set it; never on 1xx or 204,
    ///   and on 304 only when the handler set it (RFC 9110 §8.6).
    /// - `Connection: close` when `keepAlive` is false, `Connection: keep-alive` for an HTTP/1.0
    ///   client that asked to keep the connection (RFC 9112 §9.3).
    /// - No body for HEAD, 1xx, 204 or 304 (RFC 9110 §6.4.1, §9.3.2).
    /// - CR, LF and NUL in handler-supplied names or values become spaces, so no handler can
    ///   split a response.
    static func encode(
        _ response: HTTPResponse, requestMethod: HTTPMethod, requestVersion: HTTPVersion,
        keepAlive: Bool, date: [UInt8], into output: inout [UInt8]
    ) {
        var noHoles: [ResponseTemplate.Hole] = []
        encode(response, requestMethod: requestMethod, requestVersion: requestVersion, keepAlive: keepAlive,
               date: date, into: &output, variableFields: [], holes: &noHoles)
    }

    /// Encodes as above, but leaves out the value of each field named in `variableFields` and,
    /// when `date` is empty, the value of `Date`, recording in `holes` where each would go.
    static func encode(
        _ response: HTTPResponse, requestMethod: HTTPMethod, requestVersion: HTTPVersion,
        keepAlive: Bool, date: [UInt8], into output: inout [UInt8],
        variableFields: [String], holes: inout [ResponseTemplate.Hole]
    ) {
        let status = response.status
        output.append(contentsOf: "HTTP/1.1 ".utf8)
        appendDecimal(status.code, to: &output)
        output.append(ASCII.space)
        appendSanitized(status.reasonPhrase, to: &output)
        output.append(contentsOf: crlf)

        var hasDate = false
        var hasContentLength = false
        var hasConnection = false
        let mayHaveContentLength = !(status.isInformational || status.code == 204)
        for field in response.headers {
            let name = field.name.utf8
            if ASCII.equalsIgnoringCase(name, "content-length".utf8) {
                guard mayHaveContentLength, !hasContentLength else { continue }
                hasContentLength = true
            } else if ASCII.equalsIgnoringCase(name, "transfer-encoding".utf8) {
                continue  // the server always frames with Content-Length
            } else if ASCII.equalsIgnoringCase(name, "date".utf8) {
                hasDate = true
            } else if ASCII.equalsIgnoringCase(name, "connection".utf8) {
                hasConnection = true
                if !keepAlive { continue }  // replaced by "close" below
            }
            appendSanitized(field.name, to: &output)
            output.append(contentsOf: ": ".utf8)
            if let variable = variableFields.firstIndex(where: { ASCII.equalsIgnoringCase($0, field.name) }) {
                holes.append(ResponseTemplate.Hole(offset: output.count, field: variable))
            } else {
                appendSanitized(field.value, to: &output)
            }
            output.append(contentsOf: crlf)
        }
        if !hasDate {
            output.append(contentsOf: "Date: ".utf8)
            if date.isEmpty {
                holes.append(ResponseTemplate.Hole(offset: output.count, field: ResponseTemplate.Hole.date))
            }
            output.append(contentsOf: date)
            output.append(contentsOf: crlf)
        }
        if !hasContentLength, mayHaveContentLength, status.code != 304 {
            output.append(contentsOf: "Content-Length: ".utf8)
            appendDecimal(response.body.count, to: &output)
            output.append(contentsOf: crlf)
        }
        if !keepAlive {
            output.append(contentsOf: "Connection: close\r\n".utf8)
        } else if requestVersion == .http1_0, !hasConnection {
            output.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        }
        output.append(contentsOf: crlf)
        if requestMethod != .head, !status.forbidsContent {
            output.append(contentsOf: response.body)
        }
    }

    private static let crlf: [UInt8] = [ASCII.cr, ASCII.lf]

    /// Appends a status phrase or field, with CR, LF and NUL turned into spaces so a value can
    /// never split the header section (RFC 9110 §5.5). Clean text is copied in one piece.
    private static func appendSanitized(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            if !bytes.contains(where: { $0 == ASCII.cr || $0 == ASCII.lf || $0 == 0 }) {
                output.append(contentsOf: bytes)
                return
            }
            for byte in bytes {
                output.append(byte == ASCII.cr || byte == ASCII.lf || byte == 0 ? ASCII.space : byte)
            }
        }
    }

    static func appendDecimal(_ value: Int, to output: inout [UInt8]) {
        precondition(value >= 0)
        if value < 10 {
            output.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
            UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var remaining = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while remaining > 0 {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
                count += 1
            }
            output.append(contentsOf: buffer[(20 - count)...])
        }
    }
}
