extension JSONValue {
    /// This value with `patch` applied as a JSON Merge Patch (RFC 7396 §2).
    ///
    /// A patch that is not an object replaces the value whole. An object patch merges member by
    /// member: `null` removes the member, an object merges recursively, anything else (arrays
    /// included) replaces it. Members keep their order; new ones are appended.
    package func mergePatched(with patch: JSONValue) -> JSONValue {
        guard case .object(let changes) = patch else { return patch }
        var members: [JSONMember]
        if case .object(let existing) = self { members = existing } else { members = [] }
        for change in changes {
            let index = members.firstIndex { $0.key == change.key }
            if case .null = change.value {
                if let index { members.remove(at: index) }
            } else if let index {
                members[index].value = members[index].value.mergePatched(with: change.value)
            } else {
                members.append(JSONMember(key: change.key, value: JSONValue.null.mergePatched(with: change.value)))
            }
        }
        return .object(members)
    }
}
