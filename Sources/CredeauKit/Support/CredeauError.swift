/// Common shape of every error credeau reports to a person: a one-line description, the process
/// exit code the CLI uses, and the HTTP status a service answers with.
///
/// Each area (extraction, storage, HTTP, CLI input) has its own enum conforming to this, with
/// cases that carry data; the text is rendered in `description` only.
public protocol CredeauError: Error, CustomStringConvertible {
    /// Exit status for the CLI: 64 (`EX_USAGE`) for bad invocations, 1 for runtime failures.
    var exitCode: Int32 { get }
    /// Status for the services; 500 only for faults that are not the caller's.
    var httpStatus: Int { get }
}

extension CredeauError {
    public var exitCode: Int32 { 1 }
    public var httpStatus: Int { 500 }
}

/// Exit codes the CLI uses, after BSD `sysexits.h`.
public enum ExitStatus {
    public static let success: Int32 = 0
    public static let failure: Int32 = 1
    /// `EX_USAGE`: unknown subcommand or option, missing or invalid option value.
    public static let usage: Int32 = 64
    /// A subcommand that this build does not implement yet.
    public static let unavailable: Int32 = 69
}
