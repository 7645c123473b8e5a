#if canImport(Glibc)
import Glibc
#endif

/// A minimal blocking HTTP/1.1 GET over a TCP socket, so the container's HEALTHCHECK needs no curl.
struct HealthProbe {
    enum Failure: Error, CustomStringConvertible {
        case resolve(String)
        case connect(String, Int32)
        case io(String, Int32)
        case malformedResponse

        var description: String {
            switch self {
            case .resolve(let host): "cannot resolve host \(host)"
            case .connect(let address, let code): "cannot connect to \(address): \(String(cString: strerror(code)))"
            case .io(let call, let code): "\(call) failed: \(String(cString: strerror(code)))"
            case .malformedResponse: "the server's answer is not an HTTP response"
            }
        }
    }

    var host: String
    var port: Int
    var timeoutSeconds: Int

    /// GETs `path` and returns the status code and the body text.
    func get(_ path: String) throws -> (status: Int, body: String) {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else {
            throw Failure.resolve(host)
        }
        defer { freeaddrinfo(list) }
        let fd = socket(first.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure.io("socket", errno) }
        defer { close(fd) }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        while connect(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) != 0 {
            if errno == EINTR { continue }
            throw Failure.connect("\(host):\(port)", errno)
        }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\nUser-Agent: sco-api-healthcheck\r\n\r\n".utf8)
        var sent = 0
        while sent < request.count {
            let n = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure.io("send", errno)
            }
            sent += n
        }
        var response: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while response.count < 1 << 20 {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure.io("recv", errno)
            }
            if n == 0 { break }
            response.append(contentsOf: chunk[..<n])
        }
        let text = String(decoding: response, as: UTF8.self)
        let parts = text.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]) else {
            throw Failure.malformedResponse
        }
        let separator: [UInt8] = [13, 10, 13, 10]
        var body = ""
        if let end = response.indices.dropLast(3).first(where: { response[$0..<($0 + 4)].elementsEqual(separator) }) {
            body = String(decoding: response[(end + 4)...], as: UTF8.self)
        }
        return (status, body)
    }
}
