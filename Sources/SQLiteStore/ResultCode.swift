import CSQLite

/// An SQLite result code, primary or extended (sqlite.org/rescode.html).
///
/// An open set: the well-known codes are static members, so callers match by name, e.g.
/// `catch let error as SQLiteError where error.code == .constraintUnique`. Connections enable
/// extended result codes, so `code` is the most specific one; `primary` drops the extension
/// (the low 8 bits are the primary code, §"Primary Result Codes versus Extended Result Codes").
public struct ResultCode: RawRepresentable, Hashable, Sendable {
    public let rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// The extended code `primary | (index << 8)`, as sqlite3.h composes them.
    init(_ primary: ResultCode, extended index: Int32) {
        self.rawValue = primary.rawValue | (index << 8)
    }

    /// The primary result code this code extends (itself when it is primary).
    public var primary: ResultCode {
        ResultCode(rawValue: rawValue & 0xFF)
    }

    /// Whether this code is `other` or one of its extensions: `.constraintUnique.isA(.constraint)`.
    public func isA(_ other: ResultCode) -> Bool {
        other.rawValue == other.primary.rawValue ? primary == other : self == other
    }
}

// MARK: - Primary codes

extension ResultCode {
    public static let ok = ResultCode(rawValue: SQLITE_OK)
    public static let error = ResultCode(rawValue: SQLITE_ERROR)
    public static let `internal` = ResultCode(rawValue: SQLITE_INTERNAL)
    public static let permission = ResultCode(rawValue: SQLITE_PERM)
    public static let abort = ResultCode(rawValue: SQLITE_ABORT)
    public static let busy = ResultCode(rawValue: SQLITE_BUSY)
    public static let locked = ResultCode(rawValue: SQLITE_LOCKED)
    public static let noMemory = ResultCode(rawValue: SQLITE_NOMEM)
    public static let readOnly = ResultCode(rawValue: SQLITE_READONLY)
    public static let interrupt = ResultCode(rawValue: SQLITE_INTERRUPT)
    public static let ioError = ResultCode(rawValue: SQLITE_IOERR)
    public static let corrupt = ResultCode(rawValue: SQLITE_CORRUPT)
    public static let notFound = ResultCode(rawValue: SQLITE_NOTFOUND)
    public static let full = ResultCode(rawValue: SQLITE_FULL)
    public static let cantOpen = ResultCode(rawValue: SQLITE_CANTOPEN)
    public static let `protocol` = ResultCode(rawValue: SQLITE_PROTOCOL)
    public static let schema = ResultCode(rawValue: SQLITE_SCHEMA)
    public static let tooBig = ResultCode(rawValue: SQLITE_TOOBIG)
    public static let constraint = ResultCode(rawValue: SQLITE_CONSTRAINT)
    public static let mismatch = ResultCode(rawValue: SQLITE_MISMATCH)
    public static let misuse = ResultCode(rawValue: SQLITE_MISUSE)
    public static let noLFS = ResultCode(rawValue: SQLITE_NOLFS)
    public static let authorization = ResultCode(rawValue: SQLITE_AUTH)
    public static let range = ResultCode(rawValue: SQLITE_RANGE)
    public static let notADatabase = ResultCode(rawValue: SQLITE_NOTADB)
    public static let notice = ResultCode(rawValue: SQLITE_NOTICE)
    public static let warning = ResultCode(rawValue: SQLITE_WARNING)
    public static let row = ResultCode(rawValue: SQLITE_ROW)
    public static let done = ResultCode(rawValue: SQLITE_DONE)
}

// MARK: - Extended codes

extension ResultCode {
    public static let constraintCheck = ResultCode(.constraint, extended: 1)
    public static let constraintCommitHook = ResultCode(.constraint, extended: 2)
    public static let constraintForeignKey = ResultCode(.constraint, extended: 3)
    public static let constraintFunction = ResultCode(.constraint, extended: 4)
    public static let constraintNotNull = ResultCode(.constraint, extended: 5)
    public static let constraintPrimaryKey = ResultCode(.constraint, extended: 6)
    public static let constraintTrigger = ResultCode(.constraint, extended: 7)
    public static let constraintUnique = ResultCode(.constraint, extended: 8)
    public static let constraintVirtualTable = ResultCode(.constraint, extended: 9)
    public static let constraintRowID = ResultCode(.constraint, extended: 10)
    public static let constraintPinned = ResultCode(.constraint, extended: 11)
    public static let constraintDataType = ResultCode(.constraint, extended: 12)

    public static let busyRecovery = ResultCode(.busy, extended: 1)
    public static let busySnapshot = ResultCode(.busy, extended: 2)
    public static let busyTimeout = ResultCode(.busy, extended: 3)

    public static let lockedSharedCache = ResultCode(.locked, extended: 1)
    public static let lockedVirtualTable = ResultCode(.locked, extended: 2)

    public static let readOnlyRecovery = ResultCode(.readOnly, extended: 1)
    public static let readOnlyCantLock = ResultCode(.readOnly, extended: 2)
    public static let readOnlyRollback = ResultCode(.readOnly, extended: 3)
    public static let readOnlyDatabaseMoved = ResultCode(.readOnly, extended: 4)
    public static let readOnlyCantInit = ResultCode(.readOnly, extended: 5)
    public static let readOnlyDirectory = ResultCode(.readOnly, extended: 6)

    public static let cantOpenIsDirectory = ResultCode(.cantOpen, extended: 2)
    public static let cantOpenFullPath = ResultCode(.cantOpen, extended: 3)

    public static let corruptVirtualTable = ResultCode(.corrupt, extended: 1)
    public static let corruptSequence = ResultCode(.corrupt, extended: 2)
    public static let corruptIndex = ResultCode(.corrupt, extended: 3)

    public static let abortRollback = ResultCode(.abort, extended: 2)

    public static let ioErrorRead = ResultCode(.ioError, extended: 1)
    public static let ioErrorShortRead = ResultCode(.ioError, extended: 2)
    public static let ioErrorWrite = ResultCode(.ioError, extended: 3)
    public static let ioErrorFsync = ResultCode(.ioError, extended: 4)
    public static let ioErrorDirectoryFsync = ResultCode(.ioError, extended: 5)
    public static let ioErrorTruncate = ResultCode(.ioError, extended: 6)
    public static let ioErrorLock = ResultCode(.ioError, extended: 15)
}

extension ResultCode: CustomStringConvertible {
    /// The number and SQLite's English phrase for it, e.g. `2067 (constraint failed)`.
    public var description: String {
        let phrase = sqlite3_errstr(rawValue).map { String(cString: $0) } ?? "unknown result code"
        return "\(rawValue) (\(phrase))"
    }
}
