import SCOData

extension ListQuery {
    /// The repository's sort for the parsed `sort=`: each key's name is the raw value of one of
    /// `Field`'s cases (the table's `sortKeys` name only those).
    func sort<Field: ListSortField>(as field: Field.Type = Field.self) throws(APIError) -> ListSort<Field> {
        var keys: [ListSort<Field>.Key] = []
        for key in sort {
            guard let field = Field(rawValue: key.field) else {
                throw .badParameter(name: "sort", detail: "'\(key.field)' is not sortable here.")
            }
            keys.append(.init(field, descending: key.isDescending))
        }
        return ListSort<Field>(keys)
    }

    /// The repository's position for `cursor=`; a malformed one is a 400 naming `cursor`.
    func position() throws(APIError) -> ListPosition? {
        guard let cursor else { return nil }
        return try CursorCodec.decode(cursor)
    }

    /// The repository's request: the filters as parsed (each name as the API spells it), the
    /// date range, the sort, the page size and the position.
    func request<Field: ListSortField>(sortedBy field: Field.Type = Field.self) throws(APIError) -> ListRequest<Field> {
        ListRequest(filters: filters, from: from, to: to, sort: try sort(), limit: limit, position: try position())
    }

    /// The values of a filter whose values are a closed set, as the model's type.
    func values<Value: RawRepresentable>(_ filter: String, as type: Value.Type) -> [Value] where Value.RawValue == String {
        values(filter).compactMap(Value.init(rawValue:))
    }
}
