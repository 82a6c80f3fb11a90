#if canImport(Glibc)
import Glibc
#endif

/// The temporary file to remove when a signal ends the process; a C string so the handler can
/// pass it to `unlink` without allocating.
nonisolated(unsafe) private var pendingPath: UnsafeMutablePointer<CChar>?

/// Removes the spooled copy of piped input when SIGINT, SIGTERM or SIGHUP ends the process.
///
/// The copy contains borrower SMS, and without this an interrupted `extract --sms -i -` would leave it
/// in `$TMPDIR`. The handler unlinks the file, restores the default action and raises the signal
/// again, so the exit status still shows the signal. One file is tracked at a time.
enum TemporaryFileCleanup {
    private static let signals = [SIGINT, SIGTERM, SIGHUP]

    /// Tracks `path` and installs the handlers; call before the long copy starts.
    ///
    /// The signals are also unblocked on the calling thread, because a parent may start the
    /// process with them blocked (Foundation's `Process` under a test runner does), and then an
    /// interrupt would wait forever while the copy blocks on its input.
    static func register(_ path: String) {
        let copy = strdup(path)
        let previous = pendingPath
        pendingPath = copy
        free(previous)
        var set = sigset_t()
        sigemptyset(&set)
        for number in signals {
            _ = signal(number, removePendingAndRaise)
            sigaddset(&set, number)
        }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Stops tracking the file; the caller removes it or hands it on.
    static func unregister() {
        for number in signals {
            _ = signal(number, SIG_DFL)
        }
        let previous = pendingPath
        pendingPath = nil
        free(previous)
    }
}

/// Signal handler: only async-signal-safe calls (`unlink`, `signal`, `raise`).
private func removePendingAndRaise(_ number: Int32) {
    if let path = pendingPath { unlink(path) }
    signal(number, SIG_DFL)
    raise(number)
}
