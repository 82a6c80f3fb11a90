import CredeauKit
import Foundation

/// `credeau migrate`: creates and upgrades schemas in PostgreSQL, MongoDB and SQLite.
enum MigrateCommand {
    static let spec = CommandSpec(
        name: "migrate",
        abstract: "Create or upgrade the database schemas (PostgreSQL, MongoDB, SQLite).",
        usage: "credeau migrate [--dry-run | --status] [--retention-days <N>] [--add-client <NAME> [--email <E>]] "
            + "[--load <DUMP_DIR>] [--sqlite <PATH>] [--postgres-url <URL>] [--env-file <PATH>]",
        discussion: """
            Migrates every configured database: PostgreSQL api_insights_db (DI_POSTGRES_* or DB_*) with daily
            partitions, PostgreSQL sync_db (DI_POSTGRES_SYNC_DATABASE) for sources not read from MongoDB,
            MongoDB sync_db indexes (DI_MONGODB_*), and the SQLite file (CREDEAU_SQLITE_PATH, default
            ./credeau.db) when no PostgreSQL api_insights_db is configured, MongoDB or not. Running it
            again changes nothing.
            """,
        options: [
            .flag("dry-run", help: "Print the SQL and MongoDB commands that would run, without running them "
                  + "(not with --add-client or --load)."),
            .flag("status", help: "List applied and pending migrations (not with --add-client or --load)."),
            .value("retention-days", "N", help: "Drop daily partitions older than N days.", default: "90"),
            .value("add-client", "NAME", help: "Add a client to the clients table and print its new auth token once "
                   + "(1 to 72 visible ASCII characters, no spaces)."),
            .value("email", "E", help: "Email stored with --add-client (name@domain, at most 32 characters)."),
            .value("load", "DUMP_DIR", help: "Load a mongoexport or mongodump folder into sync_db, skipping documents already loaded."),
            .value("sqlite", "PATH", help: "Migrate this SQLite file (default: CREDEAU_SQLITE_PATH or ./credeau.db)."),
            .value("postgres-url", "URL", help: "Use this postgres:// URL for api_insights_db instead of DI_POSTGRES_*."),
            .value("env-file", "PATH", help: "Read variables from this .env file; the process environment wins."),
        ])

    static func run(_ arguments: ParsedArguments, logger: Logger) throws -> Int32 {
        if let extra = arguments.positionals.first { throw UsageError.unexpectedArgument(extra) }
        if arguments.flag("dry-run") && arguments.flag("status") {
            throw UsageError.conflictingOptions("dry-run", "status")
        }
        // A dry run or a status query changes nothing, so it would skip these actions without a word.
        for inspection in ["dry-run", "status"] where arguments.flag(inspection) {
            for action in ["add-client", "load"] where arguments.value(action) != nil {
                throw UsageError.conflictingOptions(inspection, action)
            }
        }
        if arguments.value("email") != nil && arguments.value("add-client") == nil {
            throw UsageError.missingOption("add-client")
        }

        var environment = ProcessInfo.processInfo.environment
        if let path = arguments.value("env-file") {
            environment = try EnvironmentFile(path: path).merged(under: environment)
        }
        var options = MigrateOptions(environment: environment)
        options.dryRun = arguments.flag("dry-run")
        options.statusOnly = arguments.flag("status")
        options.retentionDays = try arguments.integer("retention-days", in: 1...36_500) ?? 90
        if let path = arguments.value("sqlite"), path.isEmpty {
            throw UsageError.invalidValue(option: "sqlite", value: path, reason: "expected the path of a SQLite file")
        }
        options.sqlitePath = arguments.value("sqlite")
        options.postgresURL = arguments.value("postgres-url")
        options.loadDirectory = arguments.value("load")
        if let name = arguments.value("add-client") {
            try ClientRegistration.validate(clientID: name, email: arguments.value("email"))
            options.newClient = (name: name, email: arguments.value("email"))
        }

        let runner = MigrateRunner(options: options, logger: logger) { line in
            StandardStreams.writeOutput(line + "\n")
        }
        try runner.run()
        return ExitStatus.success
    }
}
