import CredeauKit
import Foundation

/// `credeau serve-insights`: the Insights API that lenders' backends call.
enum ServeInsightsCommand {
    static let spec = CommandSpec(
        name: "serve-insights",
        abstract: "Serve the Insights API (sync and async feature requests) on port 8000.",
        usage: "credeau serve-insights [--host <HOST>] [--port <PORT>] [--env-file <PATH>] [--log-level <LEVEL> | -v]",
        discussion: """
            Reads the DI_POSTGRES_*, DI_MONGODB_* and SMS_EXTRACTOR_* variables of the existing deployments; \
            with none set it runs on the local SQLite database and extracts SMS in-process. \
            Run 'credeau migrate' first. HTTP_MAX_CONNECTIONS, HTTP_MAX_CONNECTIONS_PER_CLIENT and \
            HTTP_IDLE_TIMEOUT_SECONDS bound client connections, as for serve-sms. See docs/api.md for the \
            endpoints and the other settings.
            """,
        options: ServiceCommandSupport.options(defaultPort: 8000),
        logLevelDefault: CommandSpec.serviceLogLevelDefault)

    static func run(_ arguments: ParsedArguments, logger: Logger) throws -> Int32 {
        let (environment, explicitLevel) = try ServiceCommandSupport.prepare(arguments)
        var settings = try InsightsServiceSettings(environment: environment, logLevel: explicitLevel)
        settings.host = arguments.value("host") ?? settings.host
        settings.port = try arguments.integer("port", in: 0...65_535) ?? settings.port
        let serviceLogger = Logger(label: "credeau.serve-insights", level: settings.logLevel, sink: JSONLogSink())
        ServiceCommandSupport.keepFreedMemory(logger: serviceLogger)

        let service = try InsightsService(settings: settings, environment: environment, logger: serviceLogger)
        let server = HTTPServer(configuration: service.serverConfiguration, application: service.application)
        let runner = ServiceRunner(server: server, logger: serviceLogger) { service.shutdown() }
        return try runner.run { port in
            serviceLogger.notice("serve-insights listening", [
                ("http.host", settings.host), ("http.port", String(port)), ("settings", settings.summary),
            ])
            StandardStreams.writeOutput("credeau serve-insights listening on http://\(settings.host):\(port) "
                + "(\(settings.summary), LAUNCH_ENVIRONMENT \(settings.launchEnvironment.rawValue))\n")
        }
    }
}
