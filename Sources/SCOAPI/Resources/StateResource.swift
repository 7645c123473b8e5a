import SCOData

/// `/v1/member-states`, `/v1/observers` and `/v1/states`: the states the article names, as the
/// SCO's members, its observers, and all of them with their roles. Codes are ISO 3166-1
/// alpha-2 or alpha-3, in any case.
enum StateResource: Resource {
    static let table = FieldTable<State>(schema: "State", [
        Field("code", .code) { $1.string($0.code) },
        Field("alpha3", .string) { $1.string($0.alpha3) },
        Field("name", .string) { $1.string($0.name) },
        Field("isFormer", .bool) { $1.bool($0.isFormer) },
        Field("roles", .enumArray(StateRole.allCases.map(\.rawValue))) { $1.stringArray($0.roles.map(\.rawValue)) },
    ] + Field.annotated, sortKeys: ["code", "name"], defaultSort: "code")

    /// `/v1/observers` lists the states that attended as observers, the same as
    /// `/v1/states?role=observer`; `role=observer-status` narrows it to those the article says
    /// hold the status.
    static let observerRoles: [StateRole] = [.observer]

    static let routes: [Route] = [
        list("/v1/member-states", operationID: "memberStates", summary: "The six member states.", table: table,
             roles: [.member]),
        record("/v1/member-states/{code}", operationID: "memberState",
               summary: "One member state by ISO 3166-1 alpha-2 or alpha-3 code.", example: "KZ", kind: "member state") {
            $0.roles.contains(.member)
        },
        list("/v1/observers", operationID: "observers",
             summary: "The states that attended the summit as observers.",
             table: table.filtering("roles", by: .oneOf(
                 "role", [StateRole.observer, .observerStatus].map(\.rawValue),
                 "`observer-status` for the states the article says hold observer status.")),
             roles: observerRoles),
        record("/v1/observers/{code}", operationID: "observer",
               summary: "One observer by ISO 3166-1 alpha-2 or alpha-3 code.", example: "IR", kind: "observer") { state in
            observerRoles.contains { state.roles.contains($0) }
        },
        list("/v1/states", operationID: "states", summary: "Every state the article names, with its roles.",
             table: table.filtering("roles", by: .oneOf(
                 "role", StateRole.allCases.map(\.rawValue), "States having any of these roles.")),
             roles: []),
        record("/v1/states/{code}", operationID: "state", summary: "One state by ISO 3166-1 alpha-2 or alpha-3 code.",
               example: "GE", kind: "state") { _ in true },
    ]

    /// A list of states having any of the `role=` filter's roles, or of `roles` without one.
    private static func list(
        _ pattern: String, operationID: String, summary: String, table: FieldTable<State>, roles: [StateRole]
    ) -> Route {
        .list(pattern, operationID: operationID, summary: summary, table: table) { data, list, _ in
            var request: StateQuery = try list.request()
            if request.values("role").isEmpty { request.filters["role"] = roles.map(\.rawValue) }
            return try data.states.page(request)
        }
    }

    /// One state by code, found only where `isListed` says its list has it.
    private static func record(
        _ pattern: String, operationID: String, summary: String, example: String, kind: String,
        isListed: @escaping @Sendable (State) -> Bool
    ) -> Route {
        .record(pattern, operationID: operationID, summary: summary, table: table, example: example) { data, call in
            try data.states.record(id: try call.parameter("code")).flatMap { isListed($0) ? $0 : nil }
        } missing: { call in
            "No \(kind) has the code '\(try call.parameter("code"))' (ISO 3166-1 alpha-2 or alpha-3)."
        }
    }
}
