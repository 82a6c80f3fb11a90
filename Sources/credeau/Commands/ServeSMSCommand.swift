import CredeauKit

/// `credeau serve-sms`: the SMS Extraction API that the Insights API calls in batches.
enum ServeSMSCommand {
    static let spec = CommandSpec(
        name: "serve-sms",
        abstract: "Serve the SMS Extraction API (batch classification and extraction) on port 8082.",
        usage: "credeau serve-sms [--host <HOST>] [--port <PORT>] [--env-file <PATH>]",
        discussion: """
            Reads DB_USER, DB_PASSWORD, DB_HOST, DB_PORT, DB_NAME, MAX_SMS_COUNT and DB_ENCRYPTION_KEY; \
            with no DB_HOST it stores extracted SMS in the local SQLite database.
            """,
        options: [
            .value("host", "HOST", help: "Address to listen on.", default: "0.0.0.0"),
            .value("port", "PORT", help: "TCP port to listen on.", default: "8082"),
            .value("env-file", "PATH", help: "Read variables from this .env file; the process environment wins."),
        ])

    static func run(_ arguments: ParsedArguments, logger: Logger) throws -> Int32 {
        throw NotBuiltYet(command: spec.name)
    }
}
