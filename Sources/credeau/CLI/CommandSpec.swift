import CredeauKit

/// One option a subcommand accepts: a flag (`--strict`) or an option with a value (`--input PATH`).
struct OptionSpec: Sendable {
    var name: String
    var short: Character?
    /// Placeholder shown in help (`PATH`); nil for flags.
    var valueName: String?
    var help: String
    /// Value used when the option is absent, shown in help.
    var defaultValue: String?
    /// True for options that may repeat (`--users a --users b`).
    var repeatable = false

    static func flag(_ name: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(name: name, short: short, valueName: nil, help: help, defaultValue: nil)
    }

    static func value(
        _ name: String, short: Character? = nil, _ valueName: String, help: String, default defaultValue: String? = nil,
        repeatable: Bool = false
    ) -> OptionSpec {
        OptionSpec(name: name, short: short, valueName: valueName, help: help, defaultValue: defaultValue,
                   repeatable: repeatable)
    }

    var isFlag: Bool { valueName == nil }
}

/// The description of a subcommand: its name, help text and options.
struct CommandSpec: Sendable {
    var name: String
    var abstract: String
    var usage: String
    var discussion: String?
    var options: [OptionSpec]
    /// Log level without `--log-level` or `-v`, as help shows it. The services read it from their environment.
    var logLevelDefault = "notice"

    /// Default log level of the services, which `ServiceEnvironment.logLevel(explicit:)` applies.
    static let serviceLogLevelDefault = "LOG_LEVEL, else debug when LAUNCH_ENVIRONMENT is dev or unset, info otherwise"

    /// Returns the options every subcommand accepts, with `logLevelDefault` as the default of `--log-level`.
    static func commonOptions(logLevelDefault: String) -> [OptionSpec] {
        [
            .value("log-level", "LEVEL", help: "Minimum level logged to standard error: trace, debug, info, notice, warning, error, critical.",
                   default: logLevelDefault),
            .flag("verbose", short: "v", help: "Same as --log-level info."),
            .flag("help", short: "h", help: "Show this help and exit."),
        ]
    }

    var allOptions: [OptionSpec] { options + CommandSpec.commonOptions(logLevelDefault: logLevelDefault) }
}

/// A runnable subcommand: its description and the function that runs it.
///
/// Each `*Command` type provides `static let spec` and `static func run`, and the registry pairs
/// them here (a struct rather than a protocol metatype, which the 6.3 compiler fails to lower).
struct Command: Sendable {
    var spec: CommandSpec
    /// Runs the command and returns the process exit status.
    var run: @Sendable (ParsedArguments, Logger) throws -> Int32
}
