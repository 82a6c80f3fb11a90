import Testing
@testable import CredeauKit

@Suite struct DumpLoadSummaryTests {
    @Test func countsEachCollection() {
        var summary = DumpLoadSummary()
        summary.add(collection: "sms_sync_request_sms_data", inserted: 3, skipped: 1)
        summary.add(collection: "app_data", inserted: 0, skipped: 2)

        #expect(summary.description
            == "loaded 3 documents, skipped 3 already present (app_data +0, sms_sync_request_sms_data +3)")
    }

    /// A database that MongoDB leaves no collection of gets a line without empty parentheses.
    @Test func noCollectionSaysSo() {
        #expect(DumpLoadSummary().description == "loaded no documents, as no collection of the dump is kept in this database")
    }
}
