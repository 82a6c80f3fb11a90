import CredeauKit

/// The error a subcommand that this build does not implement yet throws from `run`.
struct NotBuiltYet: CredeauError {
    var command: String

    var description: String {
        "'credeau \(command)' is not available in this build yet; see 'credeau \(command) --help' for what it will do"
    }

    var exitCode: Int32 { ExitStatus.usage }
}
