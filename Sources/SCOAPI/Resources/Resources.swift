/// Every resource the API serves, in the order the `/v1` index and the OpenAPI document list
/// their routes. Adding a resource is a file beside this one and a line here.
enum Resources {
    static var all: [any Resource.Type] { [
        IndexResource.self,
        OrganizationResource.self,
        SummitResource.self,
        StateResource.self,
        DeclarationResource.self,
        TimelineResource.self,
        StatementResource.self,
        RegionResource.self,
        PersonResource.self,
        QuantityResource.self,
        SearchResource.self,
        SourceResource.self,
        ChangeResource.self,
        OperationsResource.self,
    ] }

    /// Every route of every resource, in that order.
    static var routes: [Route] { all.flatMap { $0.routes } }
}
