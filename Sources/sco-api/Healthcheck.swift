import ArgumentParser

/// `sco-api healthcheck`: asks a running server's `/readyz`, for a container HEALTHCHECK without curl.
struct Healthcheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask a running server whether it is ready (GET /readyz); exit 0 if it is, 1 if not."
    )

    @Option(help: "Server address (env SCO_API_HOST; default 127.0.0.1; 0.0.0.0 and :: are probed on loopback).")
    var host: String?

    @Option(help: "Server port (env SCO_API_PORT; default 8080).")
    var port: Int?

    @Option(help: "Path to probe (default /readyz).")
    var path: String = "/readyz"

    @Option(help: "Seconds to wait for an answer (default 3).")
    var timeout: Int = 3

    func validate() throws {
        if let port, !(1...65535).contains(port) { throw ValidationError("--port must be between 1 and 65535.") }
        if timeout < 1 { throw ValidationError("--timeout must be at least 1 second.") }
        if !path.hasPrefix("/") { throw ValidationError("--path must start with '/'.") }
    }

    func run() throws {
        let env = EnvironmentResolver.process
        var address = env.resolve(host, variable: "SCO_API_HOST", option: "--host", default: "127.0.0.1")
        if address == "0.0.0.0" || address.isEmpty { address = "127.0.0.1" }
        if address == "::" { address = "::1" }
        let resolvedPort = try env.resolve(port, variable: "SCO_API_PORT", option: "--port", default: 8080) { Int($0) }
        let probe = HealthProbe(host: address, port: resolvedPort, timeoutSeconds: timeout)
        do {
            let answer = try probe.get(path)
            guard answer.status == 200 else {
                print("unhealthy: \(path) answered \(answer.status): \(answer.body.prefix(300))")
                throw ExitCode(1)
            }
            print("healthy: \(path) answered 200")
        } catch let failure as HealthProbe.Failure {
            print("unhealthy: \(failure)")
            throw ExitCode(1)
        }
    }
}
