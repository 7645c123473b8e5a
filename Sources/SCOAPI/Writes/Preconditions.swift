import HTTPServer

/// The conditional fields of a write, evaluated against the record's current ETag.
///
/// RFC 9110 §13.2.2 order: `If-Match` first (strong comparison, §13.1.1; `*` means "exists"),
/// then `If-None-Match` (`*` means "does not exist yet", §13.1.2). A write to an existing record
/// that sends neither is refused with 428 (RFC 6585 §3), so no client overwrites a version it
/// never saw: it must read the record and send its ETag back.
struct Preconditions {
    var ifMatch: String?
    var ifNoneMatch: String?

    init(_ headers: HTTPHeaders) {
        let match = headers.values(for: "If-Match")
        let noneMatch = headers.values(for: "If-None-Match")
        ifMatch = match.isEmpty ? nil : match.joined(separator: ", ")
        ifNoneMatch = noneMatch.isEmpty ? nil : noneMatch.joined(separator: ", ")
    }

    /// Nil when the write may go ahead; otherwise the 412 or 428 to answer.
    func refusal(currentETag: String?, path: String) -> APIError? {
        if let ifMatch {
            guard !EntityTag.matchHits(ifMatch, tag: currentETag) else { return nil }
            guard let currentETag else {
                return .preconditionFailed(detail: "If-Match names a version of '\(path)', but there is no record there.")
            }
            return .preconditionFailed(detail: """
                '\(path)' has changed since the version If-Match names: it is now \(currentETag). \
                Read it again, reapply your change, and send that ETag in If-Match.
                """)
        }
        if let ifNoneMatch {
            guard let currentETag, EntityTag.noneMatchHits(ifNoneMatch, tag: currentETag) else { return nil }
            return .preconditionFailed(detail: "If-None-Match: '\(path)' exists (its ETag is \(currentETag)).")
        }
        if let currentETag {
            return .preconditionRequired(detail: """
                '\(path)' exists; to change it, send If-Match with the ETag of the version you read \
                (it is now \(currentETag)), so that no one's edit is overwritten unseen.
                """)
        }
        return nil
    }
}
