#if canImport(Glibc)
import Glibc
#endif

/// A value behind a pthread mutex, for locks held for milliseconds, such as a database write.
///
/// On Linux, `Synchronization.Mutex` uses priority-inheritance futexes, and a thread waiting for
/// one spins in the kernel for as long as the owner runs. With SQLite inserts of 1,000 rows under
/// the lock, that spinning took about 8% of serve-sms CPU in the Insights API benchmark (perf,
/// two workers). A waiter on this mutex sleeps instead.
final class SleepingMutex<Value>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` on the value while holding the lock.
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
