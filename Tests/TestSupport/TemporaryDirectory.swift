import Foundation

/// A fresh directory under the system temporary directory, removed with everything in it when
/// the last reference goes. Shared by the test targets that need files on disk.
public final class TemporaryDirectory {
    public let path: String

    public init() throws {
        var template = Array((NSTemporaryDirectory() + "/sco-tests-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else { throw CocoaError(.fileWriteUnknown) }
        path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// A path inside the directory.
    public func file(_ name: String) -> String { path + "/" + name }

    deinit {
        // Restore write permission in case a test made things read-only, then remove.
        chmod(path, 0o755)
        try? FileManager.default.removeItem(atPath: path)
    }
}
