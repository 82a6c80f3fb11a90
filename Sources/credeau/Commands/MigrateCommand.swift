import CredeauKit

/// `credeau migrate`: creates and upgrades schemas in PostgreSQL, MongoDB and SQLite.
enum MigrateCommand {
    static let spec = CommandSpec(
        name: "migrate",
        abstract: "Create or upgrade the database schemas (PostgreSQL, MongoDB, SQLite).",
        usage: "credeau migrate [--dry-run] [--status] [--env-file <PATH>]",
        options: [
            .flag("dry-run", help: "Print the statements without running them."),
            .flag("status", help: "List applied and pending migrations."),
            .value("env-file", "PATH", help: "Read variables from this .env file; the process environment wins."),
        ])

    static func run(_ arguments: ParsedArguments, logger: Logger) throws -> Int32 {
        throw NotBuiltYet(command: spec.name)
    }
}
