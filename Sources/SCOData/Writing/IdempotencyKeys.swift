import SQLiteStore

/// A write's 2xx as first sent, kept under the `Idempotency-Key` its client gave (0006).
public struct StoredAnswer: Sendable, Equatable {
    /// The method, target and body hash of the request it answered.
    public var fingerprint: String
    public var status: Int
    public var location: String?
    public var body: [UInt8]
    /// The change sequence the database was at once the write was done.
    public var seq: Int

    public init(fingerprint: String, status: Int, location: String?, body: [UInt8], seq: Int) {
        self.fingerprint = fingerprint
        self.status = status
        self.location = location
        self.body = body
        self.seq = seq
    }
}

/// The `idempotency_keys` table: read and written inside a write's transaction.
enum IdempotencyKeys {
    /// How long an answer is kept: a client retries within seconds or minutes, and a day covers
    /// a retry after an outage of the primary.
    static let retention = "-1 day"

    static func answer(tokenName: String, key: String, on connection: SQLiteConnection) throws -> StoredAnswer? {
        try connection.queryFirst(
            "SELECT fingerprint, status, location, body, seq FROM idempotency_keys WHERE token_name = ? AND key = ?",
            [.text(tokenName), .text(key)]
        ) { row in
            StoredAnswer(
                fingerprint: try row.string(0), status: try row.int(1), location: try row.optionalString(2),
                body: try row.blob(3), seq: try row.int(4))
        }
    }

    /// Keeps `answer` under (`tokenName`, `key`), and drops answers past `retention`.
    static func keep(_ answer: StoredAnswer, tokenName: String, key: String, on connection: SQLiteConnection) throws {
        try connection.run(
            "DELETE FROM idempotency_keys WHERE created_at < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?)", [.text(retention)])
        try connection.run(
            """
            INSERT INTO idempotency_keys (token_name, key, fingerprint, created_at, status, location, body, seq)
            VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?, ?, ?, ?)
            """,
            [.text(tokenName), .text(key), .text(answer.fingerprint), .int(answer.status), .nullable(answer.location),
             .blob(answer.body), .int(answer.seq)])
    }
}
