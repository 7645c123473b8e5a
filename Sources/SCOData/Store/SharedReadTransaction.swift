/// The read transaction that the requests of one event-loop wake-up share, owned by the loop.
///
/// The first read after it ended begins it; the loop ends it when it has answered what one
/// wake-up brought. A commit that moves the store's data version ends it before the next read,
/// so a request never sees data older than a write acknowledged before it arrived.
public protocol SharedReadTransaction: AnyObject {
    /// Ends the transaction if the data version moved since it began: for a caller about to
    /// read around the repositories.
    func endIfStale()
    /// Ends the transaction, if one is open.
    func end()
}
