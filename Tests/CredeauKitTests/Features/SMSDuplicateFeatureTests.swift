import Testing
@testable import CredeauKit

/// The loader drops re-synced SMS before the engine reads them, so `sms_duplicate_count` must
/// count what the loader dropped.
@Suite struct SMSDuplicateFeatureTests {
    private typealias F = FeatureFixture

    private static let body = "Rs.500.00 debited from A/c XX1234 on 10-03-26 to SWIGGY. Avl Bal Rs 4,000.00"

    /// Returns the text of one SMS record received at `received` (epoch milliseconds).
    private static func sms(_ id: String, sender: String = "VM-HDFCBK", received: Int64) -> String {
        "{\"sms_id\": \"\(id)\", \"sms_sender\": \"\(sender)\", \"sms_body\": \"\(body)\", \"sms_inbox_date\": \(received)}"
    }

    /// Builds user u1 from SMS documents, each a list of record texts, and computes the features.
    private static func features(_ documents: [[String]]) throws -> [String: FeatureValue] {
        var builder = UserDataBuilder(clientID: "c1", userID: "u1")
        for (number, records) in documents.enumerated() {
            let text = """
            {"client_id": "c1", "user_id": "u1", "request_id": "r\(number)", "created_at": "2026-03-25 12:00:00",
             "sms": [\(records.joined(separator: ","))]}
            """
            try builder.add(document: try JSONParser.parse(text), source: .sms)
        }
        return F.compute(builder.build(), groupings: [.sms])
    }

    private static let received = F.ist("2026-03-10 10:00:00")

    @Test(arguments: [
        [[sms("1", received: received), sms("2", received: received)]],
        [[sms("1", received: received), sms("1", received: received)]],
        [[sms("1", received: received)], [sms("1", received: received)]],
        [[sms("1", received: received)], [sms("9", sender: "AX-HDFCBK-S", received: received)]],
    ])
    func droppedTwinIsCounted(documents: [[String]]) throws {
        let values = try Self.features(documents)
        #expect(values["all_sms_count_all"] == .integer(1))
        #expect(values["sms_duplicate_count_all"] == .integer(1))
        #expect(values["sms_duplicate_share_all"] == .double(0.5))
    }

    @Test func twinAfterCutoffIsNotCounted() throws {
        let late = F.ist("2026-03-20 10:00:00")
        let values = try Self.features([[Self.sms("1", received: Self.received), Self.sms("2", received: late)],
                                        [Self.sms("3", received: late)]])
        #expect(values["sms_duplicate_count_all"] == .integer(0))
        #expect(values["sms_duplicate_share_all"] == .double(0))
    }
}
