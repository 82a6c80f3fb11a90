@testable import CredeauKit
import Foundation
import Testing

/// How `InsightsPipeline.classify` merges stored entries with the classifier's fresh ones.
@Suite struct InsightsPipelineClassifyTests {
    /// Classifies in process, optionally returning the entries in reverse order, and records the ids it receives.
    final class OrderedClassifier: SMSClassifier, @unchecked Sendable {
        let reverses: Bool
        private(set) var received: [String] = []

        init(reverses: Bool) { self.reverses = reverses }

        var storesEntries: Bool { false }

        func classify(_ sms: [RawSMS], createdAtMillis: [Int64], clientID: String, userID: String,
                      requestID: String) throws -> [ExtractedSMS] {
            received += sms.map(\.id)
            let entries = InProcessSMSClassifier().classify(sms, createdAtMillis: createdAtMillis, clientID: clientID,
                                                             userID: userID, requestID: requestID)
            return reverses ? entries.reversed() : entries
        }
    }

    private let synced: [(raw: RawSMS, syncedAt: Int64)] = (0..<40).map { index in
        let raw = RawSMS(id: "m\(index)", sender: "VM-HDFCBK",
                         body: "Rs \(100 + index).50 debited from A/c XX1234 on 01-03-26 to VPA shop\(index)@upi",
                         inboxDateMillis: 1_772_000_000_123 + Int64(index) * 61_001)
        return (raw, 1_772_100_000_000 + Int64(index))
    }

    private func pipeline(_ classifier: any SMSClassifier) throws -> (InsightsPipeline, SQLiteExtractedSMSStore) {
        let folder = try StorageTestSupport.temporaryDirectory()
        let path = folder.appendingPathComponent("credeau.db").path
        let store = try SQLiteExtractedSMSStore(path: path, fernet: nil, migrate: true)
        let syncDB = SyncDBAccess(mongo: nil, fallback: .sqlite(try SQLiteConnectionPool(path: path)),
                                  enabledSources: MongoEnabledSources(sources: []))
        return (InsightsPipeline(syncDB: syncDB, extractedStore: store, classifier: classifier), store)
    }

    private func request() throws -> InsightsRequest {
        try InsightsRequest.parse(Array(#"{"user_id": "u", "client_id": "c"}"#.utf8), scoresAvailable: false)
    }

    /// The entries `classify` must return: each SMS extracted, with its exact dates and body.
    private func expected(requestID: String) -> [ExtractedSMS] {
        InProcessSMSClassifier().classify(synced.map(\.raw), createdAtMillis: synced.map(\.syncedAt), clientID: "c",
                                          userID: "u", requestID: requestID)
    }

    /// serve-sms rejects an id with NUL, so the classifier gets U+FFFD in its place, as PostgreSQL keeps it.
    @Test func idWithNULIsSentWithReplacement() throws {
        let classifier = OrderedClassifier(reverses: false)
        let (pipeline, store) = try pipeline(classifier)
        var sms = synced[0]
        sms.raw.id = "n\u{0}1"
        let (entries, _) = try pipeline.classify([sms], request: try request(), requestID: "r1")

        #expect(classifier.received == ["n\u{FFFD}1"])
        #expect(entries.map(\.smsID) == ["n\u{FFFD}1"])
        #expect(try store.unorderedEntries(clientID: "c", userID: "u").map(\.smsID) == ["n\u{FFFD}1"])
    }

    @Test(arguments: [false, true])
    func firstRequestMatchesInProcess(reverses: Bool) throws {
        let classifier = OrderedClassifier(reverses: reverses)
        let (pipeline, _) = try pipeline(classifier)
        let (entries, stored) = try pipeline.classify(synced, request: try request(), requestID: "r1")

        #expect(stored == 0)
        #expect(entries == expected(requestID: "r1"))
        #expect(classifier.received == synced.map(\.raw.id))
    }

    @Test func storedEntriesAreReusedAndRestClassified() throws {
        let classifier = OrderedClassifier(reverses: false)
        let (pipeline, store) = try pipeline(classifier)
        // Every third SMS was extracted before, by an older engine that named the sender differently.
        var old = expected(requestID: "r0").enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
        for index in old.indices { old[index].senderName = "stored \(index)" }
        try store.store(old, clientID: "c", userID: "u", requestID: "r0")

        let (entries, stored) = try pipeline.classify(synced, request: try request(), requestID: "r1")

        #expect(stored == old.count)
        #expect(classifier.received == synced.enumerated().filter { $0.offset % 3 != 0 }.map(\.element.raw.id))
        #expect(entries.map(\.smsID) == synced.map(\.raw.id))
        #expect(entries.map(\.smsBody) == synced.map(\.raw.body))
        #expect(entries.map(\.inboxDateMillis) == synced.map(\.raw.inboxDateMillis))
        #expect(entries.map(\.createdAtMillis) == synced.map(\.syncedAt))
        let fresh = expected(requestID: "r1")
        for (index, entry) in entries.enumerated() {
            if index % 3 == 0 {
                #expect(entry.senderName == "stored \(index / 3)")
                #expect(entry.requestID == "r0")
            } else {
                #expect(entry == fresh[index])
            }
        }
    }

    @Test func allStoredSkipsClassifier() throws {
        let classifier = OrderedClassifier(reverses: false)
        let (pipeline, store) = try pipeline(classifier)
        try store.store(expected(requestID: "r0"), clientID: "c", userID: "u", requestID: "r0")

        let (entries, stored) = try pipeline.classify(synced, request: try request(), requestID: "r1")

        #expect(stored == synced.count)
        #expect(classifier.received.isEmpty)
        #expect(entries.map(\.smsID) == synced.map(\.raw.id))
        #expect(entries.map(\.smsBody) == synced.map(\.raw.body))
        #expect(entries.map(\.inboxDateMillis) == synced.map(\.raw.inboxDateMillis))
        #expect(entries.map(\.createdAtMillis) == synced.map(\.syncedAt))
        #expect(entries.map(\.amount) == expected(requestID: "r0").map(\.amount))
        #expect(entries.allSatisfy { $0.requestID == "r0" })
    }

    @Test func emptyAndRepeatedIDs() throws {
        // SMS 1 and 2 repeat an id with different bodies, and SMS 3 and 4 have no id and the same
        // content, so they get one content id. The later copy's entry serves both positions, each
        // completed with its own body and dates.
        var list = Array(synced.prefix(6))
        list[2].raw.id = list[1].raw.id
        list[3].raw.id = ""
        list[4].raw = list[3].raw
        list[4].syncedAt = list[3].syncedAt + 5
        let classifier = OrderedClassifier(reverses: false)
        let (pipeline, _) = try pipeline(classifier)

        let (entries, stored) = try pipeline.classify(list, request: try request(), requestID: "r1")

        let contentID = InsightsPipeline.contentID(list[3].raw)
        #expect(stored == 0)
        #expect(entries.map(\.smsID) == [list[0].raw.id, list[1].raw.id, list[1].raw.id, contentID, contentID, list[5].raw.id])
        #expect(entries.map(\.smsBody) == list.map(\.raw.body))
        #expect(entries.map(\.createdAtMillis) == list.map(\.syncedAt))
        #expect(entries[1].amount == entries[2].amount)
        #expect(entries[2].amount == 102.5)
    }

    /// A classifier that stores its entries, as the SMS Extraction API does, except for the SMS
    /// it extracts in process, which the pipeline must store.
    @Test func entriesTheClassifierSkipsAreStored() throws {
        final class PartlyStoringClassifier: SMSClassifier, @unchecked Sendable {
            var storesEntries: Bool { true }
            func storesEntry(of sms: RawSMS) -> Bool { sms.inboxDateMillis != nil }
            func classify(_ sms: [RawSMS], createdAtMillis: [Int64], clientID: String, userID: String,
                          requestID: String) throws -> [ExtractedSMS] {
                InProcessSMSClassifier().classify(sms, createdAtMillis: createdAtMillis, clientID: clientID,
                                                  userID: userID, requestID: requestID)
            }
        }
        var list = Array(synced.prefix(8))
        list[2].raw.inboxDateMillis = nil
        list[5].raw.inboxDateMillis = nil
        let (pipeline, store) = try pipeline(PartlyStoringClassifier())

        let (entries, _) = try pipeline.classify(list, request: try request(), requestID: "r1")

        #expect(entries.count == list.count)
        let stored = try store.unorderedEntries(clientID: "c", userID: "u")
        #expect(Set(stored.map(\.smsID)) == [list[2].raw.id, list[5].raw.id])
        #expect(stored.allSatisfy { $0.inboxDateMillis == nil })
        #expect(stored.allSatisfy { $0.requestID == "r1" })
    }

    /// Ids longer than `extracted_sms` keeps get a digest of the id, so two ids that share their
    /// first 128 characters stay apart and a repeat request finds both stored.
    @Test func longIDsGetDigestIDs() throws {
        var list = Array(synced.prefix(4))
        let long = String(repeating: "🙂", count: 129)
        list[1].raw.id = long
        list[2].raw.id = String(long.prefix(128))
        let (pipeline, store) = try pipeline(OrderedClassifier(reverses: false))

        let (first, _) = try pipeline.classify(list, request: try request(), requestID: "r1")
        let (second, storedOnRepeat) = try pipeline.classify(list, request: try request(), requestID: "r2")

        let digest = InsightsPipeline.shortenedID(long)
        #expect(digest.hasPrefix("sha256:"))
        #expect(digest.count == 39)
        #expect(first.map(\.smsID) == [list[0].raw.id, digest, list[2].raw.id, list[3].raw.id])
        #expect(second.map(\.smsID) == first.map(\.smsID))
        #expect(storedOnRepeat == list.count)
        #expect(try store.unorderedEntries(clientID: "c", userID: "u").count == list.count)
    }

    @Test func missingEntryIsError() throws {
        final class DroppingClassifier: SMSClassifier, @unchecked Sendable {
            var storesEntries: Bool { false }
            func classify(_ sms: [RawSMS], createdAtMillis: [Int64], clientID: String, userID: String,
                          requestID: String) throws -> [ExtractedSMS] {
                Array(InProcessSMSClassifier().classify(sms, createdAtMillis: createdAtMillis, clientID: clientID,
                                                        userID: userID, requestID: requestID).dropLast())
            }
        }
        let (pipeline, _) = try pipeline(DroppingClassifier())

        #expect {
            try pipeline.classify(synced, request: try request(), requestID: "r1")
        } throws: { error in
            "\(error)".contains("no entry for sms_id 'm39'")
        }
    }
}
