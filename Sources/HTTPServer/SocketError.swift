import Glibc

/// A system call failed for a reason of the world (not a programmer error).
public enum SocketError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `call` failed with `errno`.
    case failed(call: String, errno: Int32)
    /// The host name could not be resolved to an address to listen on.
    case unresolvableHost(host: String, message: String)

    public var description: String {
        switch self {
        case .failed(let call, let code):
            "\(call) failed: \(String(cString: strerror(code))) (errno \(code))"
        case .unresolvableHost(let host, let message):
            "cannot resolve '\(host)': \(message)"
        }
    }
}
