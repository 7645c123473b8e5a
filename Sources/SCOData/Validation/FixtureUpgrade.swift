/// Brings a document of an older format to the current one before it is checked, so that one
/// schema and one decoder serve every format this build reads.
///
/// Format 1 → 2: a statement's `respondsTo` was one id, and is now a list of them; an event's
/// `actors`, a list of ids, are now `participants`, each with its part (`actor` for all of a
/// format-1 event's, the part that format did not tell). Format 1's dates, without `earliest`, `latest` and `basis`, need no
/// change here: `HistoricalDate` derives what they lack as it decodes. Anything that is not
/// format 1's shape is left as it is, for the checks to report.
enum FixtureUpgrade {
    static func current(_ tree: JSONValue) -> JSONValue {
        // `quantities` came with format 2 and may be left out (none).
        var tree = tree
        if case .object(let members) = tree, !members.contains(where: { $0.key == "quantities" }) {
            tree = .object(members + [JSONMember(key: "quantities", value: .array([]))])
        }
        guard case .object(var members) = tree,
              let version = members.firstIndex(where: { $0.key == "formatVersion" }),
              members[version].value == .number("1")
        else { return tree }
        for index in members.indices {
            guard case .array(let records) = members[index].value else { continue }
            switch members[index].key {
            case "statements": members[index].value = .array(records.map(upgradeStatement))
            case "events": members[index].value = .array(records.map(upgradeEvent))
            default: break
            }
        }
        return .object(members)
    }

    private static func upgradeEvent(_ event: JSONValue) -> JSONValue {
        guard case .object(var members) = event, let index = members.firstIndex(where: { $0.key == "actors" }),
              !members.contains(where: { $0.key == "participants" })
        else { return event }
        members[index] = JSONMember(key: "participants", value: participants(fromActors: members[index].value))
        return .object(members)
    }

    /// `[{"id": id, "role": "actor"}, …]` for a list of ids; anything else as it is, for the
    /// checks to report.
    static func participants(fromActors actors: JSONValue) -> JSONValue {
        guard case .array(let ids) = actors else { return actors }
        return .array(ids.map { id in
            guard case .string = id else { return id }
            return .object([JSONMember(key: "id", value: id), JSONMember(key: "role", value: .string(ParticipantRole.actor.rawValue))])
        })
    }

    private static func upgradeStatement(_ statement: JSONValue) -> JSONValue {
        guard case .object(var members) = statement,
              let index = members.firstIndex(where: { $0.key == "respondsTo" }),
              case .string = members[index].value
        else { return statement }
        members[index].value = .array([members[index].value])
        return .object(members)
    }
}
