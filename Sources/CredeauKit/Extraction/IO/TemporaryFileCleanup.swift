#if canImport(Glibc)
import Glibc
#endif

/// The temporary files to remove when a signal ends the process, as C strings so the handler can
/// pass them to `unlink` without allocating. A slot is cleared before its string is freed.
nonisolated(unsafe) private let pendingPaths: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
    let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: pendingSlotCount)
    slots.initialize(repeating: nil, count: pendingSlotCount)
    return slots
}()

private let pendingSlotCount = 8

/// The signals whose handler this file installed, so that one the caller ignored (`nohup`, a
/// background job's SIGINT) stays ignored and is not reset to its default action either.
nonisolated(unsafe) private var installedSignals: Set<Int32> = []

/// Removes temporary files (the spooled copy of piped input, an output written beside its
/// target) when SIGINT, SIGTERM or SIGHUP ends the process.
///
/// Both contain borrower SMS, and without this an interrupted `extract` would leave them behind.
/// The handler unlinks the files, restores the default action and raises the signal again, so
/// the exit status still shows the signal. Up to eight files are tracked at a time.
enum TemporaryFileCleanup {
    private static let signals = [SIGINT, SIGTERM, SIGHUP]
    /// `SIG_IGN` as a number: glibc defines it as the handler address 1.
    private static let ignoredHandlerValue = 1

    /// Tracks `path` and installs the handlers. Call it before the long work starts.
    ///
    /// The signals are also unblocked on the calling thread, because a parent may start the
    /// process with them blocked (Foundation's `Process` under a test runner does), and then an
    /// interrupt would wait forever while the copy blocks on its input.
    static func register(_ path: String) {
        for slot in 0..<pendingSlotCount where pendingPaths[slot] == nil {
            pendingPaths[slot] = strdup(path)
            break
        }
        var set = sigset_t()
        sigemptyset(&set)
        for number in signals where !installedSignals.contains(number) {
            let previous = signal(number, removePendingAndRaise)
            if previous.map({ unsafeBitCast($0, to: Int.self) }) == Self.ignoredHandlerValue {
                _ = signal(number, SIG_IGN)
                continue
            }
            installedSignals.insert(number)
            sigaddset(&set, number)
        }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Creates a new file with `O_EXCL` at the first free name that `name(attempt)` gives (at most
    /// eight attempts) and tracks it. The name is tracked before the file exists, so a signal
    /// that comes right after the `open` still removes the file. Returns the path and descriptor,
    /// or the error number of the last failed `open`.
    static func createTracked(_ name: (Int) -> String, flags: Int32, mode: mode_t)
        -> Result<(path: String, descriptor: Int32), TemporaryFileError>
    {
        for attempt in 0..<8 {
            let path = name(attempt)
            register(path)
            let opened = open(path, flags | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            if opened >= 0 { return .success((path, opened)) }
            let code = errno
            // Untracked before anything else, so a signal now cannot remove another run's file.
            unregister(path)
            guard code == EEXIST else { return .failure(TemporaryFileError(code: code)) }
        }
        return .failure(TemporaryFileError(code: EEXIST))
    }

    /// Stops tracking `path`, which the caller removes or hands on. The default signal actions
    /// come back when no file is tracked.
    static func unregister(_ path: String) {
        var remaining = 0
        for slot in 0..<pendingSlotCount {
            guard let tracked = pendingPaths[slot] else { continue }
            if String(cString: tracked) == path {
                pendingPaths[slot] = nil
                free(tracked)
            } else {
                remaining += 1
            }
        }
        guard remaining == 0 else { return }
        for number in installedSignals {
            _ = signal(number, SIG_DFL)
        }
        installedSignals = []
    }
}

/// The error number of a temporary file that could not be created.
struct TemporaryFileError: Error {
    var code: Int32
}

/// Signal handler: only async-signal-safe calls (`unlink`, `signal`, `raise`).
private func removePendingAndRaise(_ number: Int32) {
    for slot in 0..<pendingSlotCount {
        if let path = pendingPaths[slot] { unlink(path) }
    }
    signal(number, SIG_DFL)
    raise(number)
}
