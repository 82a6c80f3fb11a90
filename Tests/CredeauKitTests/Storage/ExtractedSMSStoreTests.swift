@testable import CredeauKit
import Foundation
import Testing

@Suite struct ExtractedSMSStoreTests {
    private func entry(_ id: String, body: String, inboxMillis: Int64) -> ExtractedSMS {
        SMSExtractor().extract(RawSMS(id: id, sender: "VM-HDFCBK", body: body, inboxDateMillis: inboxMillis),
                               createdAtMillis: inboxMillis)
    }

    @Test func entriesWithoutBodiesNeedNoKey() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("credeau.db").path
        let fernet = try Fernet(key: Fernet.generateKey())
        let writer = try SQLiteExtractedSMSStore(path: path, fernet: fernet, migrate: true)
        try writer.store([
            entry("a", body: "Rs 500.00 debited from A/c XX1234 on 01-03-26 to VPA shop@okaxis", inboxMillis: 1_772_000_000_000),
            entry("b", body: "Rs 900.00 credited to A/c XX1234 on 02-03-26 by NEFT", inboxMillis: 1_772_100_000_000),
        ], clientID: "acme", userID: "u1", requestID: "r1")

        let reader = try SQLiteExtractedSMSStore(path: path, fernet: nil, migrate: false)
        let withoutBodies = try reader.entries(clientID: "acme", userID: "u1", limit: nil, includeBodies: false)
        #expect(withoutBodies.map(\.smsID) == ["b", "a"])
        #expect(withoutBodies.allSatisfy { $0.smsBody.isEmpty })
        #expect(withoutBodies.last?.amount == 500)
        #expect(throws: ExtractedSMSStoreError.self) {
            _ = try reader.entries(clientID: "acme", userID: "u1", limit: nil)
        }

        let withBodies = try writer.entries(clientID: "acme", userID: "u1", limit: 1)
        #expect(withBodies.count == 1)
        #expect(withBodies.first?.smsBody.hasPrefix("Rs 900.00 credited") == true)
    }
}
