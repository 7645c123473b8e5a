// swift-tools-version:6.0
// Peer servers for Scripts/bench: Hummingbird, FlyingFox and Vapor serving the same bytes as sco-api.
//
// A separate package: the root Package.swift never names it and CI never builds it. Scripts/bench
// builds each peer on its own (`swift build -c release --product hb-peer`), so skipping Vapor skips
// its long build. Versions are pinned exactly so that numbers from different days compare.
import PackageDescription

let package = Package(
    name: "sco-api-benchmarks",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "hb-peer", targets: ["hb-peer"]),
        .executable(name: "ff-peer", targets: ["ff-peer"]),
        .executable(name: "vapor-peer", targets: ["vapor-peer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
        .package(url: "https://github.com/swhitty/FlyingFox.git", exact: "0.27.1"),
        .package(url: "https://github.com/vapor/vapor.git", exact: "4.122.3"),
    ],
    targets: [
        // The bodies sco-api served, the Codable models they decode into, and argument parsing:
        // Foundation only, so every peer shares exactly the same per-request encoding work.
        .target(name: "PeerSupport"),
        .executableTarget(
            name: "hb-peer",
            dependencies: ["PeerSupport", .product(name: "Hummingbird", package: "hummingbird")]
        ),
        .executableTarget(
            name: "ff-peer",
            dependencies: ["PeerSupport", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .executableTarget(
            name: "vapor-peer",
            dependencies: ["PeerSupport", .product(name: "Vapor", package: "vapor")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
