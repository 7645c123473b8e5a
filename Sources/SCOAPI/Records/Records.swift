import SCOData

extension Country: APIRecord {
    static let fieldNames = ["code", "alpha3", "name", "isFormer", "roles", "notes", "note", "sources"]
    var recordID: String { code }

    func writeField(_ name: String, to json: inout JSONWriter) {
        switch name {
        case "code": json.string(code)
        case "alpha3": json.string(alpha3)
        case "name": json.string(self.name)
        case "isFormer": json.bool(isFormer)
        case "roles": json.stringArray(roles.map(\.rawValue))
        case "notes": json.write(notes)
        case "note": json.string(note)
        case "sources": json.write(sources)
        default: json.null()
        }
    }
}

extension Person: APIRecord {
    static let fieldNames = ["id", "name", "nameInSource", "title", "stateCode", "organizationId", "notes", "note", "sources"]
    var recordID: String { id }

    func writeField(_ name: String, to json: inout JSONWriter) {
        switch name {
        case "id": json.string(id)
        case "name": json.string(self.name)
        case "nameInSource": json.string(nameInSource)
        case "title": json.string(title)
        case "stateCode": json.string(stateCode)
        case "organizationId": json.string(organizationId)
        case "notes": json.write(notes)
        case "note": json.string(note)
        case "sources": json.write(sources)
        default: json.null()
        }
    }
}

extension Region: APIRecord {
    static let fieldNames = ["id", "name", "kind", "stateCode", "parentId", "capitalId", "notes", "note", "sources"]
    var recordID: String { id }

    func writeField(_ name: String, to json: inout JSONWriter) {
        switch name {
        case "id": json.string(id)
        case "name": json.string(self.name)
        case "kind": json.string(kind.rawValue)
        case "stateCode": json.string(stateCode)
        case "parentId": json.string(parentId)
        case "capitalId": json.string(capitalId)
        case "notes": json.write(notes)
        case "note": json.string(note)
        case "sources": json.write(sources)
        default: json.null()
        }
    }
}

extension Clause: APIRecord {
    static let fieldNames = ["id", "declarationId", "position", "text", "addresses", "summary", "note", "sources"]
    var recordID: String { id }

    func writeField(_ name: String, to json: inout JSONWriter) {
        switch name {
        case "id": json.string(id)
        case "declarationId": json.string(declarationId)
        case "position": json.int(position)
        case "text": json.string(text)
        case "addresses": json.stringArray(addresses)
        case "summary": json.string(summary)
        case "note": json.string(note)
        case "sources": json.write(sources)
        default: json.null()
        }
    }
}

extension TimelineEvent: APIRecord {
    static let fieldNames = ["id", "date", "kind", "title", "summary", "actors", "regions", "note", "sources"]
    var recordID: String { id }

    func writeField(_ name: String, to json: inout JSONWriter) {
        switch name {
        case "id": json.string(id)
        case "date": json.write(date)
        case "kind": json.string(kind.rawValue)
        case "title": json.string(title)
        case "summary": json.string(summary)
        case "actors": json.stringArray(actors)
        case "regions": json.stringArray(regions)
        case "note": json.string(note)
        case "sources": json.write(sources)
        default: json.null()
        }
    }
}

extension Statement: APIRecord {
    static let fieldNames = [
        "id", "speakerId", "speakerRole", "date", "place", "regionId", "venueId", "reportedById", "kind", "quote",
        "isDirectQuote", "respondsTo", "summary", "about", "note", "sources",
    ]
    var recordID: String { id }

    func writeField(_ name: String, to json: inout JSONWriter) {
        switch name {
        case "id": json.string(id)
        case "speakerId": json.string(speakerId)
        case "speakerRole": json.string(speakerRole)
        case "date": json.write(date)
        case "place": json.string(place)
        case "regionId": json.string(regionId)
        case "venueId": json.string(venueId)
        case "reportedById": json.string(reportedById)
        case "kind": json.string(kind.rawValue)
        case "quote": json.string(quote)
        case "isDirectQuote": json.bool(isDirectQuote)
        case "respondsTo": json.string(respondsTo)
        case "summary": json.string(summary)
        case "about": json.stringArray(about)
        case "note": json.string(note)
        case "sources": json.write(sources)
        default: json.null()
        }
    }
}

extension Source: APIRecord {
    static let fieldNames = ["id", "title", "publisher", "agency", "publishedOn", "language", "note", "text"]
    var recordID: String { id }

    func writeField(_ name: String, to json: inout JSONWriter) {
        switch name {
        case "id": json.string(id)
        case "title": json.string(title)
        case "publisher": json.string(publisher)
        case "agency": json.string(agency)
        case "publishedOn": json.string(publishedOn)
        case "language": json.string(language)
        case "note": json.string(note)
        case "text": json.string(text)
        default: json.null()
        }
    }
}

extension Organization: APIRecord {
    static let fieldNames = [
        "id", "name", "abbreviation", "kind", "founded", "purpose", "stateCode", "notes", "note", "sources",
    ]
    var recordID: String { id }

    func writeField(_ name: String, to json: inout JSONWriter) {
        switch name {
        case "id": json.string(id)
        case "name": json.string(self.name)
        case "abbreviation": json.string(abbreviation)
        case "kind": json.string(kind.rawValue)
        case "founded": json.write(founded)
        case "purpose": json.string(purpose)
        case "stateCode": json.string(stateCode)
        case "notes": json.write(notes)
        case "note": json.string(note)
        case "sources": json.write(sources)
        default: json.null()
        }
    }
}

extension Summit: APIRecord {
    static let fieldNames = [
        "id", "name", "organizationId", "place", "placeId", "countryCode", "hostStateCode", "date", "declarationId",
        "notes", "note", "sources",
    ]
    var recordID: String { id }

    func writeField(_ name: String, to json: inout JSONWriter) {
        switch name {
        case "id": json.string(id)
        case "name": json.string(self.name)
        case "organizationId": json.string(organizationId)
        case "place": json.string(place)
        case "placeId": json.string(placeId)
        case "countryCode": json.string(countryCode)
        case "hostStateCode": json.string(hostStateCode)
        case "date": json.write(date)
        case "declarationId": json.string(declarationId)
        case "notes": json.write(notes)
        case "note": json.string(note)
        case "sources": json.write(sources)
        default: json.null()
        }
    }
}

extension Declaration: APIRecord {
    static let fieldNames = [
        "id", "title", "organizationId", "summitId", "adoptedOn", "place", "endorsement", "summary", "notes", "note",
        "sources",
    ]
    var recordID: String { id }

    func writeField(_ name: String, to json: inout JSONWriter) {
        switch name {
        case "id": json.string(id)
        case "title": json.string(title)
        case "organizationId": json.string(organizationId)
        case "summitId": json.string(summitId)
        case "adoptedOn": json.write(adoptedOn)
        case "place": json.string(place)
        case "endorsement": json.string(endorsement)
        case "summary": json.string(summary)
        case "notes": json.write(notes)
        case "note": json.string(note)
        case "sources": json.write(sources)
        default: json.null()
        }
    }
}
