import CredeauKit
import Foundation

/// `credeau serve-sms`: the SMS Extraction API that the Insights API calls in batches.
enum ServeSMSCommand {
    static let spec = CommandSpec(
        name: "serve-sms",
        abstract: "Serve the SMS Extraction API (batch classification and extraction) on port 8082.",
        usage: "credeau serve-sms [--host <HOST>] [--port <PORT>] [--env-file <PATH>] [--log-level <LEVEL> | -v]",
        discussion: """
            POST /api/extract_sms takes client_id, user_id, an optional request_id and a list of at most \
            MAX_SMS_COUNT SMS, and returns one extracted entry per SMS in input order. Entries are stored in \
            the extracted_sms table, keyed by client, user and SMS id; an SMS sent again is not stored twice. \
            GET /health, /ready, /metrics and /openapi.json serve probes, Prometheus metrics and the API \
            description.

            Environment: DB_HOST, DB_PORT (5432), DB_USER, DB_PASSWORD and DB_NAME (api_insights_db) select \
            PostgreSQL, whose schema 'credeau migrate' must have created. Without DB_HOST the entries go to \
            the SQLite file CREDEAU_SQLITE_PATH (default ./credeau.db), which is created and migrated at \
            start. MAX_SMS_COUNT (default 1000) limits SMS per request; more give HTTP 413. \
            DB_ENCRYPTION_KEY, a Fernet key, encrypts sms_body at rest; it is required when \
            LAUNCH_ENVIRONMENT=prod and only warned about otherwise. LAUNCH_ENVIRONMENT (dev, staging, uat, \
            prod; default dev) and LOG_LEVEL set the log level (debug in dev, info elsewhere) unless \
            --log-level is given. Logs are JSON lines on standard error, one per request. \
            HTTP_MAX_CONNECTIONS (default 10000), HTTP_MAX_CONNECTIONS_PER_CLIENT (default half of it) and \
            HTTP_IDLE_TIMEOUT_SECONDS (default 15) bound client connections; see docs/operations.md.

            SIGTERM or SIGINT stops accepting connections, lets requests in flight finish for up to 25 \
            seconds, closes the database connections and exits 0. A second signal exits at once with 1.
            """,
        options: ServiceCommandSupport.options(defaultPort: 8082),
        logLevelDefault: CommandSpec.serviceLogLevelDefault)

    static func run(_ arguments: ParsedArguments, logger: Logger) throws -> Int32 {
        let (environment, explicitLevel) = try ServiceCommandSupport.prepare(arguments)
        var settings = try SMSServiceSettings(environment: environment, logLevel: explicitLevel)
        settings.host = arguments.value("host") ?? settings.host
        settings.port = try arguments.integer("port", in: 0...65_535) ?? settings.port

        let serviceLogger = Logger(label: "credeau.serve-sms", level: settings.logLevel, sink: JSONLogSink())
        ServiceCommandSupport.keepFreedMemory(logger: serviceLogger)
        let service = try SMSService(settings: settings, logger: serviceLogger)
        return try service.run { line in
            StandardStreams.writeOutput(line + "\n")
        }
    }
}
