import CStartup
import CredeauKit
import Foundation

/// Options and start-up steps that `serve-sms` and `serve-insights` share.
enum ServiceCommandSupport {
    /// Returns `--host`, `--port` (with the service's default) and `--env-file`.
    static func options(defaultPort: Int) -> [OptionSpec] {
        [
            .value("host", "HOST", help: "IPv4 address to listen on.", default: "0.0.0.0"),
            .value("port", "PORT", help: "TCP port to listen on; 0 picks a free port, printed at start.",
                   default: String(defaultPort)),
            .value("env-file", "PATH", help: "Read variables from this .env file; the process environment wins."),
        ]
    }

    /// Rejects positional arguments and a `--host` that is not an IPv4 address, before any
    /// database is opened, and returns the environment (process over `--env-file`) and the log
    /// level the command line sets, if any.
    static func prepare(_ arguments: ParsedArguments) throws -> (environment: ServiceEnvironment, logLevel: LogLevel?) {
        if let extra = arguments.positionals.first { throw UsageError.unexpectedArgument(extra) }
        if let host = arguments.value("host"), !HTTPServerConfiguration.isValidHost(host) {
            throw UsageError.invalidValue(option: "host", value: host,
                                          reason: "expected an IPv4 address such as 0.0.0.0 or 127.0.0.1")
        }
        let environment = try ServiceEnvironment(process: ProcessInfo.processInfo.environment,
                                                 envFile: arguments.value("env-file"))
        let explicitLevel = arguments.value("log-level").flatMap(LogLevel.init(name:))
            ?? (arguments.flag("verbose") ? .info : nil)
        return (environment, explicitLevel)
    }

    /// Freed memory that malloc keeps for reuse, at most the 32 MiB that M_MMAP_THRESHOLD allows.
    static let keptFreeBytes: Int32 = 32 << 20

    /// Makes malloc keep freed memory. Each request of both services allocates and frees buffers
    /// of about a megabyte (bodies, parsed documents, rows, responses), and keeping them saves
    /// returning those pages to the kernel and faulting them in again per request.
    static func keepFreedMemory(logger: Logger) {
        if credeau_keep_freed_memory(keptFreeBytes) != 1 {
            logger.warning("glibc malloc rejected the memory settings, so freed memory is trimmed as usual")
        }
    }
}
