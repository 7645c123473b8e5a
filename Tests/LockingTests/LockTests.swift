import Foundation
import Locking
import Testing

@Suite struct LockTests {
    /// Four threads each add 1 a hundred thousand times: without mutual exclusion the
    /// read-modify-write steps interleave and the total falls short (and ThreadSanitizer, which
    /// CI runs this under, reports the race).
    @Test func incrementsFromManyThreadsAreNeverLost() {
        let counter = Lock(0)
        let threads = 4
        let increments = 100_000
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            for _ in 0..<increments {
                counter.withLock { $0 += 1 }
            }
        }
        #expect(counter.withLock { $0 } == threads * increments)
    }

    /// A value handed from one thread to another through the lock is seen whole: the reader
    /// waits (on a condition the lock guards) until the writer has filled the array.
    @Test func stateWrittenUnderTheLockIsSeenByTheNextHolder() {
        let shared = Lock<[Int]?>(nil)
        let writer = Thread {
            let values = Array(0..<1_000)
            shared.withLock { $0 = values }
        }
        writer.start()
        var seen: [Int]?
        while seen == nil {
            seen = shared.withLock { $0 }
            if seen == nil { sched_yield() }
        }
        #expect(seen == Array(0..<1_000))
    }

    @Test func aThrowPassesThroughAndReleasesTheLock() {
        struct Refusal: Error, Equatable {}
        let value = Lock("before")
        #expect(throws: Refusal.self) {
            try value.withLock { (state: inout String) throws(Refusal) in
                state = "during"
                throw Refusal()
            }
        }
        // Not left locked: a second withLock would deadlock if it were.
        #expect(value.withLock { $0 } == "during")
    }
}
