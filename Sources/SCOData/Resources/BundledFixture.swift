import FoundationEssentials

/// The dataset compiled into the binary (Fixtures/sco-dushanbe-2008.json, by Scripts/embed-resources).
public enum BundledFixture {
    /// The fixture's bytes, exactly as in the repository.
    public static var data: Data {
        Data(EmbeddedResources.fixtureJSON.utf8)
    }

    /// The fixture, validated. Tests keep it valid, so a failure here means a broken build.
    public static func load() -> Result<FixtureDocument, FixtureValidationErrors> {
        FixtureValidator.load(data)
    }
}
