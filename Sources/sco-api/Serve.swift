import ArgumentParser

/// `sco-api serve` (being wired).
struct Serve: ParsableCommand {
    @OptionGroup var shared: SharedOptions

    func run() throws {
        throw ValidationError("not wired yet")
    }
}
