/// How seeding treats data already in the database.
public enum SeedMode: Sendable, Hashable {
    /// Replace the dataset with the fixture unless it was edited since the last seed (or holds
    /// data no seed recorded): then refuse, changing nothing (`DatasetError.editedSinceSeed`,
    /// `.unrecordedData`). What `sco-api seed` does by default.
    case keepEdits
    /// Replace the dataset with the fixture, edits or not (`sco-api seed --replace`).
    case replace
}
