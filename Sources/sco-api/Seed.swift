import ArgumentParser

/// `sco-api seed` (being wired).
struct Seed: ParsableCommand {
    @OptionGroup var shared: SharedOptions

    func run() throws {
        throw ValidationError("not wired yet")
    }
}
