import HTTPServer
import SCOData

/// The write endpoints: POST to a collection, PUT, PATCH and DELETE on a record.
///
/// Each write runs on the event loop's own thread through `Database.write`: one serialized
/// writer connection, `BEGIN IMMEDIATE`, so concurrent writers from every loop queue on its
/// mutex and never meet `SQLITE_BUSY` from each other (another process holding the lock past
/// the busy timeout is answered 503 with `Retry-After`). A write takes about a millisecond,
/// most of it the `fsync` of the commit (`synchronous=FULL`): the 2xx goes out only once the
/// edit is on disk. Readers on the other loops are not blocked (WAL). The commit bumps the data
/// version, so every loop's cached responses are stale from that moment on.
///
/// Order of checks: the token (403 when writes are disabled, 401), the query (400), the media
/// type (415) and the JSON (400) before the transaction; inside it, the record's existence for
/// PATCH and DELETE (404), the body's validity (422, and 409 for an id another record has),
/// then the preconditions (412, 428), then conflicts with other records (409). A request
/// whose effect is already in place — the same PUT or PATCH again, a DELETE of a record that
/// was deleted — answers 2xx without writing, whatever its preconditions: RFC 9110 §13.1.1
/// allows it, and it makes retries after a lost response safe.
extension APILoopHandler {
    func write(_ kind: RecordKind, _ action: WriteAction, call: inout RouteCall) throws -> HTTPResponse {
        let request = call.request
        let tokenName = try service.authenticator.authenticate(request.headers)
        call.tokenName = tokenName
        try SingleQuery.checkNoParameters(request.query)
        let id = action == .create ? nil : try call.parameter("id")
        let body = action == .delete ? nil : try WriteBody.parse(request, acceptsMergePatch: action == .update)
        let conditions = Preconditions(request.headers)
        let key = try IdempotencyKey.parse(request.headers)
        let replication = service.replication
        if let control = replication.durableControl, case .failure(let failure) = control.isReachable() {
            throw APIError.notReplicated(committed: false, seq: nil, reason: failure.description)
        }
        do {
            let (response, seq) = try service.store.write(tokenName: tokenName, representation: RecordRepresentation.bytes) {
                writer -> (HTTPResponse, Int) in
                let fingerprint = key.map { _ in IdempotencyKey.fingerprint(of: request) }
                if let key, let fingerprint, let stored = try writer.storedAnswer(key: key) {
                    guard stored.fingerprint == fingerprint else { throw APIError.idempotencyKeyReused(key: key) }
                    return (IdempotencyKey.replay(stored), stored.seq)
                }
                let outcome: WriteOutcome = switch action {
                case .create: try create(kind, body: body!, writer: writer)
                case .replace: try replace(kind, id: id!, body: body!, conditions: conditions, writer: writer)
                case .update: try update(kind, id: id!, patch: body!, conditions: conditions, writer: writer)
                case .delete: try delete(kind, id: id!, conditions: conditions, writer: writer)
                }
                let response = outcome.response()
                let seq = try writer.sequence()
                if let key, let fingerprint {
                    try writer.keep(StoredAnswer(
                        fingerprint: fingerprint, status: response.status.code, location: response.headers[.location],
                        body: response.body, seq: seq), key: key)
                }
                return (response, seq)
            }
            var answered = response
            if replication.role != .single { answered.headers.set("SCO-Seq", String(seq)) }
            if let control = replication.durableControl {
                // A replayed answer is confirmed too: its first attempt may have ended in a 503.
                if case .failure(let failure) = control.syncAndWait(timeout: replication.settings.confirmTimeout) {
                    service.logger.error("a durable write was not confirmed on the replica store", [
                        ("seq", .int(seq)), ("reason", .string(failure.description)),
                    ])
                    loopMetrics.recordUnreplicatedWrite()
                    throw APIError.notReplicated(committed: true, seq: seq, reason: failure.description)
                }
            }
            return answered
        } catch let error as WriteError {
            throw error.apiError
        } catch {
            guard let fault = StorageFault(error), fault.kind == .constraint else { throw error }
            // Validation is meant to leave no constraint to fail; if one does, the write was
            // still refused whole, and the client hears why rather than a 500.
            service.logger.warning("a write broke a constraint validation let through", [("error", .string(fault.message))])
            throw APIError.conflict(detail: "The record breaks a rule of the database: \(fault.message).")
        }
    }

    /// POST: the body's `id`, or one made from its title (summary for statements and clauses).
    private func create(_ kind: RecordKind, body: JSONValue, writer: any DatasetEditor) throws -> WriteOutcome {
        var body = body
        if case .object = body {
            switch body["id"] {
            case nil, .null?:
                let text = body[kind.slugSourceField]?.stringValue ?? ""
                body = body.settingID(try writer.newID(for: kind, from: text))
            case .string(let id)?:
                if try writer.record(kind, id: id) != nil {
                    throw APIError.conflict(detail: """
                        There is already a \(kind.rawValue) '\(id)' at \(RecordRepresentation.location(kind, id: id)); \
                        PUT there with If-Match to replace it.
                        """)
                }
            default:
                break  // a mistyped id is the validator's to report
            }
        }
        let record = try writer.validate(body, as: kind)
        try writer.create(record)
        return .created(record)
    }

    /// PUT: create at the path's id, or replace what is there.
    private func replace(
        _ kind: RecordKind, id: String, body: JSONValue, conditions: Preconditions, writer: any DatasetEditor
    ) throws -> WriteOutcome {
        var body = body
        if case .object = body {
            switch body["id"] {
            case nil, .null?:
                body = body.settingID(id)
            case .string(let bodyID)? where bodyID != id:
                throw WriteError.invalid([WriteProblem(pointer: "/id", message: "must be '\(id)', the id in the path")])
            default:
                break
            }
        }
        let record = try writer.validate(body, as: kind)
        let current = try writer.record(kind, id: id)
        if let refusal = conditions.refusal(currentETag: current.map(RecordRepresentation.etag), path: location(kind, id)) {
            if let current, record == current { return .current(current) }
            throw refusal
        }
        guard let current else {
            try writer.create(record)
            return .created(record)
        }
        if record != current { try writer.replace(current, with: record, as: .replace) }
        return .current(record)
    }

    /// PATCH: the current representation with the JSON Merge Patch applied (RFC 7396), then
    /// validated whole. The id cannot change.
    private func update(
        _ kind: RecordKind, id: String, patch: JSONValue, conditions: Preconditions, writer: any DatasetEditor
    ) throws -> WriteOutcome {
        guard let current = try writer.record(kind, id: id) else {
            throw APIError.notFound(detail: "No \(kind.rawValue) has the id '\(id)'; PUT creates one.")
        }
        guard case .success(let representation) = JSONParser.parse(RecordRepresentation.bytes(current)) else {
            preconditionFailure("the API's own JSON of a record parses")
        }
        let unknown = kind.unknownMembers(in: patch)
        if !unknown.isEmpty { throw WriteError.invalid(unknown) }
        let patched = representation.mergePatched(with: patch)
        if case .object = patched, patched["id"] != .string(id) {
            throw WriteError.invalid([WriteProblem(pointer: "/id", message: "the id cannot be changed; it is '\(id)'")])
        }
        let record = try writer.validate(patched, as: kind)
        if let refusal = conditions.refusal(currentETag: RecordRepresentation.etag(current), path: location(kind, id)) {
            if record == current { return .current(current) }
            throw refusal
        }
        if record != current { try writer.replace(current, with: record, as: .update) }
        return .current(record)
    }

    /// DELETE: 204, also for a record already deleted (its last change is a deletion); 404 for
    /// an id that never had a record.
    private func delete(_ kind: RecordKind, id: String, conditions: Preconditions, writer: any DatasetEditor) throws -> WriteOutcome {
        guard let current = try writer.record(kind, id: id) else {
            if try writer.lastChange(kind, id: id)?.operation == .delete { return .deleted }
            throw APIError.notFound(detail: "No \(kind.rawValue) has the id '\(id)'.")
        }
        if let refusal = conditions.refusal(currentETag: RecordRepresentation.etag(current), path: location(kind, id)) {
            throw refusal
        }
        try writer.delete(current)
        return .deleted
    }

    private func location(_ kind: RecordKind, _ id: String) -> String {
        RecordRepresentation.location(kind, id: id)
    }
}

extension JSONValue {
    /// This object with `id` set to `id`, first among its members.
    fileprivate func settingID(_ id: String) -> JSONValue {
        guard case .object(let members) = self else { return self }
        return .object([JSONMember(key: "id", value: .string(id))] + members.filter { $0.key != "id" })
    }
}
