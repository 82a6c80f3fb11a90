/// Common shape of every error credeau reports to a person: a one-line description, the process
/// exit code the CLI uses, and the HTTP status a service answers with.
///
/// Each area (extraction, storage, HTTP, CLI input) has its own enum conforming to this, with
/// cases that carry data; the text is rendered in `description` only.
public protocol CredeauError: Error, CustomStringConvertible {
    /// Exit status for the CLI: 2 for bad invocations and bad input values, 1 for runtime failures.
    var exitCode: Int32 { get }
    /// Status for the services; 500 only for faults that are not the caller's.
    var httpStatus: Int { get }
}

extension CredeauError {
    public var exitCode: Int32 { 1 }
    public var httpStatus: Int { 500 }
}

/// Exit codes the CLI uses. Usage errors exit 2, as most Unix tools (grep, diff, curl) do.
public enum ExitStatus {
    public static let success: Int32 = 0
    /// A runtime failure, or `--strict` with skipped records.
    public static let failure: Int32 = 1
    /// Unknown subcommand or option, missing or invalid option value, or a subcommand that this
    /// build does not implement yet.
    public static let usage: Int32 = 2
}
