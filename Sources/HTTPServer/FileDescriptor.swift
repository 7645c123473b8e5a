/// The single owner of a file descriptor: it closes it exactly once, explicitly or on deinit.
final class FileDescriptor {
    /// The descriptor, or -1 once closed.
    private(set) var rawValue: Int32

    init(_ rawValue: Int32) {
        precondition(rawValue >= 0, "A FileDescriptor needs an open descriptor")
        self.rawValue = rawValue
    }

    var isOpen: Bool { rawValue >= 0 }

    /// Closes the descriptor; later calls do nothing.
    func close() {
        guard rawValue >= 0 else { return }
        Syscall.close(rawValue)
        rawValue = -1
    }

    deinit {
        if rawValue >= 0 { Syscall.close(rawValue) }
    }
}
