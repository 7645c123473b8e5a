import JSONText

#if canImport(Glibc)
import Glibc
#endif

/// Writes one JSON object per line: `time`, `level`, `message`, then the logger's own fields, then the line's.
///
/// A logger is a cheap value: `child(_:)` returns a copy carrying more fields (a request id, say).
public struct Logger: Sendable {
    public var level: LogLevel
    public let sink: LogSink
    private var fields: [(String, LogValue)]

    public init(level: LogLevel = .info, sink: LogSink = .standardError, fields: [(String, LogValue)] = []) {
        self.level = level
        self.sink = sink
        self.fields = fields
    }

    /// A logger whose lines also carry `extra`.
    public func child(_ extra: [(String, LogValue)]) -> Logger {
        var copy = self
        copy.fields.append(contentsOf: extra)
        return copy
    }

    public func isEnabled(_ lineLevel: LogLevel) -> Bool { lineLevel >= level }

    public func log(_ lineLevel: LogLevel, _ message: String, _ extra: [(String, LogValue)] = []) {
        guard isEnabled(lineLevel) else { return }
        var json = JSONWriter(capacity: 256)
        write(lineLevel, message, into: &json) { json in
            for (key, value) in extra { json.field(key, value) }
        }
        json.newline()
        json.withBytes { sink.write(lines: $0) }
    }

    public func debug(_ message: String, _ extra: [(String, LogValue)] = []) { log(.debug, message, extra) }
    public func info(_ message: String, _ extra: [(String, LogValue)] = []) { log(.info, message, extra) }
    public func notice(_ message: String, _ extra: [(String, LogValue)] = []) { log(.notice, message, extra) }
    public func warning(_ message: String, _ extra: [(String, LogValue)] = []) { log(.warning, message, extra) }
    public func error(_ message: String, _ extra: [(String, LogValue)] = []) { log(.error, message, extra) }

    /// Writes one line's JSON object, without its newline, at the end of `json`: `time`,
    /// `level`, `message`, the logger's own fields, then the members `extra` writes. `log` writes its
    /// line this way, and the access log its lines straight into its batch, no value made per field.
    public func write(
        _ lineLevel: LogLevel, _ message: String, into json: inout JSONWriter, extra: (inout JSONWriter) -> Void
    ) {
        json.beginObject()
        json.key("time")
        Self.writeTimestamp(into: &json)
        json.key("level")
        json.string(lineLevel.description)
        json.key("message")
        json.string(message)
        for (key, value) in fields { json.field(key, value) }
        extra(&json)
        json.endObject()
    }

    /// Writes now as a string, RFC 3339 UTC with microseconds: `2026-11-29T05:01:02.123456Z`.
    static func writeTimestamp(into json: inout JSONWriter) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let stamp = LogTimestamp(parts: parts, microseconds: Int(now.tv_nsec) / 1000)
        withUnsafeBytes(of: stamp.text) { json.string(utf8: $0.assumingMemoryBound(to: UInt8.self)) }
    }
}

/// The 27 ASCII bytes of an RFC 3339 UTC time with microseconds, made without allocating.
struct LogTimestamp {
    typealias Text = (
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
    )
    private(set) var text: Text = (
        0, 0, 0, 0, 0x2D, 0, 0, 0x2D, 0, 0, 0x54, 0, 0, 0x3A, 0, 0, 0x3A, 0, 0, 0x2E, 0, 0, 0, 0, 0, 0, 0x5A
    )

    /// `parts` as `gmtime_r` fills it: years since 1900, months from 0.
    init(parts: tm, microseconds: Int) {
        put(Int(parts.tm_year) + 1900, at: 0, width: 4)
        put(Int(parts.tm_mon) + 1, at: 5, width: 2)
        put(Int(parts.tm_mday), at: 8, width: 2)
        put(Int(parts.tm_hour), at: 11, width: 2)
        put(Int(parts.tm_min), at: 14, width: 2)
        put(Int(parts.tm_sec), at: 17, width: 2)
        put(microseconds, at: 20, width: 6)
    }

    /// `value`'s last `width` decimal digits, zero-padded, at `offset`.
    private mutating func put(_ value: Int, at offset: Int, width: Int) {
        withUnsafeMutableBytes(of: &text) { bytes in
            var rest = value.magnitude
            for index in stride(from: offset + width - 1, through: offset, by: -1) {
                bytes[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
        }
    }
}
