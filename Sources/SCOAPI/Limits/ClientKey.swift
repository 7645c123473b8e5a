import Glibc
import HTTPServer

/// Who a request counts against: the bearer token's name for writes made with a valid token,
/// else the client's address, which is the peer's unless the peer is a trusted proxy.
///
/// Behind trusted proxies the address is the first one, from the right, of `Forwarded`'s `for=`
/// values (RFC 7239) or else of `X-Forwarded-For` that no trusted proxy holds: each proxy
/// appends the address it received from, so the rightmost untrusted one is the last that a
/// trusted hop vouches for, and anything to its left the client may have written itself.
public struct TrustedProxies: Sendable {
    /// Networks as (address bytes, prefix length), IPv4 as 4 bytes and IPv6 as 16.
    private var networks: [(bytes: [UInt8], prefix: Int)]

    public init() {
        networks = []
    }

    /// Parses a comma-separated list of addresses and CIDR blocks (`10.0.0.0/8`, `::1`);
    /// nil names the first entry that is neither.
    public static func parse(_ text: String) -> Result<TrustedProxies, InvalidEntry> {
        var proxies = TrustedProxies()
        for raw in text.split(separator: ",") {
            let entry = String(raw.trimmingOWS())
            if entry.isEmpty { continue }
            let parts = entry.split(separator: "/", maxSplits: 1).map(String.init)
            guard let bytes = Self.bytes(parts[0]) else { return .failure(InvalidEntry(entry: entry)) }
            let prefix = parts.count == 2 ? Int(parts[1]) : bytes.count * 8
            guard let prefix, prefix >= 0, prefix <= bytes.count * 8 else { return .failure(InvalidEntry(entry: entry)) }
            proxies.networks.append((bytes, prefix))
        }
        return .success(proxies)
    }

    public struct InvalidEntry: Error, Equatable {
        public var entry: String
    }

    public var isEmpty: Bool { networks.isEmpty }

    /// Whether `address` (no port) is in one of the networks.
    public func contains(_ address: String) -> Bool {
        guard !networks.isEmpty, let bytes = Self.bytes(address) else { return false }
        return networks.contains { network in
            guard network.bytes.count == bytes.count else { return false }
            var bits = network.prefix
            for index in bytes.indices where bits > 0 {
                let mask: UInt8 = bits >= 8 ? 0xFF : ~(0xFF >> UInt8(bits))
                if bytes[index] & mask != network.bytes[index] & mask { return false }
                bits -= 8
            }
            return true
        }
    }

    /// The client address of a request from `peer` (`ip:port` or `[ip]:port`).
    public func clientAddress(peer: String, headers: HTTPHeaders) -> String {
        let address = Self.host(of: peer)
        guard contains(address) else { return address }
        var chain: [String] = []
        if let forwarded = headers["Forwarded"] {
            for element in forwarded.split(separator: ",") {
                for pair in element.split(separator: ";") {
                    let parts = pair.split(separator: "=", maxSplits: 1)
                    if parts.count == 2, parts[0].trimmingOWS().lowercased() == "for" {
                        var value = String(parts[1].trimmingOWS())
                        if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                        chain.append(Self.host(of: value))
                    }
                }
            }
        } else if let forwardedFor = headers["X-Forwarded-For"] {
            chain = forwardedFor.split(separator: ",").map { Self.host(of: String($0.trimmingOWS())) }
        }
        for hop in chain.reversed() where !contains(hop) {
            return Self.bytes(hop) == nil ? address : hop
        }
        return chain.first.flatMap { Self.bytes($0) == nil ? nil : $0 } ?? address
    }

    /// The address part of `ip:port`, `[ip]:port`, `[ip]` or a bare address.
    static func host(of text: String) -> String {
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return text }
            return String(text[text.index(after: text.startIndex)..<close])
        }
        if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") {
            return String(text[..<colon])
        }
        return text
    }

    /// The address's bytes: 4 for IPv4, 16 for IPv6, nil when it is neither.
    static func bytes(_ address: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, address, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, address, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }
}
