import CredeauKit

/// The subcommands of `credeau`, in the order help lists them.
enum CommandRegistry {
    static let commands: [Command] = [
        Command(spec: ServeInsightsCommand.spec, run: ServeInsightsCommand.run),
        Command(spec: ServeSMSCommand.spec, run: ServeSMSCommand.run),
        Command(spec: ExtractCommand.spec, run: ExtractCommand.run),
        Command(spec: MigrateCommand.spec, run: MigrateCommand.run),
        Command(spec: ScaleAdviseCommand.spec, run: ScaleAdviseCommand.run),
        Command(spec: CompletionsCommand.spec, run: CompletionsCommand.run),
    ]

    static func command(named name: String) -> Command? {
        commands.first { $0.spec.name == name }
    }

    static let rootUsage = "credeau <subcommand> [options]"

    static func rootHelp() -> String {
        var text = """
            OVERVIEW: Turn synced phone data of Indian borrowers into classified SMS transactions and credit features.

            USAGE: \(rootUsage)

            OPTIONS:
              -h, --help                      Show this help and exit.
              --version                       Print the version and exit.

            SUBCOMMANDS:

            """
        for command in commands {
            text += "  " + command.spec.name.padding(to: 18) + command.spec.abstract + "\n"
        }
        text += "\n  See 'credeau <subcommand> --help' for the options of each subcommand.\n"
        return text
    }
}
