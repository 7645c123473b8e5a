import Glibc
import Testing
@testable import HTTPServer

/// `ResponseOutput`: written bytes and shared stretches come out in order, whole or from any
/// offset, as one array or as iovecs.
@Suite struct ResponseOutputTests {
    /// A stretch of `count` bytes that tells its position and its source apart.
    private func storage(_ count: Int, seed: UInt8) -> SharedBytes {
        SharedBytes((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7) &+ seed })
    }

    /// Builds the same output twice: as a `ResponseOutput`, and as the flat bytes it stands for.
    private func sample() -> (ResponseOutput, [UInt8]) {
        var output = ResponseOutput()
        var flat: [UInt8] = []
        func write(_ text: String) {
            output.bytes.append(contentsOf: text.utf8)
            flat.append(contentsOf: text.utf8)
        }
        func share(_ storage: SharedBytes, _ range: Range<Int>) {
            output.append(storage, range)
            flat.append(contentsOf: storage.buffer[range])
        }
        let long = storage(ResponseOutput.sharingThreshold + 100, seed: 1)
        write("HTTP/1.1 200 OK\r\n")
        share(long, 3..<long.count)
        share(storage(ResponseOutput.sharingThreshold * 2, seed: 9), 0..<ResponseOutput.sharingThreshold * 2)
        write("HTTP/1.1 304 Not Modified\r\n\r\n")
        share(storage(10, seed: 5), 2..<10)
        share(long, 0..<long.count)
        return (output, flat)
    }

    @Test func longStretchesAreSharedAndShortOnesCopied() {
        var output = ResponseOutput()
        output.append(storage(ResponseOutput.sharingThreshold - 1, seed: 0), 0..<ResponseOutput.sharingThreshold - 1)
        #expect(!output.hasSharedStretches)
        #expect(output.bytes.count == ResponseOutput.sharingThreshold - 1)
        output.append(storage(ResponseOutput.sharingThreshold, seed: 0), 0..<ResponseOutput.sharingThreshold)
        #expect(output.hasSharedStretches)
        #expect(output.bytes.count == ResponseOutput.sharingThreshold - 1)
        #expect(output.count == 2 * ResponseOutput.sharingThreshold - 1)
        output.removeAll()
        #expect(output.isEmpty && !output.hasSharedStretches)
    }

    @Test func pastTheLastStretchAllowedEveryStretchIsCopied() {
        var output = ResponseOutput()
        let long = storage(ResponseOutput.sharingThreshold, seed: 3)
        for _ in 0..<ResponseOutput.maximumStretches + 3 { output.append(long, 0..<long.count) }
        #expect(output.bytes.count == 3 * long.count)
        #expect(output.joined() == Array(repeating: Array(long.buffer), count: ResponseOutput.maximumStretches + 3).flatMap { $0 })
        let pieces = output.withIOVectors(from: 0) { (vectors) -> Int in vectors.count }
        #expect(pieces == ResponseOutput.maximumStretches + 1)
    }

    @Test func everyOffsetGivesTheSameBytesJoinedAndAsVectors() {
        let (output, flat) = sample()
        #expect(output.count == flat.count)
        #expect(output.hasSharedStretches)
        for offset in Array(0...40) + Array(stride(from: 41, through: flat.count, by: 97)) + [flat.count - 1, flat.count] {
            let expected = Array(flat[offset...])
            #expect(output.joined(from: offset) == expected, "joined from \(offset)")
            let gathered = output.withIOVectors(from: offset) { (vectors) -> [UInt8] in
                #expect(vectors.allSatisfy { $0.iov_len > 0 }, "no empty iovec from \(offset)")
                return vectors.flatMap { Array(UnsafeRawBufferPointer(start: $0.iov_base, count: $0.iov_len)) }
            }
            #expect(gathered == expected, "iovecs from \(offset)")
        }
    }

    @Test func aSocketReceivesTheVectorsInOrder() throws {
        let (output, flat) = sample()
        var pair: [Int32] = [0, 0]
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair) == 0)
        defer { close(pair[0]); close(pair[1]) }
        var sent = 0
        while sent < flat.count {
            let result = try output.withIOVectors(from: sent) { (vectors) throws(SocketError) in try Syscall.send(pair[0], vectors) }
            guard case .processed(let count) = result else { Issue.record("a blocking socket would not block"); return }
            sent += count
            var chunk = [UInt8](repeating: 0, count: flat.count)
            var received = 0
            while received < count {
                let got = chunk.withUnsafeMutableBytes { read(pair[1], $0.baseAddress! + received, count - received) }
                #expect(got > 0)
                received += got
            }
            #expect(Array(chunk[..<count]) == Array(flat[(sent - count)..<sent]))
        }
    }
}
