import Testing
@testable import CredeauKit

/// A source whose every document failed to read is unavailable, so its features are null with a
/// reason instead of the zeros of a source synced with no records.
@Suite struct UnreadableSourceTests {
    private typealias F = FeatureFixture

    private static let header = "\"client_id\": \"c1\", \"user_id\": \"u1\""

    /// Adds each SMS document text the way the loader does, leaving out those that fail, and
    /// returns the features.
    private static func smsFeatures(_ texts: [String]) -> [String: FeatureValue] {
        var builder = UserDataBuilder(clientID: "c1", userID: "u1", skipsInvalidData: true)
        for text in texts {
            do {
                try UserDataLoader.addSMS(text, to: &builder)
            } catch {
                builder.recordSkippedDocument(reason: "\(error)")
            }
        }
        return F.compute(builder.build(), groupings: [.sms])
    }

    @Test(arguments: [
        "{\(header), \"created_at\": \"2026-03-10 10:00:00\", \"sms\": \"not an array\"}",
        "{\(header), \"created_at\": \"garbage\", \"sms\": []}",
        "{\(header), \"created_at\": \"2026-03-10 10:00:00\", \"sms\": [\"not an object\"]}",
    ])
    func unreadableSMSDocumentIsNotSynced(text: String) {
        let values = Self.smsFeatures([text])
        #expect(values["sms_data_null_reason"] == .string("not_synced"))
        #expect(values["all_sms_count_all"] == .null)
    }

    @Test func readableDocumentStillCounts() {
        let values = Self.smsFeatures([
            "{\(Self.header), \"created_at\": \"2026-03-12 10:00:00\", \"sms\": \"not an array\"}",
            "{\(Self.header), \"created_at\": \"2026-03-11 10:00:00\", \"sms\": []}",
        ])
        #expect(values["sms_data_null_reason"] == .null)
        #expect(values["all_sms_count_all"] == .integer(0))
        // The lag runs from the readable sync, because the later document was left out.
        let lag = Double(F.cutoff - F.ist("2026-03-11 10:00:00")) / 3_600_000
        #expect(values["sms_last_sync_lag_hours_all"] == .double(lag))
    }

    @Test func unreadableAppsDocumentIsNotSynced() throws {
        var builder = UserDataBuilder(clientID: "c1", userID: "u1")
        let document = try JSONParser.parse("{\(Self.header), \"created_at\": \"2026-03-10 10:00:00\", \"apps\": 5}")
        #expect(throws: SyncDataError.self) { try builder.add(document: document, source: .apps) }
        let values = F.compute(builder.build(), groupings: [.sms])
        #expect(values["apps_data_null_reason"] == .string("not_synced"))
    }
}
