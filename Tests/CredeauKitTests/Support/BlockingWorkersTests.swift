@testable import CredeauKit
import Foundation
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct BlockingWorkersTests {
    private let workers = BlockingWorkers()

    /// Runs `count` workers that each wait until all have started, so the call returns only when
    /// they ran at the same time. Returns the thread of each worker.
    private func runTogether(_ count: Int) -> [pthread_t] {
        let started = Atomic<Int>(0)
        let threads = Mutex<[Int: pthread_t]>([:])
        workers.run(count: count) { index in
            threads.withLock { $0[index] = pthread_self() }
            started.add(1, ordering: .relaxed)
            let deadline = Date().addingTimeInterval(10)
            while started.load(ordering: .relaxed) < count && Date() < deadline { usleep(200) }
        }
        #expect(started.load(ordering: .relaxed) == count)
        return threads.withLock { map in (0..<count).compactMap { map[$0] } }
    }

    @Test func workersRunAtOnceOnParkedThreads() {
        let first = runTogether(4)
        #expect(first.count == 4)
        #expect(Set(first.map { UInt($0) }).count == 4)
        // A thread parks right after its worker returns, so wait for the three of this call.
        let deadline = Date().addingTimeInterval(5)
        while workers.parkedCount < 3 && Date() < deadline { usleep(1_000) }
        #expect(workers.parkedCount >= 3)

        let second = runTogether(4)
        #expect(second.count == 4)
        // Workers 1 to 3 run on parked threads, not new ones.
        let earlier = Set(first.dropFirst().map { UInt($0) })
        #expect(second.dropFirst().filter { earlier.contains(UInt($0)) }.count == 3)
    }

    @Test func zeroAndOneWorkerRunOnTheCaller() {
        let caller = pthread_self()
        let ran = Mutex<[Int]>([])
        workers.run(count: 0) { index in ran.withLock { $0.append(index) } }
        #expect(ran.withLock { $0 }.isEmpty)
        workers.run(count: 1) { index in
            #expect(pthread_equal(pthread_self(), caller) != 0)
            ran.withLock { $0.append(index) }
        }
        #expect(ran.withLock { $0 } == [0])
    }
}
