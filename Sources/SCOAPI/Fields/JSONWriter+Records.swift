import JSONText
import SCOData

/// The nested values records share: dates, quotes and notes, each written one way everywhere.
extension JSONWriter {
    mutating func write(_ date: HistoricalDate) {
        beginObject()
        key("value")
        string(date.value)
        key("precision")
        string(date.precision.rawValue)
        key("earliest")
        string(date.earliest)
        key("latest")
        string(date.latest)
        key("basis")
        string(date.basis.rawValue)
        key("text")
        string(date.text)
        key("note")
        string(date.note)
        endObject()
    }

    mutating func write(_ date: HistoricalDate?) {
        if let date { write(date) } else { null() }
    }

    /// `items` as an array of objects, each object's members written by `members`.
    mutating func objects<Item>(_ items: [Item], _ members: (Item, inout JSONWriter) -> Void) {
        beginArray()
        for item in items {
            beginObject()
            members(item, &self)
            endObject()
        }
        endArray()
    }

    mutating func write(_ sources: [SourceQuote]) {
        objects(sources) { source, json in
            json.key("sourceId")
            json.string(source.sourceId)
            json.key("quote")
            json.string(source.quote)
            json.key("start")
            json.int(source.start)
            json.key("end")
            json.int(source.end)
        }
    }

    mutating func write(_ participants: [Participant]) {
        objects(participants) { participant, json in
            json.key("id")
            json.string(participant.id)
            json.key("role")
            json.string(participant.role.rawValue)
            json.key("inferred")
            json.bool(participant.inferred)
        }
    }

    mutating func write(_ notes: [Note]) {
        objects(notes) { note, json in
            json.key("text")
            json.string(note.text)
            json.key("sources")
            json.write(note.sources)
        }
    }
}
