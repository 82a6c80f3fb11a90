import CredeauKit

/// `credeau extract`: offline extraction and featurisation of dumped `sync_db` data.
enum ExtractCommand {
    static let spec = CommandSpec(
        name: "extract",
        abstract: "Extract SMS transactions (--sms) or features from a sync_db dump, offline.",
        usage: "credeau extract [--sms] --input <PATH> --output <PATH> [options]",
        discussion: """
            With --sms, writes one extracted entry per SMS. Without it, writes one row of features per user.
            """,
        options: [
            .flag("sms", help: "Write extracted SMS entries instead of per-user features."),
            .value("input", short: "i", "PATH", help: "Input file or dump folder."),
            .value("output", short: "o", "PATH", help: "Output file; '-' writes to standard output."),
        ])

    static func run(_ arguments: ParsedArguments, logger: Logger) throws -> Int32 {
        throw NotBuiltYet(command: spec.name)
    }
}
