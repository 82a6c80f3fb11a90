@testable import CredeauKit
import Foundation
import Synchronization
import Testing

/// The Insights API stores in-process entries a chunk at a time behind extraction
/// (`EntryStoreBehind`). Every chunk must be stored before `classify` returns, and a failed
/// chunk must fail the request while the chunks before it stay stored.
@Suite struct InsightsStoreBehindTests {
    /// Forwards to a SQLite store, and throws from its `failingCall`-th `store(rows:)`.
    final class FlakyStore: ExtractedSMSStore {
        let inner: SQLiteExtractedSMSStore
        let failingCall: Int
        let calls = Atomic<Int>(0)

        init(inner: SQLiteExtractedSMSStore, failingCall: Int) {
            self.inner = inner
            self.failingCall = failingCall
        }

        func store(rows: ExtractedSMSRows) throws -> Int {
            let call = calls.add(1, ordering: .relaxed).newValue
            if call == failingCall { throw PostgresPoolError.timedOut(endpoint: "test", seconds: 1, maxConnections: 1) }
            return try inner.store(rows: rows)
        }

        func storedIDs(clientID: String, userID: String, among smsIDs: [String]) throws -> [String] {
            try inner.storedIDs(clientID: clientID, userID: userID, among: smsIDs)
        }

        func entries(clientID: String, userID: String, limit: Int?, includeBodies: Bool) throws -> [ExtractedSMS] {
            try inner.entries(clientID: clientID, userID: userID, limit: limit, includeBodies: includeBodies)
        }

        func ping() throws { try inner.ping() }
        func checkStoredBodyKey() throws { try inner.checkStoredBodyKey() }
    }

    /// 2,500 SMS: two full chunks and a part.
    private let synced: [(raw: RawSMS, syncedAt: Int64)] = (0..<2_500).map { index in
        let raw = RawSMS(id: "s\(index)", sender: "VM-HDFCBK",
                         body: "Rs \(100 + index).50 debited from A/c XX1234 on 01-03-26 to VPA shop\(index)@upi",
                         inboxDateMillis: 1_772_000_000_000 + Int64(index) * 60_000)
        return (raw, 1_772_100_000_000)
    }

    private func pipeline(failingCall: Int) throws -> (InsightsPipeline, FlakyStore) {
        let folder = try StorageTestSupport.temporaryDirectory()
        let path = folder.appendingPathComponent("credeau.db").path
        let store = FlakyStore(inner: try SQLiteExtractedSMSStore(path: path, fernet: nil, migrate: true),
                               failingCall: failingCall)
        let syncDB = SyncDBAccess(mongo: nil, fallback: .sqlite(try SQLiteConnectionPool(path: path)),
                                  enabledSources: MongoEnabledSources(sources: []))
        return (InsightsPipeline(syncDB: syncDB, extractedStore: store, classifier: InProcessSMSClassifier()), store)
    }

    private func request() throws -> InsightsRequest {
        try InsightsRequest.parse(Array(#"{"user_id": "u", "client_id": "c"}"#.utf8), scoresAvailable: false)
    }

    @Test func everyChunkIsStoredOnReturn() throws {
        let (pipeline, store) = try pipeline(failingCall: .max)
        let (entries, storedBefore) = try pipeline.classify(synced, request: try request(), requestID: "r1")

        #expect(storedBefore == 0)
        #expect(entries.count == synced.count)
        #expect(store.calls.load(ordering: .relaxed) == 3)
        let stored = try store.inner.entries(clientID: "c", userID: "u", limit: nil)
        #expect(Set(stored.map(\.smsID)) == Set(synced.map(\.raw.id)))
    }

    @Test func failedChunkFailsRequestKeepsEarlierOnes() throws {
        let (pipeline, store) = try pipeline(failingCall: 2)
        #expect(throws: PostgresPoolError.self) {
            try pipeline.classify(synced, request: try request(), requestID: "r1")
        }
        // The first chunk went in, and the next request extracts only the rest.
        #expect(try store.inner.entries(clientID: "c", userID: "u", limit: nil).count == EntryStoreBehind.chunkSize)
        let (entries, storedBefore) = try pipeline.classify(synced, request: try request(), requestID: "r2")
        #expect(storedBefore == EntryStoreBehind.chunkSize)
        #expect(entries.map(\.smsID) == synced.map(\.raw.id))
        #expect(try store.inner.entries(clientID: "c", userID: "u", limit: nil).count == synced.count)
    }
}
