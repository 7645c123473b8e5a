/// How serious a server event is.
public enum ServerEventLevel: String, Sendable, Comparable, CaseIterable {
    case debug, info, warning, error

    public static func < (lhs: ServerEventLevel, rhs: ServerEventLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Receives what the server core has to say (listening, limits, accept back-off, draining),
/// so the application can log it its own way. Called from any loop thread.
public protocol ServerEventSink: Sendable {
    func serverEvent(_ level: ServerEventLevel, _ message: String, _ fields: [(String, String)])
}
