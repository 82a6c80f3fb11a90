import CredeauKit

/// `credeau completions bash|zsh`: prints a shell completion script built from the command specs.
enum CompletionsCommand {
    static let shells = ["bash", "zsh"]

    static let spec = CommandSpec(
        name: "completions",
        abstract: "Print a bash or zsh completion script.",
        usage: "credeau completions <bash|zsh>",
        discussion: """
            Install for bash:  credeau completions bash > /usr/share/bash-completion/completions/credeau
            Install for zsh:   credeau completions zsh > /usr/local/share/zsh/site-functions/_credeau
            'make install' installs both under its PREFIX.
            """,
        options: [])

    static func run(_ arguments: ParsedArguments, logger: Logger) throws -> Int32 {
        guard let shell = arguments.positionals.first else {
            throw UsageError.missingArgument("bash|zsh")
        }
        if let extra = arguments.positionals.dropFirst().first { throw UsageError.unexpectedArgument(extra) }
        let commands = CommandRegistry.commands.map(\.spec)
        switch shell {
        case "bash":
            StandardStreams.writeOutput(BashCompletionScript.render(commands))
        case "zsh":
            StandardStreams.writeOutput(ZshCompletionScript.render(commands))
        default:
            throw UsageError.invalidArgument(name: "bash|zsh", value: shell, reason: "expected bash or zsh")
        }
        return ExitStatus.success
    }
}

/// The kind of value a completion script offers after an option, shared by the bash and zsh renderers.
enum CompletionValue: Equatable {
    /// A flag: the next word is another option.
    case none
    /// File and directory names.
    case path
    /// One of a fixed set of words.
    case choices([String])
    /// Free text such as a port or a user id: nothing is offered.
    case text

    /// Placeholders that name a file or folder in option help (`--input <PATH>`).
    static let pathValueNames: Set<String> = ["PATH", "DUMP_DIR", "DIR", "FILE"]

    init(command: String, option: OptionSpec) {
        guard let valueName = option.valueName else {
            self = .none
            return
        }
        if let words = Self.choices(command: command, option: option.name) {
            self = .choices(words)
        } else if Self.pathValueNames.contains(valueName) {
            self = .path
        } else {
            self = .text
        }
    }

    /// Values of options that accept a fixed set, taken from the types that parse them.
    static func choices(command: String, option: String) -> [String]? {
        switch (command, option) {
        case (_, "log-level"): return LogLevel.allCases.map { "\($0)" }
        case ("extract", "format"): return ExtractOutputFormat.allCases.map(\.rawValue)
        case ("scale-advise", "format"): return ScaleAdviseCommand.formats
        case ("scale-advise", "component"): return ScalingComponent.acceptedNames
        default: return nil
        }
    }

    /// Words completed for the positional arguments of `command`, if it takes any.
    static func positionals(command: String) -> [String]? {
        command == CompletionsCommand.spec.name ? CompletionsCommand.shells : nil
    }
}
