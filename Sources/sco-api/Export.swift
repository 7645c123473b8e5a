import ArgumentParser

/// `sco-api export` (being wired).
struct Export: ParsableCommand {
    @OptionGroup var shared: SharedOptions

    func run() throws {
        throw ValidationError("not wired yet")
    }
}
