import SCOData

/// `/` for a person: the summit and who came to it, the declaration clause by clause, who said
/// what with each charge above its answers, and the timeline as a picture and as a list. Every
/// fact links to its record and to its words in the report.
enum HomePage {
    static func render(reader: any DatasetReader, links: LinkIndex) throws -> [UInt8] {
        let summit = try reader.summits.summit()
        let declaration = try reader.declarations.declaration()
        let clauses = try reader.clauses.all().sorted { $0.position < $1.position }
        let states = try reader.states.all()
        let people = try reader.people.all()
        let statements = try reader.statements.all()
        let events = try reader.timeline.all()
        let values = HTMLValues(links: links)
        return HTMLPage.render(
            title: "The SCO summit in Dushanbe and the Russia–Georgia war, August 2008",
            lede: "The Shanghai Cooperation Organisation met in Dushanbe on 28 August 2008, three weeks after the war between Russia and Georgia began. Who came, what they declared, who said what, and when it happened: each fact is a record, and each record quotes the report it comes from.",
            json: "/v1", capacity: 65_536
        ) { html in
            html.raw("<nav aria-label=\"On this page\"><ul class=\"inline\">")
            for (anchor, label) in [("summit", "The summit"), ("declaration", "The declaration"), ("statements", "Who said what"), ("timeline", "Timeline")] {
                html.raw("<li>")
                html.link("#" + anchor, label)
                html.raw("</li>")
            }
            html.raw("</ul></nav>")
            if let summit {
                writeSummit(summit, states: states, people: people, events: events, values: values, links: links, to: &html)
            }
            if let declaration {
                writeDeclaration(declaration, clauses: clauses, values: values, to: &html)
            }
            writeStatements(statements, values: values, links: links, to: &html)
            writeTimeline(events, values: values, to: &html)
        }
    }

    // MARK: - The summit

    static func writeSummit(
        _ summit: Summit, states: [State], people: [Person], events: [TimelineEvent], values: HTMLValues, links: LinkIndex,
        to html: inout HTMLWriter
    ) {
        html.element("h2", [("id", "summit")], text: "The summit")
        html.raw("<dl class=\"pairs\"><dt>What</dt><dd>")
        html.link("/v1/summit", summit.name)
        html.raw("</dd><dt>Where</dt><dd>")
        html.text(summit.place)
        if let code = summit.countryCode, let country = links.target(code) {
            html.text(", ")
            html.link(country.href, country.label)
        }
        html.raw("</dd><dt>When</dt><dd>")
        html.open("time", [("datetime", summit.date.value)])
        html.text(summit.date.value)
        html.close("time")
        if let text = summit.date.text { html.text(" (“\(text)” in the report)") }
        html.raw("</dd>")
        if let declarationID = summit.declarationId, let declaration = links.target(declarationID) {
            html.raw("<dt>Declared</dt><dd>")
            html.link("#declaration", declaration.label)
            html.raw("</dd>")
        }
        html.raw("</dl>")
        let attending = events.first { summit.events.contains($0.id) }?.participants ?? []
        let delegates = attending.compactMap { party in people.first { $0.id == party.id } }
        html.element("h3", [("id", "who-came")], text: "Who came")
        html.raw("<div class=\"scroll\"><table><caption class=\"meta\">The SCO’s members and the states that attended as observers, with who headed a delegation where the report says.</caption>")
        html.raw("<thead><tr><th scope=\"col\">State</th><th scope=\"col\">Came as</th><th scope=\"col\">Delegation headed by</th></tr></thead><tbody>")
        for (role, label) in [(StateRole.member, "member"), (.observer, "observer")] {
            for state in states where state.roles.contains(role) {
                html.raw("<tr><th scope=\"row\">")
                html.link("/v1/states/\(state.code)", state.name)
                html.raw("</th><td>")
                html.text(label)
                html.raw("</td><td>")
                let heads = delegates.filter { $0.stateCode == state.code }
                if heads.isEmpty { html.element("span", [("class", "muted")], text: "not named in the report") }
                for (index, person) in heads.enumerated() {
                    if index > 0 { html.text(", ") }
                    html.link("/v1/people/\(person.id)", person.name)
                    html.text(", \(person.title)")
                }
                html.raw("</td></tr>")
            }
        }
        html.raw("</tbody></table></div>")
        for note in summit.notes where note.text.contains("observer") {
            html.element("p", text: note.text)
            for quote in note.sources {
                values.writeQuote(quote.quote, sourceID: quote.sourceId, start: quote.start, end: quote.end, to: &html)
            }
        }
    }

    // MARK: - The declaration

    static func writeDeclaration(_ declaration: Declaration, clauses: [Clause], values: HTMLValues, to html: inout HTMLWriter) {
        html.element("h2", [("id", "declaration")], text: "The declaration")
        html.raw("<p>")
        html.link("/v1/declaration", declaration.title)
        html.text(", adopted \(declaration.adoptedOn.value) in \(declaration.place), \(declaration.endorsement). ")
        html.text(declaration.summary)
        html.raw("</p>")
        for clause in clauses {
            html.open("section", [("id", "clause-\(clause.id)"), ("aria-labelledby", "clause-\(clause.id)-heading")])
            html.open("h3", [("id", "clause-\(clause.id)-heading")])
            html.link("/v1/declaration/clauses/\(clause.id)", "Clause \(clause.position): \(clause.summary)")
            html.close("h3")
            if let quote = clause.sources.first {
                values.writeQuote(quote.quote, sourceID: quote.sourceId, start: quote.start, end: quote.end, to: &html)
            } else {
                html.element("blockquote", text: clause.text)
            }
            if let note = clause.note { html.element("p", [("class", "meta")], text: note) }
            html.raw("</section>")
        }
    }

    // MARK: - Statements

    static func writeStatements(_ statements: [Statement], values: HTMLValues, links: LinkIndex, to html: inout HTMLWriter) {
        html.element("h2", [("id", "statements")], text: "Who said what")
        let byID = Dictionary(statements.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let charges = statements.filter { !$0.respondedBy.isEmpty }
        var shown: Set<String> = []
        if !charges.isEmpty {
            html.element("h3", text: "Charges and their answers")
            for charge in charges {
                html.raw("<div class=\"pair\">")
                writeStatement(charge, values: values, links: links, to: &html)
                shown.insert(charge.id)
                for answerID in charge.respondedBy {
                    guard let answer = byID[answerID] else { continue }
                    html.raw("<div class=\"answer\">")
                    writeStatement(answer, values: values, links: links, to: &html)
                    html.raw("</div>")
                    shown.insert(answer.id)
                }
                html.raw("</div>")
            }
        }
        html.element("h3", text: "Other statements")
        html.raw("<ul>")
        for statement in statements where !shown.contains(statement.id) {
            html.raw("<li>")
            writeStatement(statement, values: values, links: links, to: &html)
            html.raw("</li>")
        }
        html.raw("</ul>")
    }

    static func writeStatement(_ statement: Statement, values: HTMLValues, links: LinkIndex, to html: inout HTMLWriter) {
        html.raw("<p><strong>")
        html.text(statement.kind.rawValue.prefix(1).uppercased() + statement.kind.rawValue.dropFirst())
        html.raw("</strong> by ")
        if let speaker = links.target(statement.speakerId) {
            html.link(speaker.href, speaker.label)
        } else {
            html.text(statement.speakerId)
        }
        html.text(" (\(statement.date.value)): ")
        html.link("/v1/statements/\(statement.id)", statement.summary)
        html.raw("</p>")
        if let quote = statement.sources.first {
            values.writeQuote(quote.quote, sourceID: quote.sourceId, start: quote.start, end: quote.end, to: &html)
        }
    }

    // MARK: - The timeline

    static func writeTimeline(_ events: [TimelineEvent], values: HTMLValues, to html: inout HTMLWriter) {
        html.element("h2", [("id", "timeline")], text: "Timeline")
        html.raw("<figure class=\"timeline\">")
        TimelinePicture(events: events).render(to: &html)
        html.raw("<figcaption>Each bar is an event, coloured by its kind and as wide as its date is known: a year, a day, a night (six in the evening to six in the morning), or a dashed bar over every day the report leaves it in.</figcaption></figure>")
        html.raw("<ul class=\"legend\" aria-label=\"Kinds of event\">")
        for kind in EventKind.allCases where events.contains(where: { $0.kind == kind }) {
            html.raw("<li><span class=\"swatch k-\(kind.rawValue)\"></span>")
            html.text(kind.rawValue)
            html.raw("</li>")
        }
        html.raw("</ul><ol>")
        for event in events {
            html.open("li", [("id", "event-\(event.id)")])
            html.raw("<p>")
            html.open("time", [("datetime", event.date.value)])
            html.text(event.date.value)
            html.close("time")
            html.element("span", [("class", "meta")], text: " (\(event.date.precision.rawValue)\(event.date.earliest != event.date.latest ? ", between \(event.date.earliest) and \(event.date.latest)" : ""))")
            html.text(" ")
            html.link("/v1/timeline/\(event.id)", event.title)
            html.element("span", [("class", "meta")], text: " · \(event.kind.rawValue)")
            html.raw("</p>")
            if let quote = event.sources.first {
                values.writeQuote(quote.quote, sourceID: quote.sourceId, start: quote.start, end: quote.end, to: &html)
            }
            html.raw("</li>")
        }
        html.raw("</ol>")
    }
}
