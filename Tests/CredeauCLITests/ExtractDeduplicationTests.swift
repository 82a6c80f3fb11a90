import Foundation
import Testing

/// `extract --sms` and featurisation drop the same re-synced SMS.
@Suite struct ExtractDeduplicationTests {
    private typealias Support = CLITestSupport
    private let dump = Support.packageRoot.appendingPathComponent("Tests/CredeauKitTests/Fixtures/dedup-modes").path

    @Test func bothModesKeepSameSMS() throws {
        let sms = try Support.run(["extract", "--sms", "-i", dump, "--client-id", "c1", "-q"])
        let features = try Support.run(["extract", "-i", dump, "-o", "-", "--cutoff-date", "2026-03-31", "-q"])

        #expect(sms.status == 0)
        let ids = try sms.stdoutLines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["sms_id"] as? String
        }
        // 44 is SMS 1 again with a lower-case sender; 45 differs by a trailing space in the body.
        #expect(ids == ["1", "2", "3", "45"])
        #expect(features.status == 0)
        let rows = try FeaturesTestSupport.rows(features.stdout)
        #expect(rows.first?["client_id"] == .string("c1"))
        #expect(rows.first?["all_sms_count_all"] == .integer(Int64(ids.count)))
    }
}
