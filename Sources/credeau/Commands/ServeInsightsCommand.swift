import CredeauKit

/// `credeau serve-insights`: the Insights API that lenders' backends call.
enum ServeInsightsCommand {
    static let spec = CommandSpec(
        name: "serve-insights",
        abstract: "Serve the Insights API (sync and async feature requests) on port 8000.",
        usage: "credeau serve-insights [--host <HOST>] [--port <PORT>] [--env-file <PATH>]",
        discussion: """
            Reads the DI_POSTGRES_*, DI_MONGODB_* and SMS_EXTRACTOR_* variables of the existing deployments; \
            with none set it runs on the local SQLite database and extracts SMS in-process.
            """,
        options: [
            .value("host", "HOST", help: "Address to listen on.", default: "0.0.0.0"),
            .value("port", "PORT", help: "TCP port to listen on.", default: "8000"),
            .value("env-file", "PATH", help: "Read variables from this .env file; the process environment wins."),
        ])

    static func run(_ arguments: ParsedArguments, logger: Logger) throws -> Int32 {
        throw NotBuiltYet(command: spec.name)
    }
}
