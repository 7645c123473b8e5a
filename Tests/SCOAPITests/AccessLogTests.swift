import Foundation
import Glibc
import HTTPServer
import Testing
@testable import SCOAPI

/// The access log's lines: their members and order, escaping, the time stamp, and batching.
@Suite struct AccessLogTests {
    /// The line `logger` (its sink a memory one) logs.
    private static func line(
        _ level: LogLevel, _ message: String, _ extra: [(String, LogValue)] = [], fields: [(String, LogValue)] = []
    ) throws -> String {
        let sink = LogSink.makeMemory()
        Logger(sink: sink, fields: fields).log(level, message, extra)
        try #require(sink.lines.count == 1, "\(sink.lines)")
        return sink.lines[0]
    }

    private static func object(_ line: String) throws -> [String: Any] {
        let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        return try #require(parsed, "not a JSON object: \(line)")
    }

    @Test func aRequestLineHoldsItsMembersInOneOrder() throws {
        let api = try APIHarness()
        #expect(try api.send("/v1/member-states", peer: "192.0.2.7:4321").status == .ok)
        #expect(try api.send("/v1/member-states", peer: "192.0.2.7:4321").status == .ok)
        let lines = api.logSink.lines.filter { $0.contains(#""message":"request""#) }
        try #require(lines.count == 2, "\(api.logSink.lines)")

        let keys = ["time", "level", "message", "requestId", "method", "target", "route", "status", "bytes",
                    "durationUs", "peer", "cache"]
        for line in lines {
            let offsets = keys.map { line.range(of: "\"\($0)\":")?.lowerBound }
            #expect(!offsets.contains(nil), "a member is missing: \(line)")
            #expect(offsets.compactMap { $0 } == offsets.compactMap { $0 }.sorted(), "members out of order: \(line)")
        }
        let first = try Self.object(lines[0]), second = try Self.object(lines[1])
        #expect(first["level"] as? String == "info")
        #expect(first["method"] as? String == "GET")
        #expect(first["target"] as? String == "/v1/member-states")
        #expect(first["status"] as? Int == 200)
        #expect(first["peer"] as? String == "192.0.2.7:4321")
        #expect((first["bytes"] as? Int ?? 0) > 1000)
        #expect((first["durationUs"] as? Int ?? -1) >= 0)
        #expect(first["cache"] as? String == "miss")
        #expect(second["cache"] as? String == "hit")
        #expect(first["requestId"] as? String != second["requestId"] as? String)
    }

    @Test func aTargetOfQuotesAndBackslashesReadsBackAsSent() throws {
        let api = try APIHarness()
        let target = #"/v1/search?q="quoted"\back\"#
        _ = try api.send(target)
        let lines = api.logSink.lines.filter { $0.contains(#""message":"request""#) }
        try #require(lines.count == 1, "\(api.logSink.lines)")
        #expect(try Self.object(lines[0])["target"] as? String == target)
    }

    @Test func controlsAndNonASCIIInAFieldStayOnOneLineAndReadBack() throws {
        let text = "a\u{01}b\u{1F}\t\nc\u{2028}é\"\\"
        let line = try Self.line(.info, "m", [("text", .string(text))])
        #expect(!line.contains("\n") && !line.contains("\u{01}"))
        #expect(try Self.object(line)["text"] as? String == text)
    }

    @Test func theTimeIsRFC3339UTCWithMicrosecondsAndNow() throws {
        let before = Date()
        let line = try Self.line(.info, "now")
        let time = try #require(try Self.object(line)["time"] as? String)
        #expect(time.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z/) != nil, "\(time)")
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let parsed = try #require(formatter.date(from: time), "\(time)")
        #expect(abs(parsed.timeIntervalSince(before)) < 60, "\(time) is not now")
    }

    @Test func aTimestampPadsEveryPartToItsWidth() {
        var parts = tm()
        parts.tm_year = 108
        parts.tm_mon = 7
        parts.tm_mday = 8
        parts.tm_hour = 0
        parts.tm_min = 5
        parts.tm_sec = 9
        let stamp = LogTimestamp(parts: parts, microseconds: 42)
        let text = withUnsafeBytes(of: stamp.text) { String(decoding: $0, as: UTF8.self) }
        #expect(text == "2008-08-08T00:05:09.000042Z")
    }

    @Test func aLoggersOwnFieldsComeBeforeTheLinesAndValuesKeepTheirTypes() throws {
        let line = try Self.line(
            .warning, "said \"so\"", [("n", 3), ("ratio", .double(0.5)), ("ok", .bool(true))], fields: [("service", "sco-api")])
        let withoutTime = line.replacing(/"time":"[^"]*",/, with: "")
        let expected = #"{"level":"warning","message":"said \"so\"","service":"sco-api","#
            + #""n":3,"ratio":0.5,"ok":true}"#
        #expect(withoutTime == expected)
    }

    @Test func linesWaitForTheEndOfAWakeUpUnlessTheyPass32KiB() throws {
        let api = try APIHarness()
        let requests = { api.logSink.lines.filter { $0.contains(#""message":"request""#) }.count }
        for _ in 0..<10 { _ = try api.send("/v1/member-states", endsWakeUp: false) }
        #expect(requests() == 0, "written before the wake-up ended")
        var sent = 10
        while requests() == 0, sent < 1000 {
            _ = try api.send("/v1/member-states?n=\(sent)", endsWakeUp: false)
            sent += 1
        }
        let flushedEarly = requests()
        #expect(flushedEarly > 100 && flushedEarly == sent, "a full batch goes out at once: \(flushedEarly) of \(sent)")
        _ = try api.send("/v1/member-states")
        #expect(requests() == sent + 1)
    }
}
