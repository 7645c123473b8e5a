// swift-tools-version:6.2
import PackageDescription

/// Our own targets treat every warning as an error; dependencies are left alone.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "sco-api",
    products: [
        .executable(name: "sco-api", targets: ["sco-api"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(name: "CLinux"),
        // Text scans sixteen bytes at a time (SSE2): a search snippet's tokens, JSON escaping.
        .systemLibrary(name: "CText"),
        .systemLibrary(name: "CCompression", providers: [.apt(["zlib1g-dev", "libbrotli-dev"])]),
        // gzip and brotli bodies, and the coding an Accept-Encoding prefers.
        .target(name: "ContentCoding", dependencies: ["CCompression"], swiftSettings: strict),
        // A pthread mutex around a value, which ThreadSanitizer can see through (Lock.swift says why).
        .target(name: "Locking", swiftSettings: strict),
        // The one JSON writer: API bodies, problem documents, log lines, stored JSON, exports.
        .target(name: "JSONText", dependencies: ["CText"], swiftSettings: strict),
        // SHA-256 (FIPS 180-4): migration and fixture checksums, token digests; 64-bit hashes in hex.
        .target(name: "Digests", swiftSettings: strict),
        .target(name: "HTTPServer", dependencies: ["CLinux", "Locking", "JSONText"], swiftSettings: strict),
        .target(name: "SQLiteStore", dependencies: ["CSQLite", "Locking", "Digests"], swiftSettings: strict),
        .target(name: "SCOData", dependencies: ["SQLiteStore", "JSONText", "Digests", "CText"], swiftSettings: strict),
        .target(
            name: "SCOAPI", dependencies: ["SCOData", "HTTPServer", "Locking", "JSONText", "Digests", "ContentCoding"],
            swiftSettings: strict),
        .executableTarget(
            name: "sco-api",
            dependencies: [
                "SCOAPI",
                "HTTPServer",
                "SCOData",
                "SQLiteStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // LeakSanitizer's suppressions for the test runner under `swift test --sanitize=address`.
        .target(name: "LeakSuppressions", path: "Tests/LeakSuppressions"),
        // What several test targets use: a temporary directory removed when done.
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "LockingTests", dependencies: ["Locking", "LeakSuppressions"], swiftSettings: strict),
        .testTarget(name: "JSONTextTests", dependencies: ["JSONText", "LeakSuppressions"], swiftSettings: strict),
        .testTarget(name: "DigestsTests", dependencies: ["Digests", "LeakSuppressions"], swiftSettings: strict),
        .testTarget(name: "ContentCodingTests", dependencies: ["ContentCoding", "LeakSuppressions"], swiftSettings: strict),
        .testTarget(
            name: "HTTPServerTests", dependencies: ["HTTPServer", "CLinux", "Locking", "LeakSuppressions"], swiftSettings: strict),
        .testTarget(name: "SQLiteStoreTests", dependencies: ["SQLiteStore", "CSQLite", "Digests", "LeakSuppressions", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "SCODataTests", dependencies: ["SCOData", "SQLiteStore", "LeakSuppressions", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "SCOAPITests",
            dependencies: ["SCOAPI", "SCOData", "HTTPServer", "SQLiteStore", "JSONText", "ContentCoding", "LeakSuppressions", "TestSupport"], exclude: ["Corpus"], swiftSettings: strict),
        .testTarget(
            name: "EndToEndTests", dependencies: ["sco-api", "SQLiteStore", "LeakSuppressions"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
