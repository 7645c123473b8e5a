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
        sink.write(format(lineLevel, message, extra))
    }

    public func debug(_ message: String, _ extra: [(String, LogValue)] = []) { log(.debug, message, extra) }
    public func info(_ message: String, _ extra: [(String, LogValue)] = []) { log(.info, message, extra) }
    public func notice(_ message: String, _ extra: [(String, LogValue)] = []) { log(.notice, message, extra) }
    public func warning(_ message: String, _ extra: [(String, LogValue)] = []) { log(.warning, message, extra) }
    public func error(_ message: String, _ extra: [(String, LogValue)] = []) { log(.error, message, extra) }

    /// The JSON text of one line, without its newline.
    public func format(_ lineLevel: LogLevel, _ message: String, _ extra: [(String, LogValue)]) -> String {
        var line = JSONLineWriter()
        line.field("time", .string(Self.timestamp()))
        line.field("level", .string(lineLevel.description))
        line.field("message", .string(message))
        for (key, value) in fields { line.field(key, value) }
        for (key, value) in extra { line.field(key, value) }
        return line.finish()
    }

    /// Now, as RFC 3339 UTC with microseconds: `2026-11-29T05:01:02.123456Z`.
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1, 2))-\(pad(Int(parts.tm_mday), 2))"
            + "T\(pad(Int(parts.tm_hour), 2)):\(pad(Int(parts.tm_min), 2)):\(pad(Int(parts.tm_sec), 2))"
            + ".\(pad(Int(now.tv_nsec) / 1000, 6))Z"
    }
}
