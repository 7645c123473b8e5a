#if canImport(Glibc)
import Glibc
#endif
import Locking

/// Where formatted log lines go: a file descriptor (stderr by default), or memory for tests.
///
/// Lines from different threads never interleave: each is written with one `write(2)` under a mutex.
public final class LogSink: Sendable {
    private enum Target {
        case descriptor(Int32)
        case memory([String])
    }

    private let target: Lock<Target>

    /// Standard error, where the server writes its JSON lines.
    public static let standardError = LogSink(descriptor: 2)

    public init(descriptor: Int32) {
        target = Lock(.descriptor(descriptor))
    }

    private init(memory: Void) {
        target = Lock(.memory([]))
    }

    /// A sink that keeps lines in memory, for tests that read what was logged.
    public static func makeMemory() -> LogSink { LogSink(memory: ()) }

    /// The lines a memory sink holds; empty for a descriptor sink.
    public var lines: [String] {
        target.withLock { target in
            if case .memory(let lines) = target { return lines }
            return []
        }
    }

    /// Writes complete lines, each ending in a newline, from where they are held: one line or
    /// a batch of them in as few system calls as it can.
    public func write(lines bytes: UnsafeBufferPointer<UInt8>) {
        target.withLock { target in
            switch target {
            case .descriptor(let fd):
                Self.writeAll(fd, UnsafeRawBufferPointer(bytes))
            case .memory(var lines):
                for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
                    lines.append(String(line))
                }
                target = .memory(lines)
            }
        }
    }

    private static func writeAll(_ fd: Int32, _ raw: UnsafeRawBufferPointer) {
        guard let base = raw.baseAddress else { return }
        var offset = 0
        while offset < raw.count {
            let written = Glibc.write(fd, base + offset, raw.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return  // A log that cannot be written must not take the server down.
            }
            offset += written
        }
    }
}
