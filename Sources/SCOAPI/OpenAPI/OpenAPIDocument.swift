/// The OpenAPI 3.1 description of the API (being written).
enum OpenAPIDocument {
    static func make() -> [UInt8] {
        Array(#"{"openapi":"3.1.0","info":{"title":"sco-api","version":"1.0.0"},"paths":{}}"#.utf8)
    }
}
