import Glibc

/// An incremental HTTP/1.1 request parser (RFC 9112): bytes in, requests or a refusal out.
///
/// It is handed the unconsumed bytes of a connection again and again; each call consumes what
/// it can (whole lines of the head, any amount of body) and says how many bytes it used, so
/// the caller keeps only an incomplete line. Limits are enforced on partial input too: a
/// request target passing its limit is refused with 414 and a header section passing its limit
/// with 431 before their line ends. The body is gathered up to its limit; a declared length
/// over it is refused with 413 before a byte of it is read.
struct RequestParser {
    /// What one call produced.
    enum Result {
        /// Every byte offered was used or is an incomplete line: call again with more.
        case needMore
        /// The head asked for `Expect: 100-continue` and a body follows (RFC 9110 §10.1.1).
        case expectsContinue
        /// A whole request, body included.
        case complete(HTTPRequest)
        /// The bytes cannot be a valid request; the connection must answer and close.
        case failed(HTTPParseError)
    }

    /// The limits enforced while reading.
    struct Limits: Sendable, Equatable {
        var maxTargetLength: Int
        /// The header section in bytes: every field line with its CRLF and the final CRLF.
        var maxHeaderBytes: Int
        var maxHeaderCount: Int
        var maxBodyBytes: Int
    }

    enum State: Equatable {
        case requestLine
        case headerLines
        case contentBody(remaining: Int)
        case chunkSizeLine
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailerLines
        case failed(HTTPParseError)
    }

    /// The longest method accepted before a missing space makes the line malformed.
    static let maxMethodLength = 32
    /// The longest chunk-size line, extensions included (RFC 9112 §7.1.1 lets servers limit them).
    static let maxChunkLineLength = 4096
    /// How many empty lines may precede a request line (RFC 9112 §2.2 says to ignore at least one).
    static let maxLeadingEmptyLines = 4

    let limits: Limits
    private(set) var state: State = .requestLine
    /// Bytes of the current, incomplete line already searched for its LF.
    private var lineScanned = 0
    /// Bytes in the current header or trailer section.
    private var sectionBytes = 0
    private var fieldCount = 0
    private var leadingEmptyLines = 0
    var head = PendingHead()
    private var body: [UInt8] = []

    init(limits: Limits) {
        self.limits = limits
    }

    /// Whether no byte of the next request has been consumed yet.
    var isAtRequestStart: Bool {
        guard case .requestLine = state else { return false }
        return lineScanned == 0 && leadingEmptyLines == 0
    }

    /// How far into a request the parser is, for the connection's timers.
    var progress: RequestProgress {
        switch state {
        case .requestLine: lineScanned > 0 || leadingEmptyLines > 0 ? .head : .none
        case .headerLines: .head
        case .contentBody, .chunkSizeLine, .chunkData, .chunkDataEnd, .trailerLines: .body
        case .failed: .none
        }
    }

    /// Parses from the start of `buffer`, returning how many bytes were consumed and what they made.
    ///
    /// Call again with the unconsumed bytes (plus any new ones) after `.expectsContinue` and
    /// `.complete`; after `.failed` the parser stays failed.
    mutating func parse(_ buffer: UnsafeRawBufferPointer) -> (consumed: Int, result: Result) {
        var offset = 0
        do throws(HTTPParseError) {
            while true {
                switch state {
                case .failed(let error):
                    return (offset, .failed(error))
                case .contentBody(let remaining):
                    let count = min(remaining, buffer.count - offset)
                    body.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + count]))
                    offset += count
                    if count == remaining {
                        return (offset, .complete(finishRequest()))
                    }
                    state = .contentBody(remaining: remaining - count)
                    return (offset, .needMore)
                case .chunkData(let remaining):
                    let count = min(remaining, buffer.count - offset)
                    body.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + count]))
                    offset += count
                    if count < remaining {
                        state = .chunkData(remaining: remaining - count)
                        return (offset, .needMore)
                    }
                    state = .chunkDataEnd
                case .chunkDataEnd:
                    let available = buffer.count - offset
                    if available >= 1, buffer[offset] != ASCII.cr { throw .invalidChunkFraming }
                    if available < 2 { return (offset, .needMore) }
                    guard buffer[offset + 1] == ASCII.lf else { throw .invalidChunkFraming }
                    offset += 2
                    state = .chunkSizeLine
                case .requestLine, .headerLines, .chunkSizeLine, .trailerLines:
                    guard let lineEnd = Self.findLineFeed(in: buffer, from: offset + lineScanned) else {
                        lineScanned = buffer.count - offset
                        try checkPartialLine(UnsafeRawBufferPointer(rebasing: buffer[offset...]))
                        return (offset, .needMore)
                    }
                    lineScanned = 0
                    // The checks a partial line gets come first, so the answer does not depend
                    // on whether the line arrived whole or in pieces.
                    try checkPartialLine(UnsafeRawBufferPointer(rebasing: buffer[offset..<lineEnd]))
                    let lineLength = lineEnd + 1 - offset
                    guard lineEnd > offset, buffer[lineEnd - 1] == ASCII.cr else {
                        throw .invalidLineTerminator
                    }
                    let content = UnsafeRawBufferPointer(rebasing: buffer[offset..<lineEnd - 1])
                    offset = lineEnd + 1
                    if let result = try consumeLine(content, length: lineLength) {
                        return (offset, result)
                    }
                }
            }
        } catch {
            state = .failed(error)
            return (offset, .failed(error))
        }
    }

    /// Acts on one complete line (without its CRLF); returns a result when the caller must hear it.
    private mutating func consumeLine(_ line: UnsafeRawBufferPointer, length: Int) throws(HTTPParseError) -> Result? {
        switch state {
        case .requestLine:
            if line.isEmpty {
                leadingEmptyLines += 1
                if leadingEmptyLines > Self.maxLeadingEmptyLines {
                    throw .malformedRequestLine("too many empty lines before it")
                }
                return nil
            }
            head = try Self.parseRequestLine(line, maxTargetLength: limits.maxTargetLength)
            state = .headerLines
            return nil
        case .headerLines:
            try countSectionLine(length: length, isEmpty: line.isEmpty)
            if line.isEmpty {
                return try finishHead()
            }
            let field = try Self.parseFieldLine(line)
            try head.record(name: field.name, value: field.value)
            return nil
        case .chunkSizeLine:
            let size = try Self.parseChunkSize(line)
            if size == 0 {
                state = .trailerLines
                return nil
            }
            if size > limits.maxBodyBytes - body.count {
                throw .bodyTooLarge(limit: limits.maxBodyBytes)
            }
            state = .chunkData(remaining: size)
            return nil
        case .trailerLines:
            try countSectionLine(length: length, isEmpty: line.isEmpty)
            if line.isEmpty {
                return .complete(finishRequest())
            }
            // Trailer fields are checked like header fields and then dropped (RFC 9110 §6.5.1).
            _ = try Self.parseFieldLine(line)
            return nil
        default:
            preconditionFailure("consumeLine called in state \(state)")
        }
    }

    /// Counts a header or trailer line against the section limits (431 when passed).
    private mutating func countSectionLine(length: Int, isEmpty: Bool) throws(HTTPParseError) {
        sectionBytes += length
        if sectionBytes > limits.maxHeaderBytes {
            throw .headerSectionTooLarge(limit: limits.maxHeaderBytes)
        }
        if !isEmpty {
            fieldCount += 1
            if fieldCount > limits.maxHeaderCount {
                throw .tooManyHeaderFields(limit: limits.maxHeaderCount)
            }
        }
    }

    /// Applies the limits to a line whose end has not arrived yet, and to every line before it
    /// is parsed: a check that fails on some prefix of a line fails the same way on any longer
    /// prefix, so the first refusal is the same however the bytes were split between reads.
    private func checkPartialLine(_ partial: UnsafeRawBufferPointer) throws(HTTPParseError) {
        switch state {
        case .requestLine:
            try Self.checkPartialRequestLine(partial, maxTargetLength: limits.maxTargetLength)
        case .headerLines, .trailerLines:
            if sectionBytes + partial.count > limits.maxHeaderBytes {
                throw .headerSectionTooLarge(limit: limits.maxHeaderBytes)
            }
        case .chunkSizeLine:
            if partial.count > Self.maxChunkLineLength { throw .invalidChunkSize }
        default:
            break
        }
    }

    /// Validates the framing fields once the head is complete and chooses how to read the body.
    private mutating func finishHead() throws(HTTPParseError) -> Result? {
        let framing = try head.validate(maxBodyBytes: limits.maxBodyBytes)
        sectionBytes = 0
        fieldCount = 0
        switch framing {
        case .none:
            return .complete(finishRequest())
        case .contentLength(let length):
            body.reserveCapacity(min(length, 64 * 1024))
            state = .contentBody(remaining: length)
        case .chunked:
            state = .chunkSizeLine
        }
        return head.expectsContinue ? .expectsContinue : nil
    }

    /// Hands out the finished request and resets for the next one on the connection.
    private mutating func finishRequest() -> HTTPRequest {
        let request = HTTPRequest(
            method: head.method, target: head.target, parsedTarget: head.parsedTarget,
            version: head.version, headers: head.headers, body: body
        )
        head = PendingHead()
        body = []
        state = .requestLine
        sectionBytes = 0
        fieldCount = 0
        leadingEmptyLines = 0
        return request
    }

    /// Finds the next LF at or after `start`.
    private static func findLineFeed(in buffer: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard start < buffer.count, let base = buffer.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(ASCII.lf), buffer.count - start) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }
}

/// How far a connection is into its current request.
enum RequestProgress: Equatable, Sendable {
    /// No byte of a request yet.
    case none
    /// Some of the head.
    case head
    /// The head, and the body is being read.
    case body
}
