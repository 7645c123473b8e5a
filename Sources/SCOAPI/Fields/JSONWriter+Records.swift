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

    mutating func write(_ sources: [SourceQuote]) {
        beginArray()
        for source in sources {
            beginObject()
            key("sourceId")
            string(source.sourceId)
            key("quote")
            string(source.quote)
            key("start")
            if let start = source.start { int(start) } else { null() }
            key("end")
            if let end = source.end { int(end) } else { null() }
            endObject()
        }
        endArray()
    }

    mutating func write(_ participants: [Participant]) {
        beginArray()
        for participant in participants {
            beginObject()
            key("id")
            string(participant.id)
            key("role")
            string(participant.role.rawValue)
            key("inferred")
            bool(participant.inferred)
            endObject()
        }
        endArray()
    }

    mutating func write(_ notes: [Note]) {
        beginArray()
        for note in notes {
            beginObject()
            key("text")
            string(note.text)
            key("sources")
            write(note.sources)
            endObject()
        }
        endArray()
    }
}
