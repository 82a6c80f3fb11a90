import CredeauKit

/// `credeau scale-advise`: node counts per service from daily active users.
enum ScaleAdviseCommand {
    static let spec = CommandSpec(
        name: "scale-advise",
        abstract: "Recommend node counts per service from daily active users.",
        usage: "credeau scale-advise --dau <USERS> [--component <NAME>] [--format <FORMAT>]",
        options: [
            .value("dau", "USERS", help: "Daily active users, e.g. 80000, 80K, 1.2M or 80_000."),
        ])

    static func run(_ arguments: ParsedArguments, logger: Logger) throws -> Int32 {
        throw NotBuiltYet(command: spec.name)
    }
}
