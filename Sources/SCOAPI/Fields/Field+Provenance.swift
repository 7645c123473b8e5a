import SCOData

extension Field where Record: Quoted {
    /// `note` and `sources`, the last keys of every quoted record.
    static var quoted: [Field] {
        [
            Field("note", .nullableString) { $1.string($0.note) },
            Field("sources", .sources) { $1.write($0.sources) },
        ]
    }
}

extension Field where Record: Annotated {
    /// `notes`, `note` and `sources`, the last keys of every annotated record.
    static var annotated: [Field] {
        [Field("notes", .notes) { $1.write($0.notes) }] + quoted
    }
}

extension Field where Record: ToldAsEvents {
    /// `events`, the timeline events that are the same act as the record.
    static var events: [Field] {
        [Field("events", .stringArray) { $1.stringArray($0.events) }]
    }
}

extension Field where Record: Identifiable & Sendable, Record.ID == String {
    /// `id`, the first key of every record served by id.
    static var id: Field {
        Field("id", .string) { $1.string($0.id) }
    }
}
