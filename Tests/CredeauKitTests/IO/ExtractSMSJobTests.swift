import Foundation
import Testing
@testable import CredeauKit

@Suite struct ExtractSMSJobTests {
    private func run(_ path: String, workers: Int = 1, selection: SMSSelection = SMSSelection())
        throws -> (ExtractSMSSummary, CollectingWriter, [InputProblem])
    {
        let job = try ExtractSMSJob(options: .init(inputPath: path, selection: selection, workers: workers,
                                               createdAtMillis: 1_773_900_000_000))
        let writer = CollectingWriter()
        var problems: [InputProblem] = []
        let summary = try job.run(writer: writer, problem: { problems.append($0) })
        return (summary, writer, problems)
    }

    @Test func summaryCountsTheDump() throws {
        let (summary, writer, problems) = try run(IOTestSupport.fixture("sync_db"))

        #expect(writer.isFinished)
        #expect(writer.entries.count == 272)
        #expect(summary.extracted == 272)
        #expect(summary.users == 5)
        #expect(summary.counts.documents == 10)
        #expect(summary.counts.sms == 308)
        #expect(summary.counts.duplicates == 35)
        #expect(summary.counts.notInInbox == 1)
        #expect(summary.skipped == 0)
        #expect(problems.isEmpty)
        #expect(summary.line.hasPrefix("Extracted 272 SMS of 5 users from 10 documents in "))
        #expect(summary.line.hasSuffix("(308 read, 35 duplicates, 1 not in the inbox, 0 skipped)"))
    }

    @Test func entriesCarrySyncRequestCreationTime() throws {
        let (_, writer, _) = try run(IOTestSupport.fixture("sync_db"))
        let first = try #require(writer.entries.first)

        // The first sync request of cu-1001 was stored at 2026-03-18 12:00 India time.
        #expect(first.userID == "cu-1001")
        #expect(first.requestID == "sr-1001-01")
        #expect(IndiaTime.dateTime(fromMillis: first.createdAtMillis) == "2026-03-18 12:00:00")
    }

    @Test func singleSMSWithoutCreationTimeUsesJobTime() throws {
        let (_, writer, _) = try run(IOTestSupport.fixture("sms/messages.jsonl"))
        #expect(writer.entries.allSatisfy { $0.createdAtMillis == 1_773_900_000_000 })
    }

    @Test func workersKeepOutputOrder() throws {
        let (_, single, _) = try run(IOTestSupport.fixture("sync_db"), workers: 1)
        let (_, parallel, _) = try run(IOTestSupport.fixture("sync_db"), workers: 4)

        #expect(parallel.entries == single.entries)
    }

    /// Several batches of 4,096 SMS go through the background writer in order.
    @Test func workersKeepOrderAcrossBatches() throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        let path = folder.appendingPathComponent("many.jsonl").path
        let senders = ["VM-HDFCBK", "AD-ICICIB", "JD-AMAZON"]
        var lines = ""
        for index in 0..<10_000 {
            let body = "Rs.\(100 + index % 900).00 debited from A/c XX\(1000 + index % 9000) on 01-02-26. Ref \(index)"
            lines += #"{"id":"m\#(index)","sender":"\#(senders[index % 3])","body":"\#(body)","date":\#(1_772_000_000_000 + index * 1000)}"#
            lines += "\n"
        }
        try lines.write(toFile: path, atomically: true, encoding: .utf8)

        let (oneSummary, single, _) = try run(path, workers: 1)
        let (twoSummary, parallel, _) = try run(path, workers: 3)

        #expect(single.entries.count == 10_000)
        #expect(parallel.entries == single.entries)
        #expect(parallel.isFinished)
        #expect(twoSummary.extracted == oneSummary.extracted)
    }

    /// With several workers a JSON Lines or CSV writer gets its entries encoded on the extraction
    /// threads. The file must equal the one-thread file byte for byte.
    @Test(arguments: ["jsonl", "csv"])
    func encodedOutputMatchesOneThread(format: String) throws {
        let folder = try StorageTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("many.jsonl").path
        var lines = ""
        for index in 0..<9_000 {
            // A quote, a comma, a tab and a non-ASCII character, which both formats escape or quote.
            let body = #"Rs.\#(100 + index % 900).00 credited to A/c XX\#(1000 + index % 9000) by \"NEFT\", \tRef \#(index) ₹"#
            lines += #"{"id":"m\#(index)","sender":"VM-HDFCBK","body":"\#(body)","date":\#(1_772_000_000_000 + index * 1000)}"#
            lines += "\n"
        }
        try lines.write(toFile: input, atomically: true, encoding: .utf8)

        var outputs: [Data] = []
        for workers in [1, 3] {
            let path = folder.appendingPathComponent("out-\(workers).\(format)").path
            let job = try ExtractSMSJob(options: .init(inputPath: input, workers: workers, createdAtMillis: 1_773_900_000_000))
            let writer = try ExtractOutput.makeWriter(path: path, format: #require(ExtractOutputFormat(rawValue: format)))
            let summary = try job.run(writer: writer)
            #expect(summary.extracted == 9_000)
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        #expect(outputs[0].count > 9_000 * 100)
        #expect(outputs[1] == outputs[0])
    }

    @Test func skippedRecordsAreCountedByField() throws {
        let (summary, writer, problems) = try run(IOTestSupport.fixture("bad/wrong-types.jsonl"))

        #expect(writer.entries.map(\.smsID) == ["d-005"])
        #expect(summary.skipped == 6)
        #expect(problems.count == 6)
        #expect(summary.skippedByField == ["sms_body": 1, "sms_id": 1, "sms_inbox_date": 2, "sms_sender": 1, "user_id": 1])
        #expect(summary.problems == problems)
    }

    @Test func groupedNumbers() {
        #expect(ExtractSMSSummary.grouped(0) == "0")
        #expect(ExtractSMSSummary.grouped(999) == "999")
        #expect(ExtractSMSSummary.grouped(1_000) == "1,000")
        #expect(ExtractSMSSummary.grouped(1_234_567) == "1,234,567")
    }
}
