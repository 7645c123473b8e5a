import Foundation
@testable import SQLiteStore

/// Helpers shared by the store tests.
enum TestSupport {
    /// The bytes of a file, or nil when it is missing.
    static func bytes(at path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func setPermissions(_ path: String, _ mode: Int16) throws {
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }
}

extension SQLiteConnection {
    /// A single integer from a query, for assertions.
    func integer(_ sql: String, _ bindings: [SQLiteValue] = []) throws -> Int64? {
        try queryFirst(sql, bindings) { try $0.int64(0) }
    }

    /// A single text from a query, for assertions.
    func text(_ sql: String, _ bindings: [SQLiteValue] = []) throws -> String? {
        try queryFirst(sql, bindings) { try $0.string(0) }
    }
}
