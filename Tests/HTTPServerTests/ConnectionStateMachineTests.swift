import Testing
@testable import HTTPServer

/// Keep-alive and timeouts, driven by a fake clock: instants are plain numbers.
@Suite struct ConnectionStateMachineTests {
    private let timeouts = ConnectionStateMachine.Timeouts(
        header: .seconds(3), body: .seconds(5), idle: .seconds(4), write: .seconds(6), linger: .seconds(2)
    )

    private func at(_ seconds: Double) -> MonotonicInstant {
        MonotonicInstant(nanoseconds: Int64(seconds * 1_000_000_000))
    }

    private func fresh() -> ConnectionStateMachine {
        ConnectionStateMachine(timeouts: timeouts, acceptedAt: at(0))
    }

    @Test func closesAConnectionThatSendsNothingWithinTheHeaderTimeout() {
        let machine = fresh()
        #expect(machine.timedOut(at: at(2.9)) == .none)
        #expect(machine.timedOut(at: at(3)) == .close)
    }

    @Test func answers408ToAHeadTrickledPastTheHeaderTimeout() {
        var machine = fresh()
        machine.requestProgressed(to: .head, at: at(1))
        // More bytes keep arriving: the deadline does not move.
        machine.requestProgressed(to: .head, at: at(2))
        machine.requestProgressed(to: .head, at: at(3.5))
        #expect(machine.timedOut(at: at(3.9)) == .none)
        #expect(machine.timedOut(at: at(4)) == .respondWithTimeoutAndClose)
    }

    @Test func answers408ToABodyNotReceivedWithinTheBodyTimeout() {
        var machine = fresh()
        machine.requestProgressed(to: .head, at: at(1))
        machine.requestProgressed(to: .body, at: at(2))
        #expect(machine.timedOut(at: at(6.9)) == .none)
        #expect(machine.timedOut(at: at(7)) == .respondWithTimeoutAndClose)
    }

    @Test func keepsAliveAfterAResponseAndClosesWhenIdleTooLong() {
        var machine = fresh()
        machine.requestProgressed(to: .head, at: at(1))
        machine.requestCompleted(keepAlive: true, at: at(1.5))
        #expect(machine.input == .awaitingRequest(since: at(1.5)))
        #expect(!machine.closesAfterOutput)
        #expect(machine.timedOut(at: at(5.4)) == .none)
        #expect(machine.timedOut(at: at(5.5)) == .close)
    }

    @Test func startsAFreshHeaderTimerForEachKeptAliveRequest() {
        var machine = fresh()
        machine.requestCompleted(keepAlive: true, at: at(2))
        machine.requestProgressed(to: .head, at: at(5))
        #expect(machine.timedOut(at: at(7.9)) == .none)
        #expect(machine.timedOut(at: at(8)) == .respondWithTimeoutAndClose)
    }

    @Test func finishesWhenTheRequestDoesNotKeepAlive() {
        var machine = fresh()
        machine.requestCompleted(keepAlive: false, at: at(1))
        #expect(machine.closesAfterOutput)
        #expect(machine.outputDrained(at: at(1)) == .close)
    }

    @Test func suspendsInputTimersWhileOutputIsPending() {
        var machine = fresh()
        machine.requestCompleted(keepAlive: true, at: at(1))
        machine.requestProgressed(to: .head, at: at(1))
        machine.outputBlocked(at: at(1))
        // The header timer would have fired at 4; the writer is what is being timed now.
        #expect(machine.timedOut(at: at(5)) == .none)
        machine.outputProgressed(at: at(5))
        #expect(machine.timedOut(at: at(10.9)) == .none)
        #expect(machine.outputDrained(at: at(10)) == .none)
        #expect(machine.input == .receivingHead(since: at(10)))
        #expect(machine.timedOut(at: at(13)) == .respondWithTimeoutAndClose)
    }

    @Test func dropsAStalledWriterAfterTheWriteTimeout() {
        var machine = fresh()
        machine.requestCompleted(keepAlive: true, at: at(1))
        machine.outputBlocked(at: at(1))
        machine.outputBlocked(at: at(3))  // still blocked: the timer is not restarted
        #expect(machine.timedOut(at: at(6.9)) == .none)
        #expect(machine.timedOut(at: at(7)) == .abort)
    }

    @Test func closesAfterLingering() {
        var machine = fresh()
        machine.requestCompleted(keepAlive: false, at: at(1))
        machine.lingeringStarted(at: at(1))
        #expect(machine.isLingering)
        #expect(machine.timedOut(at: at(2.9)) == .none)
        #expect(machine.timedOut(at: at(3)) == .close)
    }

    @Test func drainClosesIdleConnectionsAtOnce() {
        var idle = fresh()
        idle.requestCompleted(keepAlive: true, at: at(1))
        #expect(idle.drainStarted() == .close)
        var untouched = fresh()
        #expect(untouched.drainStarted() == .close)
    }

    @Test func drainLetsARequestInFlightFinishThenCloses() {
        var busy = fresh()
        busy.requestProgressed(to: .head, at: at(1))
        #expect(busy.drainStarted() == .none)
        #expect(!busy.allowsKeepAlive)
        busy.requestCompleted(keepAlive: true, at: at(2))
        #expect(busy.closesAfterOutput)
    }

    @Test func drainClosesAKeptAliveConnectionOnceItsOutputIsWritten() {
        var writing = fresh()
        writing.requestCompleted(keepAlive: true, at: at(1))
        writing.outputBlocked(at: at(1))
        #expect(writing.drainStarted() == .none)
        #expect(writing.outputDrained(at: at(2)) == .close)
    }

    @Test func reportsTheEarliestDeadline() {
        var machine = fresh()
        #expect(machine.deadline == at(3))
        machine.requestCompleted(keepAlive: true, at: at(1))
        #expect(machine.deadline == at(5))
        machine.outputBlocked(at: at(2))
        #expect(machine.deadline == at(8))
        machine.requestCompleted(keepAlive: false, at: at(2))
        _ = machine.outputDrained(at: at(3))
        #expect(machine.deadline == nil)
    }
}
