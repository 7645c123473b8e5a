import Glibc

/// Bytes encoded once and never changed, at an address that stays put while anything holds
/// them: what a `ResponseOutput` can hand the kernel by reference.
final class SharedBytes: @unchecked Sendable {
    // Unchecked: written only in `init`, read-only from then on, freed in `deinit`.
    let buffer: UnsafeRawBufferPointer

    init(_ bytes: [UInt8]) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { copy.copyMemory(from: $0) }
        buffer = UnsafeRawBufferPointer(rebasing: copy[..<bytes.count])
    }

    deinit {
        buffer.deallocate()
    }

    var count: Int { buffer.count }
}

/// The responses a loop has ready for one connection, in order: bytes written into `bytes`, and
/// between them long stretches of `SharedBytes` (a replayed response's body) that stay where
/// they are and go to `sendmsg` as iovecs of their own. A body kept encoded is then copied once,
/// by the kernel into the socket, not first into the loop's buffer as well.
public struct ResponseOutput {
    /// What was written here, without the shared stretches.
    public var bytes: [UInt8] = []
    /// `storage[range]`, sent after the first `position` bytes of `bytes`.
    private struct Stretch {
        var position: Int
        var storage: SharedBytes
        var range: Range<Int>
    }

    private var stretches: [Stretch] = []
    private var sharedCount = 0

    /// Stretches shorter than this are copied, as a compressed body of a kilobyte or two is: a
    /// copy that short costs no more than the iovec and the retain a shared stretch takes.
    static let sharingThreshold = 4096
    /// Stretches past this many are copied too, so a pipelined batch's iovecs stay few.
    static let maximumStretches = 64

    public init() {}

    /// All the bytes, written and shared.
    public var count: Int { bytes.count + sharedCount }

    public var isEmpty: Bool { count == 0 }

    /// Whether some bytes are shared rather than in `bytes`.
    var hasSharedStretches: Bool { !stretches.isEmpty }

    /// Appends `storage[range]`: by reference if it is long, else by copying it into `bytes`.
    mutating func append(_ storage: SharedBytes, _ range: Range<Int>) {
        guard range.count >= Self.sharingThreshold, stretches.count < Self.maximumStretches else {
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: storage.buffer[range]))
            return
        }
        stretches.append(Stretch(position: bytes.count, storage: storage, range: range))
        sharedCount += range.count
    }

    /// Empties the output, keeping `bytes`' capacity and letting go of what was shared.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        stretches.removeAll(keepingCapacity: true)
        sharedCount = 0
    }

    /// Everything from `offset` on, as one array: what is left when the socket took only part.
    public func joined(from offset: Int = 0) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(max(count - offset, 0))
        bytes.withUnsafeBytes { written in
            forEachPiece(from: offset, written: written) { result.append(contentsOf: $0) }
        }
        return result
    }

    /// Calls `body` with iovecs for everything from `offset` on, in order, empty pieces left out.
    func withIOVectors<R, E: Error>(from offset: Int, _ body: (UnsafeBufferPointer<iovec>) throws(E) -> R) throws(E) -> R {
        // Array's `withUnsafeBytes` rethrows untyped errors, so the typed one travels as a Result.
        let result = bytes.withUnsafeBytes { written in
            withUnsafeTemporaryAllocation(of: iovec.self, capacity: 2 * stretches.count + 1) { vectors in
                var used = 0
                forEachPiece(from: offset, written: written) { piece in
                    vectors[used] = iovec(iov_base: UnsafeMutableRawPointer(mutating: piece.baseAddress), iov_len: piece.count)
                    used += 1
                }
                return Result { () throws(E) in try body(UnsafeBufferPointer(rebasing: vectors[..<used])) }
            }
        }
        return try result.get()
    }

    /// Calls `body` with each non-empty piece in order from `offset` on, the written ones (from
    /// `written`, the bytes of `bytes`) and the shared ones alike.
    private func forEachPiece(from offset: Int, written: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Void) {
        var skip = offset
        func give(_ piece: UnsafeRawBufferPointer) {
            if skip >= piece.count {
                skip -= piece.count
            } else {
                body(UnsafeRawBufferPointer(rebasing: piece[skip...]))
                skip = 0
            }
        }
        var start = 0
        for stretch in stretches {
            give(UnsafeRawBufferPointer(rebasing: written[start..<stretch.position]))
            give(UnsafeRawBufferPointer(rebasing: stretch.storage.buffer[stretch.range]))
            start = stretch.position
        }
        give(UnsafeRawBufferPointer(rebasing: written[start...]))
    }
}
