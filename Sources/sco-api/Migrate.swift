import ArgumentParser

/// `sco-api migrate` (being wired).
struct Migrate: ParsableCommand {
    @OptionGroup var shared: SharedOptions

    func run() throws {
        throw ValidationError("not wired yet")
    }
}
