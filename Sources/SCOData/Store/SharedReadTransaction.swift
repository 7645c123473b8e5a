/// The read transaction that the requests an event loop answers share, owned by the loop.
///
/// The first read after it ended begins it; the loop ends it when it goes idle (a replica's,
/// after each wake-up). A commit that moves the store's data version ends it before the next
/// read, so a request never sees data older than a write acknowledged before it arrived.
public protocol SharedReadTransaction: AnyObject {
    /// Whether a transaction is open.
    var isOpen: Bool { get }
    /// Ends the transaction if the data version moved since it began: for a caller about to
    /// read around the repositories.
    func endIfStale()
    /// Ends the transaction, if one is open.
    func end()
}
