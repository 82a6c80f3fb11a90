import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Descriptors of the pipe that the stop-signal handler writes to. They are set before the
/// handler is installed and never change afterwards, so the handler only reads them.
nonisolated(unsafe) private var stopSignalPipe: (read: Int32, write: Int32) = (-1, -1)

/// Writes the signal number into the stop pipe; `write` is async-signal-safe.
private func recordStopSignal(_ signal: Int32) {
    var byte = UInt8(truncatingIfNeeded: signal)
    _ = write(stopSignalPipe.write, &byte, 1)
}

/// Runs one HTTP service until SIGTERM or SIGINT, then shuts it down in order: stop accepting
/// connections, let requests in flight finish (at most `gracePeriodSeconds`), run `shutdown`
/// (closing database pools), and return exit status 0.
///
/// The signal handler only writes the signal number to a pipe that the calling thread reads
/// (the self-pipe technique), so the signal may land on any thread, including libmicrohttpd's.
/// A second signal during the shutdown ends the process at once with status 1.
public final class ServiceRunner {
    private let server: HTTPServer
    private let logger: Logger
    public let gracePeriodSeconds: Double
    private let shutdown: () -> Void

    /// - Parameter gracePeriodSeconds: how long requests in flight may take to finish; 25 s fits
    ///   inside the 30 s that Kubernetes waits between SIGTERM and SIGKILL by default.
    public init(server: HTTPServer, logger: Logger, gracePeriodSeconds: Double = 25, shutdown: @escaping () -> Void) {
        self.server = server
        self.logger = logger
        self.gracePeriodSeconds = gracePeriodSeconds
        self.shutdown = shutdown
    }

    /// Starts the server, calls `started` with the bound port, blocks until a stop signal and
    /// returns the exit status once the service has stopped.
    public func run(started: (Int) -> Void) throws -> Int32 {
        try installSignalHandlers()
        try server.start()
        started(server.boundPort ?? server.configuration.port)

        let signal = Self.waitForSignal()
        logger.notice("stop signal received, finishing requests in flight", [
            ("signal", Self.name(of: signal)), ("http.requests_in_flight", String(server.requestsInFlight)),
            ("grace_period_s", String(gracePeriodSeconds)),
        ])
        watchForSecondSignal()

        let started = DispatchTime.now().uptimeNanoseconds
        let unfinished = server.stop(gracePeriod: gracePeriodSeconds)
        if unfinished > 0 {
            logger.warning("grace period ended with requests still in flight, which the process does not wait for",
                           [(LogKey.count, String(unfinished))])
        }
        shutdown()
        let milliseconds = (DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
        logger.notice("stopped", [(LogKey.durationMs, String(milliseconds))])
        return ExitStatus.success
    }

    private func installSignalHandlers() throws {
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else {
            throw ServiceRunnerError.signalSetupFailed(errno: errno)
        }
        for descriptor in descriptors {
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        stopSignalPipe = (descriptors[0], descriptors[1])
        // A parent may have started this process with the signals blocked, as test runners do.
        // Unblocking them here lets every thread started from now on take them.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGTERM)
        sigaddset(&signals, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        _ = Glibc.signal(SIGTERM, recordStopSignal)
        _ = Glibc.signal(SIGINT, recordStopSignal)
        _ = Glibc.signal(SIGPIPE, SIG_IGN)
    }

    private static func waitForSignal() -> Int32 {
        var byte: UInt8 = 0
        while true {
            let count = read(stopSignalPipe.read, &byte, 1)
            if count == 1 { return Int32(byte) }
            if count < 0 && errno == EINTR { continue }
            // Both pipe ends stay open for the life of the process, so a failure here is unexpected: treat it as SIGTERM.
            return SIGTERM
        }
    }

    private func watchForSecondSignal() {
        let logger = self.logger
        Thread.detachNewThread {
            let signal = ServiceRunner.waitForSignal()
            logger.critical("second stop signal received, exiting without waiting", [("signal", Self.name(of: signal))])
            exit(ExitStatus.failure)
        }
    }

    private static func name(of signal: Int32) -> String {
        switch signal {
        case SIGTERM: return "SIGTERM"
        case SIGINT: return "SIGINT"
        default: return "signal \(signal)"
        }
    }
}

/// Failure to prepare the stop-signal handling.
public enum ServiceRunnerError: CredeauError {
    case signalSetupFailed(errno: Int32)

    public var description: String {
        switch self {
        case let .signalSetupFailed(code):
            return "Cannot create the signal pipe: \(String(cString: strerror(code)))"
        }
    }
}
