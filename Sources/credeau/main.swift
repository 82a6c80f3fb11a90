import CStartup
import CredeauKit

#if canImport(Glibc)
import Glibc
#endif

/// Parses the command line, runs one subcommand and exits with its status.
func runMain(_ arguments: [String]) -> Int32 {
    guard let first = arguments.first else {
        StandardStreams.writeError(CommandRegistry.rootHelp())
        return ExitStatus.usage
    }
    switch first {
    case "-h", "--help":
        StandardStreams.writeOutput(CommandRegistry.rootHelp())
        return ExitStatus.success
    case "help":
        if arguments.count > 1, let command = CommandRegistry.command(named: arguments[1]) {
            StandardStreams.writeOutput(HelpRenderer.render(command.spec))
        } else {
            StandardStreams.writeOutput(CommandRegistry.rootHelp())
        }
        return ExitStatus.success
    case "--version", "version":
        StandardStreams.writeOutput("credeau \(CredeauVersion.current)\n")
        return ExitStatus.success
    default:
        break
    }

    guard let command = CommandRegistry.command(named: first) else {
        let names = CommandRegistry.commands.map(\.spec.name)
        let hint = ParsedArguments.nearestName(to: first, in: names).map { ". Did you mean '\($0)'?" } ?? ""
        let kind = first.hasPrefix("-") ? "option" : "subcommand"
        StandardStreams.writeError(
            "Error: Unknown \(kind) '\(first)'\(hint)\nUsage: \(CommandRegistry.rootUsage)\n  See 'credeau --help' for more information.\n")
        return ExitStatus.usage
    }

    let spec = command.spec
    let parsed: ParsedArguments
    do {
        parsed = try ParsedArguments(Array(arguments.dropFirst()), spec: spec)
    } catch let error as UsageError {
        StandardStreams.writeError(HelpRenderer.usageError(error, usage: spec.usage, helpCommand: "credeau \(spec.name) --help"))
        return ExitStatus.usage
    } catch {
        StandardStreams.writeError("Error: \(error)\n")
        return ExitStatus.failure
    }
    if parsed.flag("help") {
        StandardStreams.writeOutput(HelpRenderer.render(spec))
        return ExitStatus.success
    }

    var level = LogLevel.notice
    if parsed.flag("verbose") { level = .info }
    if let name = parsed.value("log-level") {
        guard let chosen = LogLevel(name: name) else {
            let error = UsageError.invalidValue(option: "log-level", value: name,
                                                reason: "expected trace, debug, info, notice, warning, error or critical")
            StandardStreams.writeError(HelpRenderer.usageError(error, usage: spec.usage, helpCommand: "credeau \(spec.name) --help"))
            return ExitStatus.usage
        }
        level = chosen
    }
    let logger = Logger(label: "credeau.\(spec.name)", level: level, sink: StderrLogSink())

    do {
        return try command.run(parsed, logger)
    } catch let error as UsageError {
        StandardStreams.writeError(HelpRenderer.usageError(error, usage: spec.usage, helpCommand: "credeau \(spec.name) --help"))
        return error.exitCode
    } catch let error as any CredeauError {
        StandardStreams.writeError("Error: \(error.description)\n")
        return error.exitCode
    } catch {
        StandardStreams.writeError("Error: \(error)\n")
        return ExitStatus.failure
    }
}

// Keeps the startup object, which clears a stale libmongoc counters segment, in the binary.
_ = credeau_startup_linked()
exit(runMain(Array(CommandLine.arguments.dropFirst())))
