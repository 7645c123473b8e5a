import Foundation
import HTTPServer
import Testing
@testable import SCOAPI

/// The declared routes are complete: every piece a route declares answers as declared, so a
/// resource that forgets one fails here rather than at run time.
@Suite struct RouteTableTests {
    let api: APIHarness

    init() throws {
        api = try APIHarness()
    }

    /// The route's pattern with each `{parameter}` replaced by `value`.
    private func path(_ pattern: String, with value: String) -> String {
        pattern.replacing(/\{[^}]+\}/, with: value)
    }

    @Test func everyOperationHasAUniqueNameSummaryAndMethodPath() {
        let routes = Resources.routes
        #expect(Set(routes.map(\.operationID)).count == routes.count, "an operationID repeated")
        #expect(Set(routes.map { "\($0.method) \($0.pattern)" }).count == routes.count, "a method and path repeated")
        for route in routes {
            #expect(!route.summary.isEmpty, "\(route.operationID) has no summary")
            #expect(route.pattern.hasPrefix("/"), "\(route.operationID): \(route.pattern)")
        }
    }

    @Test func everyRecordRouteAnswersItsExample() throws {
        for route in Resources.routes {
            guard case .record(_, let example) = route.documentation else { continue }
            let target = path(route.pattern, with: example)
            let response = try api.send(target)
            #expect(response.status == .ok, "\(target) answered \(response.status)")
            if route.pattern.contains("{") {
                let missing = try api.send(path(route.pattern, with: "no-such-record"))
                #expect(missing.status == .notFound, "\(route.pattern) for a missing id: \(missing.status)")
            }
        }
    }

    @Test func everyListAnswersEachSortKeyAndFilter() throws {
        for route in Resources.routes {
            guard case .list(let spec, _) = route.documentation else { continue }
            let base = route.pattern + (spec.extraParameters.contains("q") ? "?q=georgia&" : "?")
            var targets = [base]
            for key in spec.sortFields {
                targets += ["\(base)sort=\(key)", "\(base)sort=-\(key)"]
            }
            for filter in spec.filters {
                switch filter.values {
                case .text: targets.append("\(base)\(filter.name)=no-such-value")
                case .oneOf(let values): targets += values.map { "\(base)\(filter.name)=\($0)" }
                }
            }
            if spec.hasDateRange { targets.append("\(base)from=2008-08&to=2008-08-28") }
            for target in targets {
                let response = try api.send(target)
                #expect(response.status == .ok, "\(target) answered \(response.status): \(response.text)")
            }
            let unknown = try api.send("\(base)no-such-parameter=1")
            #expect(unknown.status == .badRequest, "\(route.pattern) took an unknown parameter")
        }
    }

    @Test func everyRouteIsInTheOpenAPIDocument() throws {
        let document = try api.json("/openapi.json")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        for route in Resources.routes {
            let operations = try #require(paths[route.pattern], "\(route.pattern) is not in the document")
            let operation = operations[route.method.rawValue.lowercased()] as? [String: Any]
            #expect(operation?["operationId"] as? String == route.operationID, "\(route.method) \(route.pattern)")
        }
        #expect(paths.values.map(\.count).reduce(0, +) == Resources.routes.count, "the document has operations no route declares")
    }

    @Test func aMethodNoRouteDeclaresIs405WithTheDeclaredMethods() throws {
        for (pattern, routes) in Dictionary(grouping: Resources.routes, by: \.pattern) {
            let target = path(pattern, with: "x")
            let response = try api.send(target, method: .init(rawValue: "PROPFIND"))
            #expect(response.status == .methodNotAllowed, "\(target): \(response.status)")
            let allow = Set((response.headers[.allow] ?? "").split(separator: ",").map { String($0.trimmingOWS()) })
            for route in routes {
                #expect(allow.contains(route.method.rawValue), "\(target) Allow '\(allow)' lacks \(route.method)")
            }
        }
    }
}
