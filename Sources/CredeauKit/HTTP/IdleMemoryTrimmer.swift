import CMicroHTTPD
import Foundation
import Synchronization

/// Gives freed memory back to the kernel once a server has been idle for a moment after work.
///
/// The services raise glibc's trim threshold to 32 MiB, so that the megabyte buffers of one
/// request are reused by the next instead of being returned and faulted in again. The cost was
/// resident memory that stayed at its peak after a burst of large bodies, in every arena.
/// The trimmer looks every `interval` seconds. It calls `malloc_trim` once two looks in a row
/// found no request in flight and none finished since the look before, and some request
/// finished since the last trim. So it never runs under load, and not again while the server
/// stays idle.
final class IdleMemoryTrimmer: Sendable {
    let interval: Double
    private let requestsInFlight: @Sendable () -> Int
    private let finishedRequests: @Sendable () -> Int
    private let logger: Logger
    private let stopped = Atomic<Bool>(false)
    private let trims = Atomic<Int>(0)

    init(interval: Double = 1, logger: Logger, requestsInFlight: @escaping @Sendable () -> Int,
         finishedRequests: @escaping @Sendable () -> Int) {
        self.interval = interval
        self.logger = logger
        self.requestsInFlight = requestsInFlight
        self.finishedRequests = finishedRequests
    }

    /// The number of trims so far.
    var trimCount: Int { trims.load(ordering: .relaxed) }

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "credeau-memory-trim"
        thread.start()
    }

    func stop() {
        stopped.store(true, ordering: .relaxed)
    }

    private func run() {
        var trimmedAt = finishedRequests()
        var finishedAtLastLook = trimmedAt
        var idleChecks = 0
        while !stopped.load(ordering: .relaxed) {
            usleep(UInt32(interval * 1_000_000))
            if stopped.load(ordering: .relaxed) { break }
            // Idle means nothing in flight now and nothing finished since the last look, so a
            // steady stream of short requests never counts as idle between two of them.
            let finished = finishedRequests()
            let idle = requestsInFlight() == 0 && finished == finishedAtLastLook
            finishedAtLastLook = finished
            idleChecks = idle ? idleChecks + 1 : 0
            guard idleChecks >= 2, finished != trimmedAt else { continue }
            trimmedAt = finished
            let before = Self.residentBytes()
            let released = credeau_malloc_trim() == 1
            trims.add(1, ordering: .relaxed)
            if released, let before, let after = Self.residentBytes() {
                logger.debug("returned freed memory to the system",
                             [("memory.rss_before_mb", String(before >> 20)), ("memory.rss_after_mb", String(after >> 20))])
            }
        }
    }

    /// Resident bytes from `/proc/self/statm`, or nil where it cannot be read.
    private static func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
