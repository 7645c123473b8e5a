/// Brings a document of an older format to the current one before it is checked, so that one
/// schema and one decoder serve every format this build reads.
///
/// Format 1 → 2: a statement's `respondsTo` was one id, and is now a list of them. Format 1's dates, without `earliest`, `latest` and `basis`, need no
/// change here: `HistoricalDate` derives what they lack as it decodes. Anything that is not
/// format 1's shape is left as it is, for the checks to report.
enum FixtureUpgrade {
    static func current(_ tree: JSONValue) -> JSONValue {
        guard case .object(var members) = tree,
              let version = members.firstIndex(where: { $0.key == "formatVersion" }),
              members[version].value == .number("1")
        else { return tree }
        for index in members.indices where members[index].key == "statements" {
            guard case .array(let statements) = members[index].value else { continue }
            members[index].value = .array(statements.map(upgradeStatement))
        }
        return .object(members)
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
