import JSONText
import SCOData

extension State: APIRecord {
    static let fieldSchemas: FieldList = [
        ("code", .code),
        ("alpha3", .string),
        ("name", .string),
        ("isFormer", .bool),
        ("roles", .enumArray(StateRole.allCases.map(\.rawValue))),
        ("notes", .notes),
        ("note", .nullableString),
        ("sources", .sources),
    ]
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
    static let fieldSchemas: FieldList = [
        ("id", .string),
        ("name", .string),
        ("nameInSource", .nullableString),
        ("title", .string),
        ("stateCode", .nullableString),
        ("organizationId", .nullableString),
        ("notes", .notes),
        ("note", .nullableString),
        ("sources", .sources),
    ]
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
    static let fieldSchemas: FieldList = [
        ("id", .string),
        ("name", .string),
        ("kind", .enumeration(RegionKind.allCases.map(\.rawValue))),
        ("stateCode", .nullableString),
        ("parentId", .nullableString),
        ("capitalId", .nullableString),
        ("notes", .notes),
        ("note", .nullableString),
        ("sources", .sources),
    ]
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
    static let fieldSchemas: FieldList = [
        ("id", .string),
        ("declarationId", .string),
        ("position", .integer),
        ("text", .string),
        ("addresses", .stringArray),
        ("summary", .string),
        ("note", .nullableString),
        ("sources", .sources),
    ]
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

extension TimelineEvent: PositionalAPIRecord {
    static let fieldSchemas: FieldList = [
        ("id", .string),
        ("date", .date),
        ("kind", .enumeration(EventKind.allCases.map(\.rawValue))),
        ("title", .string),
        ("summary", .string),
        ("actors", .stringArray),
        ("regions", .stringArray),
        ("note", .nullableString),
        ("sources", .sources),
    ]
    var recordID: String { id }

    /// By position in `fieldSchemas`: a timeline page writes 15 events of 9 fields, and a
    /// switch on the name compares strings until it finds it.
    func writeField(at index: Int, named name: String, to json: inout JSONWriter) {
        switch index {
        case 0: json.string(id)
        case 1: json.write(date)
        case 2: json.string(kind.rawValue)
        case 3: json.string(title)
        case 4: json.string(summary)
        case 5: json.stringArray(actors)
        case 6: json.stringArray(regions)
        case 7: json.string(note)
        case 8: json.write(sources)
        default: json.null()
        }
    }
}

extension Statement: APIRecord {
    static let fieldSchemas: FieldList = [
        ("id", .string),
        ("speakerId", .string),
        ("speakerRole", .nullableString),
        ("date", .date),
        ("place", .nullableString),
        ("regionId", .nullableString),
        ("venueId", .nullableString),
        ("reportedById", .nullableString),
        ("kind", .enumeration(StatementKind.allCases.map(\.rawValue))),
        ("quote", .string),
        ("isDirectQuote", .bool),
        ("respondsTo", .nullableString),
        ("summary", .string),
        ("about", .stringArray),
        ("note", .nullableString),
        ("sources", .sources),
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
    static let fieldSchemas: FieldList = [
        ("id", .string),
        ("title", .string),
        ("publisher", .string),
        ("agency", .nullableString),
        ("publishedOn", .string),
        ("language", .string),
        ("note", .nullableString),
        ("text", .string),
    ]
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
    static let fieldSchemas: FieldList = [
        ("id", .string),
        ("name", .string),
        ("abbreviation", .nullableString),
        ("kind", .enumeration(OrganizationKind.allCases.map(\.rawValue))),
        ("founded", .nullableDate),
        ("purpose", .nullableString),
        ("stateCode", .nullableString),
        ("notes", .notes),
        ("note", .nullableString),
        ("sources", .sources),
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
    static let fieldSchemas: FieldList = [
        ("id", .string),
        ("name", .string),
        ("organizationId", .string),
        ("place", .string),
        ("placeId", .nullableString),
        ("countryCode", .nullableString),
        ("hostStateCode", .nullableString),
        ("date", .date),
        ("declarationId", .nullableString),
        ("notes", .notes),
        ("note", .nullableString),
        ("sources", .sources),
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
    static let fieldSchemas: FieldList = [
        ("id", .string),
        ("title", .string),
        ("organizationId", .string),
        ("summitId", .string),
        ("adoptedOn", .date),
        ("place", .string),
        ("endorsement", .string),
        ("summary", .string),
        ("notes", .notes),
        ("note", .nullableString),
        ("sources", .sources),
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
