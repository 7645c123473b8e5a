import SQLiteStore

/// A failure of the storage rather than of the request: what the API answers with a 503 (or,
/// for a constraint a write broke, a 409) and logs with the engine's own code and message.
public struct StorageFault: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Another connection holds a lock past the busy timeout (or SQLite's lock retries ran
        /// out: SQLITE_PROTOCOL); retrying may succeed.
        case busy
        /// The disk that holds the data is full.
        case full
        /// The data is damaged: a page SQLite finds corrupt, a file that is not a database, a
        /// stored value that does not decode (a short read of a truncated file).
        case damaged
        /// The file cannot be read or written right now (I/O, permissions, memory).
        case unavailable
        /// The database file or its WAL is no longer the one the server opened (deleted,
        /// renamed or replaced): a write would go to a file nobody will open again.
        case replaced
        /// A write broke a rule of the schema that validation let through.
        case constraint
        /// Any other failure of the engine.
        case other
    }

    public var kind: Kind
    /// The engine's result code, when it has one.
    public var code: Int?
    /// The engine's message, for the log; never sent to a client whole.
    public var message: String

    public init(kind: Kind, code: Int? = nil, message: String) {
        self.kind = kind
        self.code = code
        self.message = message
    }

    /// What `error` means for the storage, or nil when it is not the storage's (a request's own
    /// error, a bug). See sqlite.org/rescode.html for the codes.
    public init?(_ error: any Error) {
        switch error {
        case let fault as StorageFault:
            self = fault
        case let sqlite as SQLiteError:
            let kind: Kind = switch sqlite.code.primary {
            case .busy, .locked, .protocol: .busy
            case .full: .full
            case .corrupt, .notADatabase: .damaged
            case .ioError, .cantOpen, .readOnly, .noMemory, .noLFS: .unavailable
            case .constraint: .constraint
            default: .other
            }
            self.init(kind: kind, code: Int(sqlite.code.rawValue), message: sqlite.message)
        case DatasetError.corruptValue, StoreError.columnType:
            self.init(kind: .damaged, message: String(describing: error))
        default:
            return nil
        }
    }
}
